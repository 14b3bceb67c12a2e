package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.wire.JitJson;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the sessions and their history, the same text on both databases ({@code <document>}
 * is the vendor's type for a generation's documents, see {@link Vendor#render}).
 *
 * <p>A generation is two statements: the upsert brings the {@code sessions} row to it (bumping the
 * revision), and the append copies that row into the history. The history entry is therefore the
 * row as it now is, by construction — which is also why both must run in order for each
 * generation, and why a batch runs them in rounds ({@link SessionWrites}). Within a round (distinct
 * sessions) both are multi-row statements: a statement's own cost — on PostgreSQL, starting the
 * executor and its CHECK expressions — is paid once per {@link #ROWS_PER_STATEMENT} generations.
 *
 * <p>The writes are plain JDBC, their named parameters turned into positional ones and bound by
 * position; the reads go through JDBI.
 */
final class SessionSql {

  /**
   * The column values of one generation, computed once before the transaction starts (JSON
   * serialisation does not belong inside a held write lock). The documents are UTF-8, bound as
   * bytes: the driver neither encodes them on the writer thread nor measures them as text.
   */
  record Write(
      String sessionId,
      String lifterId,
      int weekNumber,
      int blockNumber,
      String primaryLift,
      String intensityType,
      boolean deload,
      byte[] plannedSets,
      Instant generatedAt,
      byte[] inputSnapshot,
      String jitStrategy,
      byte[] output,
      LlmDecision decision) {

    static Write of(GenerationToStore generation) {
      return of(generation, JitJson.write(generation.output()));
    }

    /** {@code outputJson} is {@code JitJson.write(generation.output())}, written already. */
    static Write of(GenerationToStore generation, String outputJson) {
      return of(generation, utf8(outputJson));
    }

    /** {@code output} is the UTF-8 of {@code JitJson.write(generation.output())}. */
    static Write of(GenerationToStore generation, byte[] output) {
      JitInput input = generation.input();
      JitOutput jitOutput = generation.output();
      return new Write(
          input.sessionId(),
          generation.lifterId(),
          input.weekNumber(),
          input.blockNumber(),
          input.primaryLift().wire(),
          input.intensityType().wire(),
          input.intensityType() == IntensityType.DELOAD,
          utf8(JitJson.writePlannedSets(jitOutput.mainLiftSets())),
          jitOutput.generatedAt(),
          utf8(generation.inputSnapshotJson()),
          jitOutput.jitStrategy().wire(),
          output,
          generation.decision());
    }

    private static byte[] utf8(String json) {
      return json.getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * Inserts the row or brings it to this generation. On PostgreSQL the conflicting row is locked
   * until commit, so two regenerations of one session get consecutive revisions; on SQLite the
   * write transaction already excludes every other writer. A generation without a lifter keeps the
   * lifter already known; created_at never changes. A session's lifter, once known, never changes:
   * a generation for another lifter updates nothing (the {@code WHERE} of the conflict clause), and
   * the caller sees it in the update count ({@link OwnerConflictException}).
   */
  private static final String UPSERT_INTO =
      """
      INSERT INTO sessions (
          session_id, lifter_id, week_number, block_number, primary_lift, intensity_type,
          is_deload, status, planned_sets, jit_generated_at, jit_input_snapshot, jit_strategy,
          jit_output, revision, created_at, updated_at)
      VALUES
      """;

  /**
   * One row of the VALUES list; {@code #} is replaced by the row's number in the statement, and
   * {@code <bytes:x>} by the vendor's expression for a document bound as UTF-8 bytes ({@link
   * #documentFromBytes}).
   */
  private static final String UPSERT_ROW =
      """
      (:sessionId#, :lifterId#, :weekNumber#, :blockNumber#, :primaryLift#, :intensityType#,
       :deload#, 'planned', <bytes:plannedSets#>, :generatedAt#,
       <bytes:inputSnapshot#>, :jitStrategy#, <bytes:output#>, 1, :now#, :now#)""";


  private static final String UPSERT_CONFLICT =
      """

      ON CONFLICT (session_id) DO UPDATE SET
          lifter_id = COALESCE(excluded.lifter_id, sessions.lifter_id),
          week_number = excluded.week_number,
          block_number = excluded.block_number,
          primary_lift = excluded.primary_lift,
          intensity_type = excluded.intensity_type,
          is_deload = excluded.is_deload,
          status = excluded.status,
          planned_sets = excluded.planned_sets,
          jit_generated_at = excluded.jit_generated_at,
          jit_input_snapshot = excluded.jit_input_snapshot,
          jit_strategy = excluded.jit_strategy,
          jit_output = excluded.jit_output,
          revision = sessions.revision + 1,
          updated_at = excluded.updated_at
        WHERE sessions.lifter_id IS NULL
           OR excluded.lifter_id IS NULL
           OR sessions.lifter_id = excluded.lifter_id
      """;

  /**
   * How many generations one statement of a round writes: few enough for every database's limit
   * on bound parameters (14 per row), many enough that a statement's own cost is shared.
   */
  static final int ROWS_PER_STATEMENT = 100;

  /** The row just upserted, as the history entry of its revision (recorded when it was updated). */
  private static final String APPEND =
      """
      INSERT INTO session_generations (
          session_id, revision, generated_at, jit_strategy, planned_sets, jit_input_snapshot,
          jit_output, recorded_at)
      SELECT session_id, revision, jit_generated_at, jit_strategy, planned_sets,
             jit_input_snapshot, jit_output, updated_at
        FROM sessions
       WHERE session_id\s""";

  private static final String ROW =
      """
      SELECT session_id, lifter_id, week_number, block_number, primary_lift, intensity_type,
             is_deload, status, planned_sets, jit_generated_at, jit_input_snapshot, jit_strategy,
             jit_output, revision, created_at, updated_at
        FROM sessions
       WHERE session_id = :sessionId
      """;

  private static final String HISTORY =
      """
      SELECT id, revision, generated_at, jit_strategy, planned_sets, jit_input_snapshot,
             jit_output, recorded_at
        FROM session_generations
       WHERE session_id = :sessionId AND revision <= :revision
       ORDER BY revision
      """;

  private static final String SUMMARY_COLUMNS =
      """
      SELECT session_id, lifter_id, primary_lift, intensity_type, week_number, block_number,
             jit_strategy, jit_generated_at,
             -- Equals its number of history rows (each upsert bumps revision and appends one).
             revision, updated_at
        FROM sessions
      """;

  // Newest first; the session id breaks ties so that a cursor names one position.
  private static final String BY_LIFTER = " lifter_id = :lifterId";
  private static final String AFTER_CURSOR =
      " (updated_at < :afterAt OR (updated_at = :afterAt AND session_id > :afterId))";
  private static final String NEWEST_FIRST = " ORDER BY updated_at DESC, session_id LIMIT :limit";

  private final Vendor vendor;
  private final String upsertOne;
  private final String appendOneReturning;
  // A batch's statements, made when a batch first needs them: 1,400 parameters' worth of text
  // that a command recording one generation never uses.
  private volatile String[] fullPositional;

  SessionSql(Vendor vendor) {
    this.vendor = vendor;
    this.upsertOne = positional(upsert(vendor, 1));
    this.appendOneReturning = positional(APPEND + "= :sessionId0\nRETURNING id, revision");
  }

  /** The upsert and the append of {@link #ROWS_PER_STATEMENT} rows, positional. */
  private String[] fullPositional() {
    String[] made = fullPositional;
    if (made == null) {
      made = new String[] {
        positional(upsert(vendor, ROWS_PER_STATEMENT)), positional(append(ROWS_PER_STATEMENT))
      };
      fullPositional = made;
    }
    return made;
  }

  private static String upsert(Vendor vendor, int rows) {
    StringBuilder sql = new StringBuilder(UPSERT_INTO);
    for (int row = 0; row < rows; row++) {
      sql.append(row == 0 ? "" : ",\n").append(UPSERT_ROW.replace("#", Integer.toString(row)));
    }
    return documentsFromBytes(vendor, vendor.render(sql.append(UPSERT_CONFLICT).toString()));
  }

  private static String append(int rows) {
    StringBuilder sql = new StringBuilder(APPEND).append("IN (");
    for (int row = 0; row < rows; row++) {
      sql.append(row == 0 ? ":sessionId" : ", :sessionId").append(row);
    }
    return sql.append(')').toString();
  }

  private static final Pattern BYTES = Pattern.compile("<bytes:(\\w+)>");
  private static final Pattern NAMED = Pattern.compile(":\\w+");

  /**
   * A document bound as UTF-8 bytes, made the column's type: on SQLite a BLOB cast to TEXT is its
   * bytes read as the database's text (UTF-8); on PostgreSQL {@code convert_from} checks the bytes
   * are UTF-8 and the cast to {@code json} checks the JSON, as binding text did.
   */
  private static String documentsFromBytes(Vendor vendor, String sql) {
    String expression = switch (vendor) {
      case SQLITE -> "CAST(:$1 AS TEXT)";
      case POSTGRESQL -> "CAST(convert_from(:$1, 'UTF8') AS json)";
    };
    return BYTES.matcher(sql).replaceAll(expression);
  }

  /** The statement with JDBC's {@code ?} for each named parameter, for a plain prepared statement. */
  private static String positional(String named) {
    return NAMED.matcher(named).replaceAll("?");
  }

  private static final String OWNER = "SELECT lifter_id FROM sessions WHERE session_id = :sessionId";

  /**
   * One generation; returns where it landed.
   *
   * @throws OwnerConflictException when the session belongs to another lifter (nothing written)
   */
  StoredGeneration record(Connection connection, Write write, Instant now) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(upsertOne)) {
      bindUpsert(upsert, 1, write, now);
      if (upsert.executeUpdate() != 1) {
        throw new OwnerConflictException(write.sessionId());
      }
    }
    try (PreparedStatement append = connection.prepareStatement(appendOneReturning)) {
      append.setString(1, write.sessionId());
      try (ResultSet rows = append.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("the history entry of session " + write.sessionId() + " was not returned");
        }
        return new StoredGeneration(rows.getLong("id"), write.sessionId(), rows.getInt("revision"));
      }
    }
  }

  /**
   * Generations of distinct sessions (the caller guarantees that no session appears twice): one
   * multi-row upsert, then one append of all their rows, per {@link #ROWS_PER_STATEMENT}.
   *
   * <p>Positional parameters bound by position (no name lookups for 1,400 of them), each statement
   * prepared once per round and run again for every full chunk of it.
   */
  void recordRound(Connection connection, List<Write> writes, List<Instant> nows) throws SQLException {
    PreparedStatement upsertFull = null;
    PreparedStatement appendFull = null;
    try {
      for (int from = 0; from < writes.size(); from += ROWS_PER_STATEMENT) {
        int to = Math.min(writes.size(), from + ROWS_PER_STATEMENT);
        int rows = to - from;
        boolean full = rows == ROWS_PER_STATEMENT;
        if (full && upsertFull == null) {
          String[] statements = fullPositional();
          upsertFull = connection.prepareStatement(statements[0]);
          appendFull = connection.prepareStatement(statements[1]);
        }
        PreparedStatement upsert = full ? upsertFull : connection.prepareStatement(positional(upsert(vendor, rows)));
        PreparedStatement append = full ? appendFull : connection.prepareStatement(positional(append(rows)));
        try {
          int position = 1;
          for (int row = 0; row < rows; row++) {
            position = bindUpsert(upsert, position, writes.get(from + row), nows.get(from + row));
            append.setString(row + 1, writes.get(from + row).sessionId());
          }
          if (upsert.executeUpdate() != rows) {
            // Which one is not known here; the batch retries its generations one at a time, and
            // the one that belongs to another lifter is named then.
            throw new OwnerConflictException(null);
          }
          append.executeUpdate();
        } finally {
          if (!full) {
            closeQuietly(upsert);
            closeQuietly(append);
          }
        }
      }
    } finally {
      closeQuietly(upsertFull);
      closeQuietly(appendFull);
    }
  }

  /** Binds one row of {@link #UPSERT_ROW} from {@code position}; returns the next position. */
  private int bindUpsert(PreparedStatement statement, int position, Write w, Instant now)
      throws SQLException {
    int p = position;
    statement.setString(p++, w.sessionId());
    if (w.lifterId() == null) {
      statement.setNull(p++, Types.VARCHAR);
    } else {
      statement.setString(p++, w.lifterId());
    }
    statement.setInt(p++, w.weekNumber());
    statement.setInt(p++, w.blockNumber());
    statement.setString(p++, w.primaryLift());
    statement.setString(p++, w.intensityType());
    statement.setBoolean(p++, w.deload());
    statement.setBytes(p++, w.plannedSets());
    setInstant(statement, p++, w.generatedAt());
    statement.setBytes(p++, w.inputSnapshot());
    statement.setString(p++, w.jitStrategy());
    statement.setBytes(p++, w.output());
    setInstant(statement, p++, now);
    setInstant(statement, p++, now);
    return p;
  }

  private void setInstant(PreparedStatement statement, int position, Instant instant) throws SQLException {
    Timestamps.bind(statement, position, instant, vendor);
  }

  private static void closeQuietly(PreparedStatement statement) {
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException e) {
        // Closing a statement of a connection that failed; the failure itself is being thrown.
      }
    }
  }

  /** The session's lifter (null when it has none), or empty when there is no such session. */
  Optional<SessionOwner> owner(Handle handle, String sessionId) {
    return handle.createQuery(OWNER)
        .bind("sessionId", sessionId)
        .map((r, ctx) -> new SessionOwner(sessionId, r.getString("lifter_id")))
        .findOne();
  }

  Optional<SessionRow> row(Handle handle, String sessionId) {
    return handle.createQuery(ROW).bind("sessionId", sessionId).map(this::sessionRow).findOne();
  }

  List<HistoryEntry> history(Handle handle, String sessionId, int revision) {
    return handle.createQuery(HISTORY)
        .bind("sessionId", sessionId)
        .bind("revision", revision)
        .map(this::historyEntry)
        .list();
  }

  /** At most {@code limit} sessions after {@code after} (null: from the newest). */
  List<SessionSummary> summaries(Handle handle, String lifterId, Cursor after, int limit) {
    StringBuilder sql = new StringBuilder(SUMMARY_COLUMNS);
    if (lifterId != null || after != null) {
      sql.append(" WHERE");
      if (lifterId != null) {
        sql.append(BY_LIFTER);
      }
      if (after != null) {
        sql.append(lifterId != null ? " AND" : "").append(AFTER_CURSOR);
      }
    }
    sql.append(NEWEST_FIRST);
    var query = handle.createQuery(sql.toString()).bind("limit", limit);
    if (lifterId != null) {
      query.bind("lifterId", lifterId);
    }
    if (after != null) {
      query.bind("afterAt", after.at()).bind("afterId", after.key());
    }
    return query.map(this::summary).list();
  }

  private SessionRow sessionRow(ResultSet r, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new SessionRow(
        r.getString("session_id"),
        r.getString("lifter_id"),
        r.getInt("week_number"),
        r.getInt("block_number"),
        r.getString("primary_lift"),
        r.getString("intensity_type"),
        r.getBoolean("is_deload"),
        r.getString("status"),
        r.getString("planned_sets"),
        JdbiSetup.instant(r, "jit_generated_at", vendor),
        r.getString("jit_input_snapshot"),
        r.getString("jit_strategy"),
        r.getString("jit_output"),
        r.getInt("revision"),
        JdbiSetup.instant(r, "created_at", vendor),
        JdbiSetup.instant(r, "updated_at", vendor));
  }

  private HistoryEntry historyEntry(ResultSet r, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new HistoryEntry(
        r.getLong("id"),
        r.getInt("revision"),
        JdbiSetup.instant(r, "generated_at", vendor),
        r.getString("jit_strategy"),
        r.getString("planned_sets"),
        r.getString("jit_input_snapshot"),
        r.getString("jit_output"),
        JdbiSetup.instant(r, "recorded_at", vendor));
  }

  private SessionSummary summary(ResultSet r, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new SessionSummary(
        r.getString("session_id"),
        r.getString("lifter_id"),
        r.getString("primary_lift"),
        r.getString("intensity_type"),
        r.getInt("week_number"),
        r.getInt("block_number"),
        r.getString("jit_strategy"),
        JdbiSetup.instant(r, "jit_generated_at", vendor),
        r.getInt("revision"),
        JdbiSetup.instant(r, "updated_at", vendor));
  }
}
