package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

/** What the streaming readers take on themselves and what they leave to the thorough path. */
class ReaderCompilerTest {

  public record Plain(@JsonProperty("setCount") @NotNull @Min(1) Integer sets, String note) {}

  public record WithFactory(Integer sets) {
    @JsonCreator
    public static WithFactory of(@JsonProperty("sets") Integer sets) {
      return new WithFactory(sets == null ? 0 : sets);
    }
  }

  public record WithCreatorConstructor(Integer sets) {
    @JsonCreator
    public WithCreatorConstructor {}
  }

  @Test
  void readsARecordWhoseComponentsCarryTheirAnnotationsOnTheAccessorsToo() {
    ReaderCompiler compiler = new ReaderCompiler();

    assertThat(compiler.document(Plain.class)).isNotNull();
    assertThat(compiler.unsupported()).isEmpty();
  }

  @Test
  void leavesARecordWithAStaticCreatorToTheThoroughPath() {
    ReaderCompiler compiler = new ReaderCompiler();

    assertThat(compiler.document(WithFactory.class)).isNull();
    assertThat(compiler.unsupported()).singleElement().asString().contains("WithFactory");
  }

  @Test
  void leavesARecordWithACreatorConstructorToTheThoroughPath() {
    ReaderCompiler compiler = new ReaderCompiler();

    assertThat(compiler.document(WithCreatorConstructor.class)).isNull();
    assertThat(compiler.unsupported()).singleElement().asString().contains("WithCreatorConstructor");
  }
}
