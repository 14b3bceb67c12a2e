package dev.parakeet.jit.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns that stay aligned whatever is in them: widths are measured in terminal columns after
 * escaping, and a cell wider than its column's limit is cut with an ellipsis.
 */
final class TextTable {

  /** A column: its header and the widest it may grow. */
  record Column(String header, int maxWidth) {}

  private static final String GAP = "  ";

  private final String indent;
  private final List<Column> columns;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String indent, Column... columns) {
    this.indent = indent;
    this.columns = List.of(columns);
  }

  TextTable row(String... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  /** The header line and one line per row. */
  TextBlock render() {
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      Column column = columns.get(c);
      int widest = TerminalText.width(column.header());
      for (String[] row : rows) {
        widest = Math.max(widest, TerminalText.width(TerminalText.escape(row[c])));
      }
      widths[c] = Math.min(widest, column.maxWidth());
    }
    TextBlock block = new TextBlock();
    block.line(line(widths, columns.stream().map(Column::header).toArray(String[]::new)));
    for (String[] row : rows) {
      block.line(line(widths, row));
    }
    return block;
  }

  private String line(int[] widths, String[] cells) {
    StringBuilder line = new StringBuilder(indent);
    for (int c = 0; c < cells.length; c++) {
      String cell = TerminalText.fit(cells[c], widths[c]);
      boolean last = c == cells.length - 1;
      line.append(last ? cell : TerminalText.pad(cell, widths[c]) + GAP);
    }
    return line.toString();
  }
}
