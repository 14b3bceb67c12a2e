package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.llm.ProviderKind;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The word-valued options, read case-insensitively ({@code --strategy LLM}, {@code --format JSON}).
 * A value that is none of the words is a usage error listing them, in the words people type.
 */
final class OptionValues {

  private OptionValues() {}

  /** {@code --strategy auto|formula|llm|hybrid}. */
  static final class Strategy implements ITypeConverter<StrategySetting> {
    @Override
    public StrategySetting convert(String value) {
      for (StrategySetting setting : StrategySetting.values()) {
        if (setting.wire().equalsIgnoreCase(value.strip())) {
          return setting;
        }
      }
      throw invalid("--strategy", value, Arrays.stream(StrategySetting.values()).map(StrategySetting::wire).toArray(String[]::new));
    }
  }

  /** {@code --format text|json}. */
  static final class Format implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat format : OutputFormat.values()) {
        if (format.word().equalsIgnoreCase(value.strip())) {
          return format;
        }
      }
      throw invalid("--format", value, Arrays.stream(OutputFormat.values()).map(OutputFormat::word).toArray(String[]::new));
    }
  }

  /** {@code --provider anthropic|openai|ollama}, normalised to the provider's name. */
  static final class Provider implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      for (ProviderKind kind : ProviderKind.values()) {
        if (kind.wire().equalsIgnoreCase(value.strip())) {
          return kind.wire();
        }
      }
      throw invalid("--provider", value, Arrays.stream(ProviderKind.values()).map(ProviderKind::wire).toArray(String[]::new));
    }
  }

  private static TypeConversionException invalid(String option, String value, String... words) {
    String choices =
        words.length == 1
            ? words[0]
            : Arrays.stream(words, 0, words.length - 1).collect(Collectors.joining(", "))
                + " or " + words[words.length - 1];
    return new TypeConversionException(option + " must be " + choices + ", was '" + value + "'");
  }
}
