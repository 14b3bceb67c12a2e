package dev.parakeet.jit.fakes;

import dev.parakeet.jit.fakes.Envelopes.Response;
import dev.parakeet.jit.fakes.HttpInput.BadRequestException;
import dev.parakeet.jit.fakes.HttpRequestReader.RawRequest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fake LLM provider: a real HTTP/1.1 server on 127.0.0.1 that speaks one provider's wire
 * protocol ({@link Protocol}) and does what the test scripted ({@link Behavior}).
 *
 * <p>It runs on a plain {@link ServerSocket} with one thread per connection, so it can observe
 * exactly when a client closes a connection ({@link #connections()}, {@link
 * #awaitAllConnectionsClosed(Duration)}). Requests carrying the JDK client's {@code Upgrade: h2c}
 * are answered over HTTP/1.1 (the upgrade is ignored, as RFC 9110 allows). Connections are kept
 * alive unless the client sends {@code Connection: close}.
 *
 * <p>Every {@code POST} to the protocol's chat path takes the next {@linkplain #enqueue queued}
 * behavior, or the {@linkplain #whenIdle idle} one when the queue is empty. Any other request
 * gets the provider's own "not found" answer and consumes nothing. All requests are {@linkplain
 * #requests() recorded} before the server acts on them.
 *
 * <p>Nothing is logged, and no request header is copied into a response, except where a test
 * scripts a hostile provider with {@link Behavior#echoingKey}.
 */
public final class FakeProviderServer implements AutoCloseable {

  /** How long to wait for the client's close after answering {@code Connection: close}. */
  private static final Duration LINGER = Duration.ofSeconds(2);

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
  private static final byte[] DRIP_CHUNK = "1\r\n \r\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private final Protocol protocol;
  private final ServerSocket serverSocket;
  private final Thread acceptThread;
  private final ConcurrentLinkedQueue<Behavior> queue = new ConcurrentLinkedQueue<>();
  private volatile Behavior fallback = Behavior.answer(Behavior.SAMPLE_ADJUSTMENT);
  private final List<RecordedRequest> recorded = new ArrayList<>(); // guarded by itself
  private final LinkedBlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
  private final Object connLock = new Object();
  private final List<Conn> conns = new ArrayList<>(); // guarded by connLock
  private final AtomicInteger exchanges = new AtomicInteger();
  private volatile boolean keepHistory = true;
  private volatile boolean closing;

  /** Mutable state of one accepted connection. */
  private static final class Conn {
    final int id;
    final Instant openedAt;
    final Socket socket;
    Thread thread;
    Instant closedAt; // guarded by connLock
    boolean answering; // a request was read and its response is not complete; guarded by connLock
    boolean closedByClient; // guarded by connLock

    Conn(int id, Socket socket) {
      this.id = id;
      this.openedAt = Instant.now();
      this.socket = socket;
    }
  }

  /** What the connection loop does after one exchange. */
  private enum Next {
    KEEP_ALIVE,
    SERVER_CLOSES,
    CLIENT_CLOSED
  }

  private FakeProviderServer(Protocol protocol, ServerSocket serverSocket) {
    this.protocol = protocol;
    this.serverSocket = serverSocket;
    this.acceptThread = new Thread(this::acceptLoop, "fake-" + protocol.cliName() + "-accept");
    this.acceptThread.setDaemon(true);
  }

  /** Starts a fake on 127.0.0.1 on an ephemeral port. */
  public static FakeProviderServer start(Protocol protocol) {
    return start(protocol, 0);
  }

  /**
   * Starts a fake on 127.0.0.1:{@code port} ({@code 0} = ephemeral).
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static FakeProviderServer start(Protocol protocol, int port) {
    Objects.requireNonNull(protocol, "protocol");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    ServerSocket ss = null;
    try {
      ss = new ServerSocket();
      ss.setReuseAddress(true);
      ss.bind(
          // A burst of 1,000 model calls connects at once: a short accept queue drops SYNs, and each
          // dropped one costs the client a 1 s retransmit. The kernel caps it at net.core.somaxconn.
          new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 4096);
      FakeProviderServer server = new FakeProviderServer(protocol, ss);
      server.acceptThread.start();
      return server;
    } catch (IOException e) {
      if (ss != null) {
        try {
          ss.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  public Protocol protocol() {
    return protocol;
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /**
   * The base URL as the official SDKs expect it: {@code http://127.0.0.1:PORT} for Anthropic
   * (requests go to {@code /v1/messages}) and Ollama ({@code /api/chat}), {@code
   * http://127.0.0.1:PORT/v1} for OpenAI ({@code <base>/chat/completions}).
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + protocol.basePath();
  }

  /** The full URL of the chat endpoint, e.g. {@code http://127.0.0.1:PORT/v1/messages}. */
  public String endpointUrl() {
    return "http://127.0.0.1:" + port() + protocol.path();
  }

  /** Queues behaviors; each chat request consumes the next one, in order. */
  public FakeProviderServer enqueue(Behavior... behaviors) {
    for (Behavior b : behaviors) {
      queue.add(Objects.requireNonNull(b, "behavior"));
    }
    return this;
  }

  /**
   * The behavior for chat requests while the queue is empty (initially {@code
   * Behavior.answer(Behavior.SAMPLE_ADJUSTMENT)}).
   */
  public FakeProviderServer whenIdle(Behavior fallback) {
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    return this;
  }

  /**
   * Whether {@link #requests()} keeps every request (the default). A long-running fake (the
   * command line's, under load) turns it off: the history grew by each request's body and parsed
   * tree for good, and the collector copied it again and again. {@link #takeRequest} still gets
   * every request.
   */
  public FakeProviderServer keepHistory(boolean keep) {
    this.keepHistory = keep;
    return this;
  }

  /** All requests received so far (any path), in arrival order; none while {@linkplain #keepHistory kept} off. */
  public List<RecordedRequest> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /**
   * The oldest request not yet taken, waiting up to {@code timeout} for one; {@code null} if none
   * arrived in time.
   */
  public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
    return untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** One event per accepted connection, in accept order. */
  public List<ConnectionEvent> connections() {
    synchronized (connLock) {
      return conns.stream()
          .map(c -> new ConnectionEvent(c.id, c.openedAt, c.closedAt, c.closedByClient))
          .toList();
    }
  }

  /**
   * Waits until no accepted connection is open any more. While the server runs, only the client
   * ends a connection, except right after a response to a request that asked for {@code
   * Connection: close} (see {@link ConnectionEvent#closedByClient()}). True at once when no
   * connection was ever accepted. An HTTP client keeps connections that got a normal answer
   * open in its pool; to ignore those, use {@link #awaitUnansweredConnectionsClosed(Duration)}.
   *
   * @return {@code true} if every accepted connection is closed, {@code false} on timeout
   */
  public boolean awaitAllConnectionsClosed(Duration timeout) throws InterruptedException {
    return awaitConnections(timeout, c -> c.closedAt != null);
  }

  /**
   * Waits until no connection holds an unanswered request any more: every request the server
   * has read was either answered completely or its connection was closed. Unlike {@link
   * #awaitAllConnectionsClosed}, idle keep-alive connections (which an HTTP client keeps in its
   * pool after a normal answer) do not count, so this is the check for "the client gave up on a
   * {@link Behavior#neverAnswer() hanging}, {@link Behavior#slow slow} or {@link Behavior#drip
   * dripping} exchange and closed its connection" when the same client also made ordinary calls.
   *
   * @return {@code true} once no exchange is in progress, {@code false} on timeout
   */
  public boolean awaitUnansweredConnectionsClosed(Duration timeout) throws InterruptedException {
    return awaitConnections(timeout, c -> c.closedAt != null || !c.answering);
  }

  /**
   * Waits until {@code settled} holds for every accepted connection, re-checking whenever a
   * connection changes state ({@link #setAnswering}, {@link #markClosed}). {@code settled} is
   * evaluated while holding {@code connLock}.
   *
   * @return {@code true} once every connection is settled, {@code false} on timeout
   */
  private boolean awaitConnections(Duration timeout, Predicate<Conn> settled)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (connLock) {
      while (true) {
        if (conns.stream().allMatch(settled)) {
          return true;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(connLock, remaining);
      }
    }
  }

  /** Connections accepted and not yet closed. */
  public int openConnections() {
    synchronized (connLock) {
      return (int) conns.stream().filter(c -> c.closedAt == null).count();
    }
  }

  /** Stops accepting, closes every connection (ending waits and drips) and stops the threads. */
  @Override
  public void close() {
    List<Conn> snapshot;
    synchronized (connLock) {
      if (closing) {
        return;
      }
      closing = true;
      snapshot = new ArrayList<>(conns);
    }
    closeQuietly(serverSocket);
    for (Conn c : snapshot) {
      closeQuietly(c.socket);
    }
    join(acceptThread);
    for (Conn c : snapshot) {
      if (c.thread != null) {
        join(c.thread);
      }
      markClosed(c, false);
    }
  }

  @Override
  public String toString() {
    return "FakeProviderServer[" + protocol.cliName() + " " + baseUrl() + "]";
  }

  // ------------------------------------------------------------------ accept and serve

  private void acceptLoop() {
    int nextId = 1;
    while (!closing) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (closing || serverSocket.isClosed()) {
          return;
        }
        continue; // e.g. a connection reset before accept; keep serving
      }
      Conn conn;
      synchronized (connLock) {
        if (closing) {
          closeQuietly(socket);
          return;
        }
        conn = new Conn(nextId++, socket);
        conns.add(conn);
        conn.thread =
            new Thread(
                () -> serve(conn), "fake-" + protocol.cliName() + "-conn-" + conn.id);
        conn.thread.setDaemon(true);
      }
      conn.thread.start();
    }
  }

  private void serve(Conn conn) {
    boolean byClient = false;
    Socket socket = conn.socket;
    try {
      socket.setTcpNoDelay(true);
      HttpInput in = new HttpInput(socket);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      while (true) {
        RawRequest raw;
        try {
          raw = HttpRequestReader.read(in, out);
        } catch (BadRequestException e) {
          write(out, Envelopes.badRequest(protocol, e.getMessage()), true, false);
          byClient = linger(socket, in);
          return;
        }
        if (raw == null) {
          byClient = true; // EOF between requests: the client closed an idle connection
          return;
        }
        setAnswering(conn, true);
        Next next = exchange(raw, in, out);
        if (next == Next.CLIENT_CLOSED) {
          byClient = true;
          return;
        }
        setAnswering(conn, false);
        if (next == Next.SERVER_CLOSES) {
          byClient = linger(socket, in);
          return;
        }
      }
    } catch (IOException e) {
      // EOF in the middle of a request, a reset, or a failed write: the client went away,
      // unless the socket failed because the server itself is closing.
      byClient = !closing;
    } catch (RuntimeException e) {
      // A bug in the fake: say so (no request data in the trace) and close the connection.
      System.err.println("fake " + protocol.cliName() + " server: internal error: " + e);
      byClient = false;
    } finally {
      closeQuietly(socket);
      markClosed(conn, byClient && !closing);
    }
  }

  /** Records the request, then acts on it. */
  private Next exchange(RawRequest raw, HttpInput in, OutputStream out) throws IOException {
    String body = new String(raw.body(), StandardCharsets.UTF_8);
    RecordedRequest request =
        new RecordedRequest(
            raw.method(),
            raw.target(),
            raw.headers(),
            body,
            Envelopes.parseJson(body),
            Instant.now());
    if (keepHistory) {
      synchronized (recorded) {
        recorded.add(request);
      }
    }
    untaken.add(request);

    boolean closeAfter = raw.wantsClose();
    boolean head = raw.method().equals("HEAD");
    int n = exchanges.incrementAndGet();
    if (!raw.method().equals("POST") || !request.pathWithoutQuery().equals(protocol.path())) {
      write(out, Envelopes.notFound(protocol, request, n), closeAfter, head);
      return closeAfter ? Next.SERVER_CLOSES : Next.KEEP_ALIVE;
    }
    Behavior behavior = queue.poll();
    if (behavior == null) {
      behavior = fallback;
    }
    behavior = KeyEcho.resolve(behavior, KeyEcho.credential(request));
    return perform(behavior, request, n, closeAfter, in, out);
  }

  private Next perform(
      Behavior behavior,
      RecordedRequest request,
      int n,
      boolean closeAfter,
      HttpInput in,
      OutputStream out)
      throws IOException {
    if (behavior instanceof Behavior.Slow slow) {
      long deadline = System.nanoTime() + slow.delay().toNanos();
      if (in.awaitPeerClose(deadline, false)) {
        return Next.CLIENT_CLOSED;
      }
      return perform(slow.then(), request, n, closeAfter, in, out);
    }
    if (behavior instanceof Behavior.NeverAnswer) {
      in.awaitPeerClose(0, true); // returns on EOF; throws on reset or server close
      return Next.CLIENT_CLOSED;
    }
    if (behavior instanceof Behavior.Drip drip) {
      return drip(drip.interval(), n, in, out);
    }
    if (behavior instanceof Behavior.Trickle trickle) {
      Response response = Envelopes.render(protocol, trickle.then(), request, n);
      return trickle(response, trickle.chunkBytes(), trickle.interval(), closeAfter, in, out);
    }
    write(out, Envelopes.render(protocol, behavior, request, n), closeAfter, false);
    return closeAfter ? Next.SERVER_CLOSES : Next.KEEP_ALIVE;
  }

  /** A complete response, its body in chunks of {@code chunkBytes} sent {@code interval} apart. */
  private Next trickle(
      Response response, int chunkBytes, Duration interval, boolean closeAfter, HttpInput in, OutputStream out)
      throws IOException {
    Map<String, String> fields = new LinkedHashMap<>(response.headers());
    fields.put("Transfer-Encoding", "chunked");
    if (closeAfter) {
      fields.put("Connection", "close");
    }
    byte[] body = response.body();
    try {
      out.write(responseHead(response.status(), response.contentType(), fields));
      for (int from = 0; from < body.length; from += chunkBytes) {
        int length = Math.min(chunkBytes, body.length - from);
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, from, length);
        out.write(CRLF);
        out.flush();
        if (in.awaitPeerClose(System.nanoTime() + interval.toNanos(), false)) {
          return Next.CLIENT_CLOSED;
        }
      }
      out.write(LAST_CHUNK);
      out.flush();
    } catch (IOException e) {
      if (closing) {
        throw e;
      }
      return Next.CLIENT_CLOSED;
    }
    return closeAfter ? Next.SERVER_CLOSES : Next.KEEP_ALIVE;
  }

  private Next drip(Duration interval, int n, HttpInput in, OutputStream out) throws IOException {
    Map<String, String> fields = Envelopes.ids(protocol, n);
    fields.put("Transfer-Encoding", "chunked");
    try {
      out.write(responseHead(200, Envelopes.contentType(protocol), fields));
      out.flush();
    } catch (IOException e) {
      if (closing) {
        throw e;
      }
      return Next.CLIENT_CLOSED;
    }
    while (true) {
      if (in.awaitPeerClose(System.nanoTime() + interval.toNanos(), false)) {
        return Next.CLIENT_CLOSED;
      }
      try {
        out.write(DRIP_CHUNK);
        out.flush();
      } catch (IOException e) {
        if (closing) {
          throw e;
        }
        return Next.CLIENT_CLOSED;
      }
    }
  }

  private static void write(OutputStream out, Response r, boolean close, boolean head)
      throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Content-Length", Integer.toString(r.body().length));
    fields.putAll(r.headers());
    if (close) {
      fields.put("Connection", "close");
    }
    out.write(responseHead(r.status(), r.contentType(), fields));
    if (!head) {
      out.write(r.body());
    }
    out.flush();
  }

  /**
   * A response head as bytes: the status line, {@code Date}, {@code Content-Type}, then {@code
   * fields} in their iteration order, then the empty line. Every final response this server
   * sends starts this way; callers put the framing field ({@code Content-Length} or {@code
   * Transfer-Encoding}) into {@code fields} where it belongs.
   */
  private static byte[] responseHead(int status, String contentType, Map<String, String> fields) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("HTTP/1.1 ").append(status).append(' ').append(HttpStatus.reason(status));
    sb.append("\r\n");
    sb.append("Date: ").append(httpDate()).append("\r\n");
    sb.append("Content-Type: ").append(contentType).append("\r\n");
    for (Map.Entry<String, String> f : fields.entrySet()) {
      sb.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n");
    }
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Graceful close after a response that ends the connection: stop sending, then wait briefly
   * for the client's close so unread request bytes do not turn into a reset that could destroy
   * the response in flight.
   *
   * @return whether the client closed its end within {@link #LINGER}
   */
  private boolean linger(Socket socket, HttpInput in) {
    try {
      socket.shutdownOutput();
      return in.awaitPeerClose(System.nanoTime() + LINGER.toNanos(), false);
    } catch (IOException e) {
      return !closing;
    }
  }

  private void setAnswering(Conn conn, boolean answering) {
    synchronized (connLock) {
      conn.answering = answering;
      connLock.notifyAll();
    }
  }

  private void markClosed(Conn conn, boolean byClient) {
    synchronized (connLock) {
      if (conn.closedAt == null) {
        conn.closedAt = Instant.now();
        conn.closedByClient = byClient;
        connLock.notifyAll();
      }
    }
  }

  private static String httpDate() {
    return HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
  }

  private static void join(Thread t) {
    try {
      t.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing anyway
    }
  }
}
