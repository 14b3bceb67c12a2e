package dev.parakeet.jit.bench;

import dev.parakeet.jit.secrets.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What removing the process's secrets costs per text, with a realistic registry (an Anthropic
 * key, an OpenAI key, a database password) and texts that contain none of them, as nearly all
 * do: a model's answer (scrubbed once raw and once per free-text field on every LLM call), a
 * WARN line, and a DEBUG stack trace (what the log output's converters scrub per line written).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class SecretScrubbingBenchmark {

  private final Secrets secrets = new Secrets();
  private String answer;
  private String warnLine;
  private String stackTrace;

  @Setup
  public void setUp() {
    secrets.register("sk-ant-api03-Xq7RmT2vKp9LwZ4nBc6YdF1sHj8GtE3uVa5NoQ0iMy7PrW2xLk4SbD9eCf6Gh1Jz-Aq3Ts8Uv5Wy0_XmAA");
    secrets.register("sk-proj-Zr4T9wQ2eLp7KmN3bV8cX1zA6sD5fG0hJ4kU9yI2oP7tR3qW8eM1nB6vC5xZ0lK4jH9gF2dS7aQ3wE8rT1yU6iO");
    secrets.register("coach-db-pass");
    answer = LlmOverheadBenchmark.ANSWER;
    warnLine =
        "session sess-001: model anthropic/claude-haiku-4-5 failed, serving the formula: http_status: anthropic"
            + " answered HTTP 529 (overloaded): overloaded_error: Overloaded (cause: dev.langchain4j.exception.HttpException)";
    StringWriter trace = new StringWriter();
    new IllegalStateException("call failed", new RuntimeException("HTTP 529: {\"type\":\"error\"}"))
        .printStackTrace(new PrintWriter(trace));
    stackTrace = trace.toString();
  }

  @Benchmark
  public String answer() {
    return secrets.scrub(answer);
  }

  @Benchmark
  public String warnLine() {
    return secrets.scrub(warnLine);
  }

  @Benchmark
  public String stackTrace() {
    return secrets.scrub(stackTrace);
  }
}
