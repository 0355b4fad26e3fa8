package dev.ekssteward.shared.testing.seed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local AWS made quiet while it is seeded, and put back afterwards: no lifecycle transitions (a
 * node group cannot be created on a cluster that is still CREATING) and no request-limit faults. So
 * seeded resources are ACTIVE at once, as if made long before the test, whatever options the test
 * switched on; what the test creates itself afterwards transitions as configured.
 */
final class SettledSeeding implements AutoCloseable {
  /** The options that would make seeding wait or fail. */
  static final List<String> QUIETED =
      List.of(
          "transitionSeconds",
          "clusterTransitionSeconds",
          "nodegroupTransitionSeconds",
          "fargateProfileTransitionSeconds",
          "requestLimitShare");

  private final LocalOptions options;
  private final Map<String, Object> restore;

  private SettledSeeding(LocalOptions options, Map<String, Object> restore) {
    this.options = options;
    this.restore = restore;
  }

  /** Quiets the options that are on; plain moto (no options) has nothing to quiet. */
  static SettledSeeding begin(LocalOptions options) {
    Map<String, Object> on = new HashMap<>();
    options
        .current()
        .ifPresent(
            all ->
                QUIETED.forEach(
                    name -> {
                      Object value = all.get(name);
                      if (value instanceof Number n && n.doubleValue() != 0) {
                        on.put(name, value);
                      }
                    }));
    if (!on.isEmpty()) {
      Map<String, Object> off = new HashMap<>();
      on.keySet().forEach(name -> off.put(name, 0));
      options.change(off);
    }
    return new SettledSeeding(options, on);
  }

  /** Puts back the values seeding found. */
  @Override
  public void close() {
    if (!restore.isEmpty()) {
      options.change(restore);
    }
  }
}
