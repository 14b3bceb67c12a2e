package dev.parakeet.jit.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A JDBC URL taken apart. The credentials are lifted out of a PostgreSQL URL and handed to the
 * pool separately, so the URL that reaches the driver, Flyway's log lines and error messages never
 * carries the password; {@link #secrets()} lists what {@link Failures} must still scrub.
 *
 * @param driverUrl the URL without {@code user}/{@code password} parameters
 * @param sqliteFile the database file, or null for an in-memory SQLite database or PostgreSQL
 * @param location what {@link Database#describe()} shows after the vendor name
 */
record DatabaseUrl(
    Vendor vendor,
    String driverUrl,
    String user,
    String password,
    Path sqliteFile,
    String location) {

  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final String POSTGRES_PREFIX = "jdbc:postgresql:";

  static DatabaseUrl parse(String jdbcUrl) {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new StoreException("no database URL given");
    }
    String url = jdbcUrl.strip();
    if (url.regionMatches(true, 0, SQLITE_PREFIX, 0, SQLITE_PREFIX.length())) {
      return sqlite(url);
    }
    if (url.regionMatches(true, 0, POSTGRES_PREFIX, 0, POSTGRES_PREFIX.length())) {
      return postgres(url);
    }
    // Only the scheme is echoed: the rest of an unknown URL may hold a password.
    int colon = url.indexOf(':', url.indexOf(':') + 1);
    String scheme = colon > 0 ? url.substring(0, colon + 1) : "(not a JDBC URL)";
    throw new StoreException(
        "unsupported database URL " + scheme + " — use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
  }

  /** Strings that must never appear in a message: the password, raw and URL-decoded. */
  Set<String> secrets() {
    Set<String> secrets = new LinkedHashSet<>();
    if (password != null && !password.isEmpty()) {
      secrets.add(password);
      secrets.add(java.net.URLEncoder.encode(password, StandardCharsets.UTF_8));
    }
    return secrets;
  }

  boolean isSqliteFile() {
    return sqliteFile != null;
  }

  private static DatabaseUrl sqlite(String url) {
    String rest = url.substring(SQLITE_PREFIX.length());
    int query = rest.indexOf('?');
    String path = query >= 0 ? rest.substring(0, query) : rest;
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    // mode=memory is a query parameter of a file: URI (file:x?mode=memory), not part of the path.
    boolean memory = path.isEmpty() || path.contains(":memory:") || rest.contains("mode=memory");
    if (memory) {
      return new DatabaseUrl(Vendor.SQLITE, url, null, null, null, ":memory:");
    }
    Path file = Path.of(path).toAbsolutePath().normalize();
    String tail = query >= 0 ? rest.substring(query) : "";
    // The absolute path makes the URL mean the same thing whatever the working directory.
    return new DatabaseUrl(
        Vendor.SQLITE, SQLITE_PREFIX + file + tail, null, null, file, file.toString());
  }

  private static DatabaseUrl postgres(String url) {
    String rest = url.substring(POSTGRES_PREFIX.length());
    int query = rest.indexOf('?');
    String base = query >= 0 ? rest.substring(0, query) : rest;
    String user = null;
    String password = null;
    List<String> kept = new ArrayList<>();
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = (eq >= 0 ? pair.substring(0, eq) : pair).toLowerCase(Locale.ROOT);
        String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
        switch (key) {
          case "user" -> user = value;
          case "password" -> password = value;
          default -> kept.add(pair);
        }
      }
    }
    // user:password@host is not a form pgjdbc reads, but people write it; keep it out of sight.
    String hostPart = base.startsWith("//") ? base.substring(2) : base;
    int at = hostPart.lastIndexOf('@', hostPart.indexOf('/') < 0 ? hostPart.length() : hostPart.indexOf('/'));
    if (at >= 0) {
      String userInfo = hostPart.substring(0, at);
      hostPart = hostPart.substring(at + 1);
      int colon = userInfo.indexOf(':');
      if (user == null) {
        user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
      }
      if (password == null && colon >= 0) {
        password = decode(userInfo.substring(colon + 1));
      }
      base = (base.startsWith("//") ? "//" : "") + hostPart;
    }
    String driverUrl =
        POSTGRES_PREFIX + base + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    String location = hostPart.isEmpty() ? "localhost" : hostPart;
    return new DatabaseUrl(Vendor.POSTGRESQL, driverUrl, user, password, null, location);
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  @Override
  public String toString() {
    // Records print every component; this one holds a password.
    return vendor.displayName() + " " + location;
  }
}
