package dev.parakeet.jit.server;

import dev.parakeet.jit.wire.JitJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The session id of a generate request's path, put into a body that names none. */
final class SessionIds {

  private SessionIds() {}

  /**
   * {@code body} with {@code "sessionId": <id>} as the first member of its top-level object, or
   * null when the body does not start as an object (it is then rejected as it is). Everything
   * else stays byte for byte, so the strict reader judges the rest exactly as sent.
   */
  static byte[] withSessionId(byte[] body, String sessionId) {
    int open = skipWhitespace(body, 0);
    if (open >= body.length || body[open] != '{') {
      return null;
    }
    int next = skipWhitespace(body, open + 1);
    boolean empty = next < body.length && body[next] == '}';
    byte[] member = ("\"sessionId\":" + JitJson.write(sessionId) + (empty ? "" : ",")).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + member.length);
    out.write(body, 0, open + 1);
    out.writeBytes(member);
    out.write(body, open + 1, body.length - open - 1);
    return out.toByteArray();
  }

  private static int skipWhitespace(byte[] body, int from) {
    int i = from;
    while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
      i++;
    }
    return i;
  }
}
