package dev.parakeet.jit.store;

/**
 * The two databases the store runs on, and the little that differs between them in SQL: the type
 * JSON is cast to on the way in (a queryable value, and a generation's documents), how to ask whether Flyway's history table exists, and the Flyway
 * folder holding that vendor's migrations.
 */
enum Vendor {
  SQLITE("SQLite", "TEXT", "TEXT"),
  POSTGRESQL("PostgreSQL", "jsonb", "json");

  private final String displayName;
  private final String jsonType;
  private final String documentType;

  Vendor(String displayName, String jsonType, String documentType) {
    this.displayName = displayName;
    this.jsonType = jsonType;
    this.documentType = documentType;
  }

  String displayName() {
    return displayName;
  }

  /** Substituted for {@code <json>} in {@code CAST(:x AS <json>)}. */
  String jsonType() {
    return jsonType;
  }

  /**
   * The shared SQL text for this vendor: {@code <json>} becomes its JSON type, {@code <document>}
   * the type of a generation's stored documents (input snapshot, output, planned sets: written
   * once, read back whole, never queried inside — {@code json} on PostgreSQL since V3).
   */
  String render(String sql) {
    return sql.replace("<json>", jsonType).replace("<document>", documentType);
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
