package dev.parakeet.jit.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A server on a loopback port that accepts PostgreSQL connections and then stops answering, for
 * the tests of the store's timeouts. {@link Mode#SILENT} never writes a byte; {@link
 * Mode#AFTER_STARTUP} speaks the real protocol (v3) up to ReadyForQuery — refusing TLS, asking for
 * the password in clear text, accepting it — and then reads every query and answers none. Each
 * accepted connection is watched until the client closes it.
 */
final class StallingPostgresServer implements AutoCloseable {

  enum Mode { SILENT, AFTER_STARTUP }

  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;
  private static final int PROTOCOL_3 = 196608;

  /** One accepted connection: what the client sent, and whether it has closed it. */
  static final class Accepted {
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String password;
    private volatile boolean loggedIn;

    boolean awaitClosed(long seconds) throws InterruptedException {
      return closed.await(seconds, TimeUnit.SECONDS);
    }

    String password() {
      return password;
    }

    boolean loggedIn() {
      return loggedIn;
    }
  }

  private final Mode mode;
  private final ServerSocket socket;
  private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  StallingPostgresServer(Mode mode) throws IOException {
    this.mode = mode;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "stalling-postgres-" + mode);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Accepted connection = new Accepted();
        accepted.add(connection);
        Thread handler = new Thread(() -> handle(client, connection), "stalling-postgres-client");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void handle(Socket client, Accepted connection) {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      DataOutputStream out = new DataOutputStream(client.getOutputStream());
      if (mode == Mode.AFTER_STARTUP) {
        startup(in, out, connection);
      }
      drain(in);
    } catch (IOException e) {
      // A reset is the client closing too.
    } finally {
      connection.closed.countDown();
    }
  }

  private static void startup(DataInputStream in, DataOutputStream out, Accepted connection)
      throws IOException {
    while (true) {
      int length = in.readInt();
      int code = in.readInt();
      if (code == SSL_REQUEST || code == GSS_REQUEST) {
        out.writeByte('N'); // no TLS, no GSS: go on in plain text
        out.flush();
        continue;
      }
      if (code != PROTOCOL_3) {
        throw new IOException("unexpected startup code " + code);
      }
      in.readFully(new byte[length - 8]); // user, database, options
      break;
    }
    message(out, 'R', 3); // AuthenticationCleartextPassword
    out.flush();
    if (in.readByte() != 'p') {
      throw new IOException("expected a password message");
    }
    byte[] body = new byte[in.readInt() - 4];
    in.readFully(body);
    connection.password = new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
    message(out, 'R', 0); // AuthenticationOk
    for (String[] parameter : new String[][] {
        {"server_version", "16.4"}, {"server_encoding", "UTF8"}, {"client_encoding", "UTF8"},
        {"DateStyle", "ISO, MDY"}, {"integer_datetimes", "on"}, {"TimeZone", "UTC"},
        {"standard_conforming_strings", "on"}, {"is_superuser", "off"}}) {
      byte[] name = (parameter[0] + "\0" + parameter[1] + "\0").getBytes(StandardCharsets.UTF_8);
      out.writeByte('S');
      out.writeInt(4 + name.length);
      out.write(name);
    }
    out.writeByte('K'); // BackendKeyData
    out.writeInt(12);
    out.writeInt(4242);
    out.writeInt(1234567);
    out.writeByte('Z'); // ReadyForQuery, idle
    out.writeInt(5);
    out.writeByte('I');
    out.flush();
    connection.loggedIn = true;
  }

  private static void message(DataOutputStream out, char type, int code) throws IOException {
    out.writeByte(type);
    out.writeInt(8);
    out.writeInt(code);
  }

  /** Reads whatever comes, answers nothing, returns when the client closes. */
  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    try {
      while (in.read(buffer) >= 0) {
        // swallow
      }
    } catch (EOFException e) {
      // closed
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
