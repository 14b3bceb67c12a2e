package dev.parakeet.jit.store;

/**
 * The two databases the store runs on, and the little that differs between them in SQL: the type
 * JSON is cast to on the way in, how to ask whether Flyway's history table exists, and the Flyway
 * folder holding that vendor's migrations.
 */
enum Vendor {
  SQLITE("SQLite", "TEXT"),
  POSTGRESQL("PostgreSQL", "jsonb");

  private final String displayName;
  private final String jsonType;

  Vendor(String displayName, String jsonType) {
    this.displayName = displayName;
    this.jsonType = jsonType;
  }

  String displayName() {
    return displayName;
  }

  /** Substituted for {@code <json>} in {@code CAST(:x AS <json>)}. */
  String jsonType() {
    return jsonType;
  }

  /** The shared SQL text for this vendor: {@code <json>} becomes its JSON type. */
  String render(String sql) {
    return sql.replace("<json>", jsonType);
  }

  /**
   * One row, one boolean column: does {@code flyway_schema_history} exist where Flyway keeps it
   * (the connection's current schema on PostgreSQL)?
   */
  String historyTableExistsSql() {
    return switch (this) {
      case SQLITE ->
          "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table'"
              + " AND name = 'flyway_schema_history')";
      case POSTGRESQL ->
          "SELECT to_regclass(quote_ident(current_schema()) || '.flyway_schema_history') IS NOT NULL";
    };
  }

  /** The same schema, written once per vendor because the column types differ. */
  String migrationLocation() {
    return "classpath:db/migration/" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
