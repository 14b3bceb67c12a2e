package dev.parakeet.jit.server;

/** Who is asking (SPEC §10.2). */
sealed interface Principal {

  /** May read and write every lifter's data, replay, and see comparisons and metrics. */
  boolean isService();

  /** For the access log: the kind, never the credential. */
  String kind();

  /** A lifter, by its token's {@code sub}: only its own sessions and settings. */
  record Lifter(String id) implements Principal {
    @Override
    public boolean isService() {
      return false;
    }

    @Override
    public String kind() {
      return "lifter";
    }
  }

  /** A caller holding a service key. */
  record Service() implements Principal {
    @Override
    public boolean isService() {
      return true;
    }

    @Override
    public String kind() {
      return "service";
    }
  }

  /** Anyone, on a server running open on loopback (no credentials configured): development only. */
  record Open() implements Principal {
    @Override
    public boolean isService() {
      return true;
    }

    @Override
    public String kind() {
      return "open";
    }
  }

  /** No credentials were needed (health, readiness, the OpenAPI document). */
  record Anonymous() implements Principal {
    @Override
    public boolean isService() {
      return false;
    }

    @Override
    public String kind() {
      return "anonymous";
    }
  }
}
