package dev.parakeet.jit.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A command's FILE argument: a path, or {@code -} for standard input. */
final class InputSource {

  private InputSource() {}

  /** How messages refer to the argument. */
  static String describe(String argument) {
    return "-".equals(argument) ? "standard input" : argument;
  }

  /** The failure of a command that could not read its FILE. */
  static CommandFailure unreadable(String argument, IOException e) {
    return CommandFailure.failed("cannot read " + describe(argument) + ": " + e.getMessage(), e);
  }

  static InputStream open(String argument, InputStream stdin) throws IOException {
    if ("-".equals(argument)) {
      return stdin;
    }
    Path path;
    try {
      path = Path.of(argument);
    } catch (InvalidPathException e) {
      throw new IOException("not a usable file path (" + e.getReason() + ")", e);
    }
    if (Files.isDirectory(path)) {
      throw new IOException(argument + " is a directory, not a JSON file");
    }
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file: " + argument, e);
    } catch (AccessDeniedException e) {
      throw new IOException("permission denied", e);
    }
  }
}
