package dev.parakeet.jit.llm;

/**
 * Every case of {@link ProviderContractTest} with the calls made on the caller's thread (as the
 * server makes them): the same answers, failures, reasons, deadline and closed connections.
 */
class ProviderContractOnCallerThreadTest extends ProviderContractTest {

  @Override
  ProviderAdjustmentModel.CallThread callThread() {
    return ProviderAdjustmentModel.CallThread.CALLER;
  }
}
