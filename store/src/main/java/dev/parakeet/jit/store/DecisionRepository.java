package dev.parakeet.jit.store;

import java.util.List;
import java.util.Optional;

/**
 * The model decisions recorded with generations (SPEC §8). They are written with their generation
 * ({@link GenerationToStore#decision()}), never on their own, and never change.
 */
public interface DecisionRepository {

  /** Every decision of the session's generations, oldest generation first. */
  List<StoredDecision> forSession(String sessionId);

  /** The decision of one generation, or empty when that generation did not ask a model. */
  Optional<StoredDecision> forGeneration(String sessionId, int revision);
}
