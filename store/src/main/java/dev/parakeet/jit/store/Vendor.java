package dev.parakeet.jit.store;

/**
 * The two databases the store runs on, and the little that differs between them in SQL: the type
 * JSON is cast to on the way in, and the Flyway folder holding that vendor's migrations.
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

  /** The same schema, written once per vendor because the column types differ. */
  String migrationLocation() {
    return "classpath:db/migration/" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
