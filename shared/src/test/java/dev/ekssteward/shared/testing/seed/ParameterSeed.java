package dev.ekssteward.shared.testing.seed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The String parameters of a fleet in SSM Parameter Store: the functions' config, each cluster's
 * desired Fargate state, and any others a test needs. Written with overwrite, so seeding one again
 * changes it.
 *
 * @param prefix of {@code <prefix>/config} and {@code <prefix>/fargate/<cluster>}
 * @param config the document of {@code <prefix>/config}; null: no such parameter
 * @param desiredFargate cluster name → the document of {@code <prefix>/fargate/<cluster>}
 * @param others any other parameter, name → value
 */
public record ParameterSeed(
    String prefix, String config, Map<String, String> desiredFargate, Map<String, String> others) {
  static final ParameterSeed NONE = new ParameterSeed("/eks-steward", null, Map.of(), Map.of());

  public ParameterSeed {
    desiredFargate = Collections.unmodifiableMap(new LinkedHashMap<>(desiredFargate));
    others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
  }

  public ParameterSeed prefix(String value) {
    return new ParameterSeed(value, config, desiredFargate, others);
  }

  public ParameterSeed config(String document) {
    return new ParameterSeed(prefix, document, desiredFargate, others);
  }

  public ParameterSeed desiredFargate(String cluster, String document) {
    Map<String, String> desired = new LinkedHashMap<>(desiredFargate);
    desired.put(cluster, document);
    return new ParameterSeed(prefix, config, desired, others);
  }

  public ParameterSeed other(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(others);
    more.put(name, value);
    return new ParameterSeed(prefix, config, desiredFargate, more);
  }

  /** Every parameter, name → value, in the order they are written. */
  Map<String, String> byName() {
    Map<String, String> all = new LinkedHashMap<>();
    if (config != null) {
      all.put(prefix + "/config", config);
    }
    desiredFargate.forEach((cluster, doc) -> all.put(prefix + "/fargate/" + cluster, doc));
    all.putAll(others);
    return all;
  }
}
