package dev.parakeet.jit.app;

/**
 * Lines of text for people. Each line is escaped on its way in ({@link TerminalText#escape}), so
 * no value inside it — a session id, an exercise name, a model's rationale — can end the line,
 * start another or send a control sequence to the terminal.
 */
final class TextBlock {

  private final StringBuilder text = new StringBuilder();

  TextBlock line(String line) {
    text.append(TerminalText.escape(line)).append('\n');
    return this;
  }

  TextBlock blank() {
    text.append('\n');
    return this;
  }

  TextBlock append(TextBlock other) {
    text.append(other.text);
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
