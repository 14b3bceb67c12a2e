package dev.parakeet.jit.app;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}, from the jar manifest when there is one. */
final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"parakeet " + (version == null ? "development build" : version)};
  }
}
