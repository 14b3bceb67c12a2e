package dev.parakeet.jit.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Finds the {@code :name} parameters of our SQL. JDBI's own parser does the same with a generated
 * ANTLR lexer, whose first use costs a command-line process more than the statement it parses;
 * our SQL needs only this: names outside quotes and comments, PostgreSQL's {@code ::} casts left
 * alone.
 *
 * <p>Parsed statements are remembered: our SQL is a fixed set of texts, and a batch's multi-row
 * statement (1,300 parameters) was parsed again for every 100 generations.
 */
final class ColonParameters implements SqlParser {

  /** More than the distinct statements the store makes; past it, texts are parsed each time. */
  private static final int REMEMBERED = 512;

  private final Map<String, ParsedSql> parsed = new ConcurrentHashMap<>();

  @Override
  public ParsedSql parse(String sql, StatementContext ctx) {
    ParsedSql known = parsed.get(sql);
    if (known != null) {
      return known;
    }
    ParsedSql fresh = parse(sql);
    if (parsed.size() < REMEMBERED) {
      parsed.putIfAbsent(sql, fresh);
    }
    return fresh;
  }

  static ParsedSql parse(String sql) {
    ParsedSql.Builder parsed = ParsedSql.builder();
    StringBuilder text = new StringBuilder(sql.length());
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closing(sql, i, c);
        text.append(sql, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        text.append(sql, i, end);
        i = end;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        text.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && (Character.isJavaIdentifierPart(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        parsed.append(text.toString());
        text.setLength(0);
        parsed.appendNamedParameter(sql.substring(i + 1, end));
        i = end;
      } else {
        text.append(c);
        i++;
      }
    }
    parsed.append(text.toString());
    return parsed.build();
  }

  /** The index just past the quote that closes the one at {@code start} (doubled quotes escape). */
  private static int closing(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  @Override
  public String nameParameter(String rawName, StatementContext ctx) {
    return ":" + rawName;
  }
}
