package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.wire.JitJson;
import java.io.PrintStream;
import java.time.Instant;

/**
 * One JSON line per request on standard output: when, method, route template, path, status,
 * duration, who (the kind of principal, never a credential) and the remote address. Never headers,
 * query strings or bodies, so no token, key or lifter's input reaches the log.
 */
final class AccessLog {

  private final PrintStream out;

  AccessLog(PrintStream out) {
    this.out = out;
  }

  void write(Entry entry) {
    ObjectNode line = JitJson.mapper().createObjectNode();
    line.put("time", entry.time().toString());
    line.put("method", entry.method());
    line.put("route", entry.route());
    line.put("path", entry.path());
    line.put("status", entry.status());
    line.put("ms", Math.round(entry.millis() * 10) / 10.0);
    line.put("principal", entry.principal());
    line.put("remote", entry.remote());
    // Jackson escapes every control character, so a hostile path cannot forge a line.
    String text = line.toString();
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }

  record Entry(
      Instant time, String method, String route, String path, int status, double millis, String principal, String remote) {}
}
