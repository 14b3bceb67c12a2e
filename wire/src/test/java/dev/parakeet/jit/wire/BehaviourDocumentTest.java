package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.calc.AuxiliaryCatalogue;
import dev.parakeet.jit.engine.calc.AuxiliaryExercise;
import dev.parakeet.jit.engine.calc.VolumeLandmarks;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.BiologicalSex;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Landmark;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.OutputInvariants;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/BEHAVIOUR.md stays in step with the code: each worked example is run through the engine,
 * and the catalogue and landmark tables are compared with the engine's own.
 */
class BehaviourDocumentTest {

  private static final Path DOCUMENT = Path.of("..", "docs", "BEHAVIOUR.md");
  private static final String DEFAULT_ANSWER =
      "{\"intensityModifier\": 1.0, \"setModifier\": 0, \"skipMainLift\": false, \"auxOverrides\": [],"
          + " \"rationale\": [\"Worked example.\"], \"confidence\": \"medium\"}";

  private static List<String> lines() throws IOException {
    return Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8);
  }

  /** The section that starts with {@code heading}, up to the next one of its level. */
  private static List<String> section(String heading) throws IOException {
    List<String> all = lines();
    int start = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith(heading)) {
        start = i;
        break;
      }
    }
    assertThat(start).as("section %s in %s", heading, DOCUMENT).isNotNegative();
    int end = start + 1;
    while (end < all.size() && !all.get(end).startsWith("## ")) {
      end++;
    }
    return all.subList(start, end);
  }

  /** The body rows of the first table whose header starts with {@code header}, as cells. */
  private static List<List<String>> table(List<String> section, String header) {
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : section) {
      if (!inTable) {
        inTable = line.startsWith(header);
        continue;
      }
      if (!line.startsWith("|")) {
        break;
      }
      if (line.startsWith("|---")) {
        continue;
      }
      rows.add(cells(line));
    }
    assertThat(rows).as("table %s", header).isNotEmpty();
    return rows;
  }

  private static List<String> cells(String row) {
    String inner = row.strip().substring(1, row.strip().length() - 1);
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split(" \\| ", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }

  // ------------------------------------------------------------------ worked examples (§17)

  static Stream<Arguments> workedExamples() throws IOException {
    List<String> section = section("## 17.");
    String base = String.join("\n", between(section, "```json", "```"));
    return table(section, "| # |").stream()
        .map(cells -> Arguments.of(Named.of("#" + cells.get(0) + " " + cells.get(6), cells), base));
  }

  private static List<String> between(List<String> lines, String open, String close) {
    int from = lines.indexOf(open);
    assertThat(from).as("a %s block", open).isNotNegative();
    int to = lines.subList(from + 1, lines.size()).indexOf(close) + from + 1;
    return lines.subList(from + 1, to);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workedExamples")
  void everyWorkedExampleIsWhatTheEngineDoes(List<String> row, String base) {
    JsonNode day = merge(JitJson.readTree(base), JitJson.readTree(unquote(row.get(1))));
    JitInput input = new JitInputReader().read(JitJson.write(day)).input();
    String answer = row.get(2);

    JitOutput out;
    if (answer.equals("—")) {
      out = Fixtures.formula().generate(input);
      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA);
    } else {
      JitAdjustment adjustment =
          new JitAdjustmentParser()
              .parse(JitJson.write(merge(JitJson.readTree(DEFAULT_ANSWER), JitJson.readTree(unquote(answer)))));
      out =
          Fixtures.llm(FakeAdjustmentModel.answering(adjustment), Duration.ofSeconds(5), new RecordingStrategyEvents())
              .generate(input);
      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
    }

    OutputInvariants.assertValid(input, out);
    assertThat(main(out)).as("main sets").isEqualTo(row.get(3));
    assertThat(warmups(out)).as("warm-up").isEqualTo(row.get(4));
    assertThat(auxiliary(out)).as("auxiliary").isEqualTo(row.get(5));
  }

  private static String unquote(String cell) {
    return cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
  }

  /** {@code changes} over {@code base}: objects key by key, anything else replaces. */
  private static JsonNode merge(JsonNode base, JsonNode changes) {
    if (!base.isObject() || !changes.isObject()) {
      return changes;
    }
    ObjectNode merged = base.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = changes.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode current = merged.get(field.getKey());
      merged.set(field.getKey(), current == null ? field.getValue() : merge(current, field.getValue()));
    }
    return merged;
  }

  private static String main(JitOutput out) {
    return out.mainLiftSets().isEmpty() ? "none" : sets(out.mainLiftSets());
  }

  private static String sets(List<PlannedSet> sets) {
    PlannedSet first = sets.get(0);
    assertThat(sets).allSatisfy(s -> {
      assertThat(s.weightKg()).isEqualTo(first.weightKg());
      assertThat(s.reps()).isEqualTo(first.reps());
    });
    String load = first.weightKg() == 0 ? "bodyweight" : Weights.format(first.weightKg());
    return sets.size() + "×" + first.reps() + " @" + load;
  }

  private static String warmups(JitOutput out) {
    return out.warmupSets().isEmpty()
        ? "—"
        : out.warmupSets().stream()
            .map(w -> Weights.format(w.weightKg()) + "×" + w.reps())
            .collect(Collectors.joining(", "));
  }

  private static String auxiliary(JitOutput out) {
    List<String> described = new ArrayList<>();
    for (AuxiliaryWork work : out.auxiliaryWork()) {
      described.add(work.exercise() + " " + (work.skipped() ? "skipped" : sets(work.sets())));
    }
    return String.join("; ", described);
  }

  // ------------------------------------------------------------------ tables (§9, §6)

  @Test
  void theCatalogueTableIsTheEnginesCatalogue() throws IOException {
    List<List<String>> rows = table(section("## 9."), "| exercise | muscles |");
    List<AuxiliaryExercise> catalogue = AuxiliaryCatalogue.rows();

    assertThat(rows).hasSameSizeAs(catalogue);
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      AuxiliaryExercise exercise = catalogue.get(i);
      assertThat(row.get(0)).isEqualTo(exercise.name());
      assertThat(row.get(1))
          .as(exercise.name())
          .isEqualTo(exercise.muscles().stream().map(Muscle::wire).collect(Collectors.joining(", ")));
      assertThat(row.get(2)).as(exercise.name())
          .isEqualTo(exercise.bodyweight() ? "—" : exercise.loadedFrom().wire());
      assertThat(row.get(3)).as(exercise.name())
          .isEqualTo(exercise.bodyweight() ? "bodyweight" : String.format(java.util.Locale.ROOT, "%.2f", exercise.load()));
      assertThat(row.get(4)).as(exercise.name()).isEqualTo(Integer.toString(exercise.reps()));
      assertThat(row.get(5)).as(exercise.name()).isEqualTo(exercise.why());
    }
  }

  @Test
  void theLandmarkTableIsTheEnginesDefaults() throws IOException {
    List<List<String>> rows = table(section("## 6."), "| muscle |");
    Map<Muscle, Landmark> male = VolumeLandmarks.defaults(BiologicalSex.MALE);
    Map<Muscle, Landmark> female = VolumeLandmarks.defaults(BiologicalSex.FEMALE);

    assertThat(rows).extracting(row -> row.get(0))
        .containsExactlyElementsOf(Stream.of(Muscle.values()).map(Muscle::wire).toList());
    for (List<String> row : rows) {
      Muscle muscle = Muscle.valueOf(row.get(0).toUpperCase(java.util.Locale.ROOT));
      assertThat(row.get(1)).as("male %s", muscle).isEqualTo(male.get(muscle).mev() + " / " + male.get(muscle).mrv());
      assertThat(row.get(2)).as("female %s", muscle)
          .isEqualTo(female.get(muscle).mev() + " / " + female.get(muscle).mrv());
    }
  }
}
