package dev.parakeet.jit.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the hybrid comparison logs say in aggregate (SPEC §10.3, {@code /v1/comparisons/summary}).
 *
 * @param since the logs counted are those created at or after it; null for all of them
 * @param total how many logs
 * @param byStrategy how many per strategy used ({@code hybrid}, {@code formula_fallback})
 * @param fallbacksByReason the fallbacks per kind of failure: the reason's text before its first
 *     colon ({@code "timeout: no answer within 5000 ms"} counts as {@code timeout})
 * @param compared how many logs have a divergence (the model answered)
 * @param surfaced how many of those were surfaced to the lifter
 * @param surfacedShare surfaced ÷ compared, 0 when nothing was compared
 * @param weightPct a histogram of the compared logs' weightPct, buckets in ascending order
 * @param setDeltas how many compared logs per set delta, in ascending order of the delta
 */
public record ComparisonSummary(
    Instant since,
    long total,
    Map<String, Long> byStrategy,
    Map<String, Long> fallbacksByReason,
    long compared,
    long surfaced,
    double surfacedShare,
    List<WeightPctBucket> weightPct,
    Map<Integer, Long> setDeltas) {

  public ComparisonSummary {
    byStrategy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byStrategy));
    fallbacksByReason =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fallbacksByReason));
    weightPct = List.copyOf(weightPct);
    setDeltas = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(setDeltas));
  }

  /**
   * One bar of the weightPct histogram: {@code from < weightPct ≤ to}. The first bar starts at 0
   * inclusive; the last has no upper bound ({@code to} is null). The bounds include the hybrid
   * strategy's own thresholds (0.10 agreement, 0.15 surfaced), so a bar is never split by a rule.
   */
  public record WeightPctBucket(double from, Double to, long count) {}
}
