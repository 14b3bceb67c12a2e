package dev.parakeet.jit.server;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A key-set endpoint on loopback, as an auth provider publishes one; counts how often it is fetched. */
final class JwksServer implements AutoCloseable {

  private final HttpServer http;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile List<JWK> keys;

  JwksServer(List<JWK> keys) {
    this.keys = List.copyOf(keys);
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext("/.well-known/jwks.json", exchange -> {
      fetches.incrementAndGet();
      // Only the public halves are ever published.
      byte[] body = new JWKSet(this.keys).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    http.start();
  }

  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/.well-known/jwks.json";
  }

  void publish(List<JWK> newKeys) {
    keys = List.copyOf(newKeys);
  }

  int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
