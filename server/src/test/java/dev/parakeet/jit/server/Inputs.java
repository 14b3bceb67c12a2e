package dev.parakeet.jit.server;

/** JitInputs for the tests (SPEC VECTORS fixture F: a squat heavy day, block 1, 1RM 140). */
final class Inputs {

  private Inputs() {}

  static String of(String sessionId) {
    return "{\"sessionId\":\"" + sessionId + "\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\","
        + "\"intensityType\":\"heavy\",\"oneRmKg\":140,\"activeAuxiliaries\":[\"Pause Squat\",\"Box Squat\"]}";
  }

  static String of(String sessionId, String lifterId) {
    return of(sessionId).replace("{\"sessionId\"", "{\"lifterId\":\"" + lifterId + "\",\"sessionId\"");
  }
}
