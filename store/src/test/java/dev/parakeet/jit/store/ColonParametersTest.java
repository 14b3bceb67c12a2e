package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.jdbi.v3.core.statement.ParsedSql;
import org.junit.jupiter.api.Test;

/** The store's own parser of {@code :name} parameters. */
class ColonParametersTest {

  private static ParsedSql parse(String sql) {
    return new ColonParameters().parse(sql, null);
  }

  @Test
  void namesBecomePlaceholdersInOrder() {
    ParsedSql parsed = parse("INSERT INTO t (a, b) VALUES (:first, CAST(:second_2 AS jsonb)) -- :not");
    assertThat(parsed.getSql()).isEqualTo("INSERT INTO t (a, b) VALUES (?, CAST(? AS jsonb)) -- :not");
    assertThat(parsed.getParameters().getParameterNames()).containsExactly("first", "second_2");
  }

  @Test
  void quotesCommentsAndCastsAreLeftAlone() {
    ParsedSql parsed = parse(
        "SELECT ':a', \"col:b\", 'it''s :c', x::text, -- :d\n y FROM t WHERE k = :k AND j = :j");
    assertThat(parsed.getSql()).isEqualTo(
        "SELECT ':a', \"col:b\", 'it''s :c', x::text, -- :d\n y FROM t WHERE k = ? AND j = ?");
    assertThat(parsed.getParameters().getParameterNames()).containsExactly("k", "j");
  }

  @Test
  void aNameUsedTwiceIsTwoPlaceholders() {
    ParsedSql parsed = parse("WHERE (a < :at OR (a = :at AND id > :id))");
    assertThat(parsed.getSql()).isEqualTo("WHERE (a < ? OR (a = ? AND id > ?))");
    assertThat(parsed.getParameters().getParameterNames()).containsExactly("at", "at", "id");
  }
}
