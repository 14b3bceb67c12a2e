package dev.parakeet.jit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SecretsTest {

  static final String KEY =
      "sk-ant-api03-Xq7RmT2vKp9LwZ4nBc6YdF1sHj8GtE3uVa5NoQ0iMy7PrW2xLk4SbD9eCf6Gh1Jz-Aq3Ts8Uv5Wy0_XmAA";

  private final Secrets secrets = new Secrets();

  @Test
  void aBlankValueIsNotConfigured() {
    assertThat(secrets.register(null)).isNull();
    assertThat(secrets.register("")).isNull();
    assertThat(secrets.register("  \t")).isNull();
    assertThat(secrets.scrub("nothing to hide")).isEqualTo("nothing to hide");
  }

  @Test
  void aSecretNeverPrintsItselfAndIsRevealedOnlyOnRequest() {
    Secret secret = secrets.register("  " + KEY + "\n");
    assertThat(secret).hasToString("[redacted]");
    assertThat(secret.reveal()).isEqualTo(KEY);
    assertThat(secrets.register(KEY)).as("registered once").isSameAs(secret);
  }

  @Test
  void aLongSecretIsRemovedWhereverItOccurs() {
    secrets.register(KEY);
    assertThat(secrets.scrub("confidence: must be high, medium or low, was \"" + KEY + "\""))
        .isEqualTo("confidence: must be high, medium or low, was \"[redacted]\"");
    assertThat(secrets.scrub("token=abc" + KEY + "xyz")).as("inside a longer token").isEqualTo("token=abc[redacted]xyz");
    assertThat(secrets.scrub(KEY + KEY)).doesNotContain("Xq7RmT2vKp9LwZ4n");
    assertThat(secrets.scrub((String) null)).isNull();
  }

  @Test
  void itsCaseWhitespaceAndEscapedDisguisesAreRemovedToo() {
    secrets.register(KEY);
    assertThat(secrets.scrub("key " + KEY.toUpperCase(Locale.ROOT) + ".")).isEqualTo("key [redacted].");
    assertThat(secrets.scrub("key " + KEY.substring(0, 40) + "\n    " + KEY.substring(40) + "."))
        .as("wrapped across lines")
        .isEqualTo("key [redacted].");
    assertThat(secrets.scrub("{\"message\":\"key " + jsonEscaped(KEY, 3) + "\"}"))
        .as("every third character a JSON escape")
        .isEqualTo("{\"message\":\"key [redacted]\"}");
    assertThat(secrets.scrub("GET /v1?key=" + percentEscaped(KEY) + "&x=1")).isEqualTo("GET /v1?key=[redacted]&x=1");
  }

  @Test
  void aPassphraseWithSpacesSlashesAndAccentsIsFoundInItsDisguisesToo() {
    String passphrase = "correct horse/battery staple é";
    secrets.register(passphrase);
    assertThat(secrets.scrub("a correct horse/battery staple é b")).isEqualTo("a [redacted] b");
    assertThat(secrets.scrub("a correct\n horse\\/battery staple \\u00e9 b")).as("JSON-escaped, a raw line break").isEqualTo("a [redacted] b");
    assertThat(secrets.scrub("a \"correct horse\\/battery  staple \\u00E9\" b")).isEqualTo("a \"[redacted]\" b");
    assertThat(secrets.scrub("pass=correct%20horse%2Fbattery%20staple%20%C3%A9&x")).isEqualTo("pass=[redacted]&x");
  }

  @Test
  void escapesCutShortAtTheEndOfATextAreNotAProblem() {
    secrets.register(KEY);
    for (String text : List.of("end \\u00", "end \\", "end %", "end %7", "\\u0073\\u006b", "%73%6B-ant", KEY.substring(0, 15))) {
      assertThat(secrets.scrub(text)).isEqualTo(text);
    }
  }

  @Test
  void aKeyQuotedOnlyInPartIsRemovedAndItsPublicPrefixIsNot() {
    secrets.register(KEY);
    assertThat(secrets.scrub("was \"" + KEY.substring(0, 60) + "…\"")).isEqualTo("was \"[redacted]…\"");
    assertThat(secrets.scrub("…" + KEY.substring(50) + " end")).isEqualTo("…[redacted] end");
    assertThat(secrets.scrub("set ANTHROPIC_API_KEY (it starts with sk-ant-api03-)"))
        .isEqualTo("set ANTHROPIC_API_KEY (it starts with sk-ant-api03-)");
    assertThat(secrets.scrub("Incorrect API key provided: sk-ant-api03-****************************XmAA."))
        .as("a provider's own masked key stays readable")
        .isEqualTo("Incorrect API key provided: sk-ant-api03-****************************XmAA.");
  }

  @Test
  void aShortSecretIsRemovedOnlyWhereItIsAWordOfItsOwn() {
    secrets.register("postgres");
    assertThat(secrets.scrub("jdbc:postgresql://h/db?user=u&password=postgres"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=[redacted]");
    assertThat(secrets.scrub("user:postgres@host")).isEqualTo("user:[redacted]@host");
    assertThat(secrets.scrub("the postgres2 database")).isEqualTo("the postgres2 database");
  }

  @Test
  void aVeryShortSecretIsNotRemovedFromText() {
    Secret pin = secrets.register("pw1");
    assertThat(pin).hasToString("[redacted]");
    assertThat(secrets.scrub("port 5432 pw1 attempt 1")).isEqualTo("port 5432 pw1 attempt 1");
  }

  @Test
  void everyRegisteredSecretIsRemovedLongestFirst() {
    secrets.register(KEY);
    secrets.register("hunter2-secret-password");
    secrets.register("hunter2-secret");
    assertThat(secrets.scrub("a " + KEY + " b hunter2-secret-password c hunter2-secret d"))
        .isEqualTo("a [redacted] b [redacted] c [redacted] d");
  }

  @Test
  void anExceptionChainIsCopiedWithEveryMessageScrubbed() {
    secrets.register(KEY);
    IllegalStateException root = new IllegalStateException("body: {\"error\":\"" + KEY + "\"}");
    RuntimeException top = new RuntimeException("call failed: " + KEY, root);
    top.addSuppressed(new java.io.IOException("closing " + KEY));

    Throwable copy = secrets.scrub(top);

    assertThat(copy.toString()).isEqualTo("java.lang.RuntimeException: call failed: [redacted]");
    assertThat(copy.getCause().toString()).isEqualTo("java.lang.IllegalStateException: body: {\"error\":\"[redacted]\"}");
    assertThat(copy.getSuppressed()).singleElement().hasToString("java.io.IOException: closing [redacted]");
    assertThat(copy.getStackTrace()).isEqualTo(top.getStackTrace());
    assertThat(stackTrace(copy)).doesNotContain(KEY).contains("Caused by: java.lang.IllegalStateException");
    assertThat(secrets.scrub((Throwable) null)).isNull();
  }

  @Test
  void aCycleInTheCauseChainEnds() {
    secrets.register(KEY);
    RuntimeException a = new RuntimeException("a " + KEY);
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    Throwable copy = secrets.scrub(b);
    assertThat(copy.getCause()).hasToString("java.lang.RuntimeException: a [redacted]");
    assertThat(copy.getCause().getCause()).isNull();
  }

  @Test
  void registeringWhileOthersScrubIsSafe() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        work.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < 50; i++) {
            String key = java.util.UUID.randomUUID().toString();
            secrets.register(key);
            assertThat(secrets.scrub("x " + key + " y")).isEqualTo("x [redacted] y");
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : work) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theProcessRegistryIsOne() {
    assertThat(Secrets.process()).isSameAs(Secrets.process());
  }

  private static String jsonEscaped(String text, int every) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(i % every == 0 ? String.format(Locale.ROOT, i % 2 == 0 ? "\\u%04x" : "\\u%04X", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  private static String percentEscaped(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(String.format(Locale.ROOT, "%%%02X", (int) c));
    }
    return out.toString();
  }

  private static String stackTrace(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
