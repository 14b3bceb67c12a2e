package dev.parakeet.jit.llm;

import dev.parakeet.jit.engine.port.AuxOverride;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.secrets.Secrets;

/**
 * The adapter's border for what a provider says: a provider is untrusted, and may echo the key of
 * its authentication header anywhere. Everything it sends passes here, through the process's
 * {@link Secrets}, before the rest of the system sees it — the answer's raw text before it is
 * parsed (so no violation message can quote a key), the parsed answer's strings after (a key sent
 * as JSON escapes decodes to the key), error bodies as they are read, and every failure with its
 * whole cause chain as it leaves the adapter.
 */
final class ProviderText {

  private final Secrets secrets;

  ProviderText(Secrets secrets) {
    this.secrets = secrets;
  }

  /** A text as the provider sent it: an answer before parsing, an error body. */
  String received(String text) {
    return secrets.scrub(text);
  }

  /** The parsed answer with its free-text fields scrubbed. */
  JitAdjustment adjustment(JitAdjustment parsed) {
    return new JitAdjustment(
        parsed.intensityModifier(),
        parsed.setModifier(),
        parsed.skipMainLift(),
        parsed.auxOverrides().stream()
            .map(o -> new AuxOverride(secrets.scrub(o.exercise()), o.action()))
            .toList(),
        parsed.rationale().stream().map(secrets::scrub).toList(),
        parsed.confidence());
  }

  /**
   * The failure that leaves the adapter: its message (which may quote the provider) scrubbed
   * before it is shortened to one line, its cause chain copied with every message scrubbed.
   */
  ModelCallException failure(ModelCallException.Kind kind, String message, Throwable cause) {
    return new ModelCallException(kind, secrets.scrub(message), secrets.scrub(cause));
  }
}
