/** The HTTP API of SPEC §10: {@code ./parakeet serve}. */
package dev.parakeet.jit.server;
