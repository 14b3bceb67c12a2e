package dev.parakeet.jit.fakes;

import java.time.Instant;

/**
 * One TCP connection the fake server accepted.
 *
 * @param id 1-based, in accept order
 * @param openedAt when the server accepted it
 * @param closedAt when the server saw it end; {@code null} while it is open
 * @param closedByClient {@code true} when the server saw the client end it (EOF or reset);
 *     {@code false} while open, or when the server closed it itself (server {@link
 *     FakeProviderServer#close() close}, or after answering a request that asked for {@code
 *     Connection: close} when the client did not close its end in time)
 */
public record ConnectionEvent(int id, Instant openedAt, Instant closedAt, boolean closedByClient) {

  /** {@code true} while the connection is open. */
  public boolean isOpen() {
    return closedAt == null;
  }
}
