package dev.parakeet.jit.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the current schema with Flyway: versioned scripts ({@code V1__...}) in one
 * folder per vendor, recorded in {@code flyway_schema_history}, so opening an up-to-date database
 * again changes nothing.
 */
final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  static void migrate(DataSource dataSource, Vendor vendor) {
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(vendor.migrationLocation())
            .failOnMissingLocations(true)
            // Cleaning a database is never what a caller of this store wants.
            .cleanDisabled(true)
            .load();
    MigrateResult result = flyway.migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "database migrated to version {} ({} migrations)",
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }
}
