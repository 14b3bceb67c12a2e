package dev.parakeet.jit.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load client's transport: one thread, one {@link Selector}, non-blocking HTTP/1.1 over
 * plain TCP. A burst hands every request over at once, each on a connection of its own (an idle
 * kept-alive one when there is one, else a new one), writes each as soon as its connection is
 * ready and waits for every answer or its deadline. Connections the server keeps open are kept
 * for the next burst. A load generator must be cheap: it shares the CPU with the server it
 * measures (the JDK {@code HttpClient} it replaces cost 1.5–2 CPU-s per burst of 1,000).
 */
final class NioBurst implements AutoCloseable {

  /** What the caller makes of an answered or failed request. */
  interface Outcome<T> {
    /** A whole response; {@code body} (up to {@code bodyLength}) is kept for status 200 only. */
    T answered(int status, byte[] body, int bodyLength, long nanos);

    /** No whole response: {@code error} is "timeout" or the failure's simple class name. */
    T failed(String error, long nanos);
  }

  private final InetSocketAddress address;
  private final Selector selector;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);

  // The burst under way.
  private Object[] results;
  private boolean[] done;
  private long[] started;
  private Connection[] carrying;
  private Outcome<?> outcome;
  private int pending;
  private long opened;

  NioBurst(InetSocketAddress address) throws IOException {
    this.address = address;
    this.selector = Selector.open();
  }

  /** Connections opened so far (kept-alive ones are counted once). */
  long connectionsOpened() {
    return opened;
  }

  /**
   * Hands every request over at once and waits until each is answered or past its deadline.
   *
   * @param requests whole HTTP/1.1 requests, head and body, one per connection
   * @param timeoutNanos each request's deadline from its hand-over
   * @return one outcome per request, in order
   */
  @SuppressWarnings("unchecked")
  <T> List<T> burst(byte[][] requests, long timeoutNanos, Outcome<T> outcome) throws IOException {
    int n = requests.length;
    this.results = new Object[n];
    this.done = new boolean[n];
    this.started = new long[n];
    this.carrying = new Connection[n];
    this.outcome = outcome;
    this.pending = n;
    dropClosedIdle();
    for (int i = 0; i < n; i++) {
      started[i] = System.nanoTime();
      Connection reused = idle.poll();
      if (reused != null) {
        send(reused, i, requests[i]);
      } else {
        connect(i, requests[i], false);
      }
    }
    int oldest = 0;
    while (pending > 0) {
      while (done[oldest]) {
        oldest++;
      }
      long now = System.nanoTime();
      long wait = started[oldest] + timeoutNanos - now;
      if (wait <= 0) {
        for (int i = oldest; i < n && started[i] + timeoutNanos <= now; i++) {
          if (!done[i]) {
            fail(carrying[i], "timeout");
          }
        }
        continue;
      }
      if (selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999))) > 0) {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          ready((Connection) key.attachment(), key);
        }
      }
    }
    List<T> out = new ArrayList<>(n);
    for (Object result : results) {
      out.add((T) result);
    }
    this.results = null;
    this.done = null;
    this.carrying = null;
    this.outcome = null;
    return out;
  }

  /** Opens a connection for request {@code i}; on a failure to open, the request has failed. */
  private void connect(int i, byte[] request, boolean retried) {
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Connection c = new Connection(channel, retried);
      opened++;
      c.key = channel.register(selector, 0, c);
      c.request = i;
      c.out = ByteBuffer.wrap(request);
      c.reader.reset(200);
      carrying[i] = c;
      if (channel.connect(address)) {
        write(c);
      } else {
        c.key.interestOps(SelectionKey.OP_CONNECT);
      }
    } catch (IOException e) {
      if (carrying[i] != null && carrying[i].channel == channel) {
        fail(carrying[i], e.getClass().getSimpleName());
      } else {
        closeQuietly(channel);
        finish(i, outcome.failed(e.getClass().getSimpleName(), System.nanoTime() - started[i]));
      }
    }
  }

  /** Puts request {@code i} on a kept-alive connection and writes it at once. */
  private void send(Connection c, int i, byte[] request) {
    c.request = i;
    c.out = ByteBuffer.wrap(request);
    c.reader.reset(200);
    carrying[i] = c;
    write(c);
  }

  private void ready(Connection c, SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    if (c.request < 0) {
      idleReadable(c);
      return;
    }
    try {
      if (key.isConnectable()) {
        if (c.channel.finishConnect()) {
          write(c);
        }
      } else if (key.isWritable()) {
        write(c);
      } else if (key.isReadable()) {
        read(c);
      }
    } catch (IOException e) {
      broken(c, e);
    }
  }

  private void write(Connection c) {
    try {
      c.channel.write(c.out);
      c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    } catch (IOException e) {
      broken(c, e);
    }
  }

  private void read(Connection c) throws IOException {
    in.clear();
    int n = c.channel.read(in);
    if (n < 0) {
      if (c.reader.endOfStream()) {
        answered(c, false);
      } else {
        broken(c, new EOFException("the connection ended before the whole answer"));
      }
      return;
    }
    in.flip();
    if (c.reader.read(in)) {
      // Bytes after the answer were never asked for: the connection is not reused.
      answered(c, !in.hasRemaining() && c.reader.keepAlive());
    }
  }

  /**
   * A connection failed before its whole answer: a kept-alive one that the server closed before
   * answering a byte gets the request once more on a new connection (a server may close an idle
   * connection just as it is reused); anything else has failed.
   */
  private void broken(Connection c, IOException e) {
    int i = c.request;
    if (c.reused && !c.reader.started() && !c.retried && c.out != null) {
      byte[] request = c.out.array();
      close(c);
      connect(i, request, true);
      return;
    }
    fail(c, e instanceof EOFException ? "EOFException" : e.getClass().getSimpleName());
  }

  private void answered(Connection c, boolean keep) {
    int i = c.request;
    HttpResponseReader r = c.reader;
    finish(i, outcome.answered(r.status(), r.body(), r.bodyLength(), System.nanoTime() - started[i]));
    c.request = -1;
    c.out = null;
    if (keep) {
      c.reused = true;
      c.retried = false;
      c.key.interestOps(SelectionKey.OP_READ); // to notice when the server closes it
      idle.add(c);
    } else {
      close(c);
    }
  }

  private void fail(Connection c, String error) {
    int i = c.request;
    close(c);
    finish(i, outcome.failed(error, System.nanoTime() - started[i]));
  }

  private void finish(int i, Object result) {
    results[i] = result;
    done[i] = true;
    pending--;
  }

  /** An idle connection is readable: the server closed it (or sent what nobody asked for). */
  private void idleReadable(Connection c) {
    idle.remove(c);
    close(c);
  }

  /** Closes the idle connections the server has closed since they were last used. */
  private void dropClosedIdle() throws IOException {
    if (idle.isEmpty() || selector.selectNow() == 0) {
      return;
    }
    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
    while (keys.hasNext()) {
      SelectionKey key = keys.next();
      keys.remove();
      Connection c = (Connection) key.attachment();
      if (c.request < 0 && key.isValid()) {
        idleReadable(c);
      }
    }
  }

  private void close(Connection c) {
    c.request = -1;
    c.out = null;
    c.key.cancel();
    closeQuietly(c.channel);
  }

  private static void closeQuietly(SocketChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing left to do with a connection that will not close cleanly.
    }
  }

  @Override
  public void close() throws IOException {
    for (SelectionKey key : selector.keys()) {
      closeQuietly((SocketChannel) key.channel());
    }
    idle.clear();
    selector.close();
  }

  private static final class Connection {
    final SocketChannel channel;
    final HttpResponseReader reader = new HttpResponseReader();
    SelectionKey key;
    /** The request it carries, or -1 when idle. */
    int request = -1;
    ByteBuffer out;
    /** Carried an exchange before: the server may have closed it meanwhile. */
    boolean reused;
    /** Opened to send a request again after a reused connection broke. */
    boolean retried;

    Connection(SocketChannel channel, boolean retried) {
      this.channel = channel;
      this.retried = retried;
    }
  }
}
