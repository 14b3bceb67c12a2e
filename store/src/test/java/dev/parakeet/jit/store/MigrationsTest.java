package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Opening a database whose schema is current skips Flyway; anything else — new, older, edited —
 * still goes through Flyway with all its checks. On SQLite and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class MigrationsTest {

  private final Backend backend;
  @TempDir Path tempDir;
  private String url;
  private ListAppender<ILoggingEvent> flywayLog;
  private Logger flywayLogger;
  private Level flywayLevel;

  MigrationsTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void watchFlyway() {
    url = backend.newUrl(tempDir);
    flywayLogger = (Logger) LoggerFactory.getLogger("org.flywaydb");
    flywayLevel = flywayLogger.getLevel();
    flywayLogger.setLevel(Level.INFO);
    flywayLog = new ListAppender<>();
    flywayLog.start();
    flywayLogger.addAppender(flywayLog);
  }

  @AfterEach
  void discard() {
    flywayLogger.detachAppender(flywayLog);
    flywayLogger.setLevel(flywayLevel);
    backend.discard(url);
  }

  @Test
  void theShippedListIsExactlyWhatFlywayResolvesFromTheClassPath() {
    Vendor vendor = DatabaseUrl.parse(url).vendor();
    List<Migrations.Applied> resolved = Arrays.stream(flyway(null).info().all())
        .map(info -> new Migrations.Applied(info.getVersion().getVersion(), info.getChecksum()))
        .toList();
    assertThat(Migrations.shipped(vendor)).isEqualTo(resolved);
  }

  @Test
  void aNewDatabaseIsMigratedByFlywayAndACurrentOneOpensWithoutIt() {
    try (Database db = Database.open(url, Clock.systemUTC())) {
      db.sessions().record(Generations.of("sess-1", 1));
    }
    assertThat(flywayLog.list).as("Flyway ran on the new database").isNotEmpty();
    List<?> historyBefore = history();

    flywayLog.list.clear();
    try (Database db = Database.open(url, Clock.systemUTC())) {
      assertThat(db.sessions().find("sess-1")).isPresent();
      db.checkReady();
    }
    assertThat(flywayLog.list).as("Flyway ran on a current database").isEmpty();
    assertThat(history()).isEqualTo(historyBefore);
  }

  @Test
  void anOlderDatabaseIsUpgradedByFlyway() {
    flyway("1").migrate();
    try (Database db = Database.open(url, Clock.systemUTC())) {
      db.checkReady();
    }
    assertThat(flywayLog.list).isNotEmpty();
    assertThat(history()).extracting(row -> row.get(0)).containsExactly("1", "2", "3", "4");
  }

  @Test
  void anEditedMigrationIsStillCaughtByFlywaysValidation() {
    Database.open(url, Clock.systemUTC()).close();
    execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");

    assertThatThrownBy(() -> Database.open(url, Clock.systemUTC()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void readinessFailsOnASchemaThisVersionDoesNotUse() {
    try (Database db = Database.open(url, Clock.systemUTC())) {
      execute("UPDATE flyway_schema_history SET success = " + (backend == Backend.SQLITE ? "0" : "false")
          + " WHERE version = '2'");
      assertThatThrownBy(db::checkReady)
          .isInstanceOf(StoreException.class)
          .hasMessageEndingWith("is not ready: its schema is not the one this version uses");
    }
  }

  /** {@code generate}'s way of opening: the same checks, Flyway on a pool of its own when needed. */
  @Test
  void oneConnectionMigratesSkipsAndValidatesAsThePoolDoes() {
    flyway("1").migrate();
    try (Database db = Database.openOneConnection(url, Clock.systemUTC())) {
      db.sessions().record(Generations.of("sess-1", 1));
      db.checkReady();
    }
    assertThat(history()).extracting(row -> row.get(0)).containsExactly("1", "2", "3", "4");

    flywayLog.list.clear();
    try (Database db = Database.openOneConnection(url, Clock.systemUTC())) {
      assertThat(db.sessions().find("sess-1")).isPresent();
    }
    assertThat(flywayLog.list).as("Flyway ran on a current database").isEmpty();

    execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");
    assertThatThrownBy(() -> Database.openOneConnection(url, Clock.systemUTC()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void aNewerDatabaseMeetsTheSameAnswerOnOneConnectionAsOnThePool() {
    Database.open(url, Clock.systemUTC()).close();
    execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
        + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from a newer build', 'SQL',"
        + " 'V99__newer.sql', 1, 'test', 1, " + (backend == Backend.SQLITE ? "1" : "true") + ")");

    String pooled = outcome(() -> Database.open(url, Clock.systemUTC()));
    assertThat(outcome(() -> Database.openOneConnection(url, Clock.systemUTC()))).isEqualTo(pooled);
  }

  private static String outcome(java.util.function.Supplier<Database> opening) {
    try (Database db = opening.get()) {
      return "opened " + db.describe();
    } catch (StoreException e) {
      return e.getMessage();
    }
  }

  private Flyway flyway(String target) {
    DatabaseUrl parsed = DatabaseUrl.parse(url);
    var config = Flyway.configure()
        .dataSource(parsed.driverUrl(), parsed.user(), parsed.password())
        .locations(parsed.vendor().migrationLocation());
    if (target != null) {
      config.target(target);
    }
    return config.load();
  }

  private List<List<Object>> history() {
    try (var c = java.sql.DriverManager.getConnection(DatabaseUrl.parse(url).driverUrl(), user());
        var s = c.createStatement();
        var rows = s.executeQuery(
            "SELECT version, checksum, installed_on FROM flyway_schema_history ORDER BY installed_rank")) {
      List<List<Object>> history = new java.util.ArrayList<>();
      while (rows.next()) {
        history.add(List.of(rows.getString(1), rows.getInt(2), rows.getString(3)));
      }
      return history;
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private void execute(String sql) {
    try (var c = java.sql.DriverManager.getConnection(DatabaseUrl.parse(url).driverUrl(), user());
        var s = c.createStatement()) {
      s.execute(sql);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private java.util.Properties user() {
    java.util.Properties properties = new java.util.Properties();
    DatabaseUrl parsed = DatabaseUrl.parse(url);
    if (parsed.user() != null) {
      properties.setProperty("user", parsed.user());
    }
    return properties;
  }

}
