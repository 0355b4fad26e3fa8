package dev.ekssteward.thumbprint.plan;

import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Details;
import dev.ekssteward.thumbprint.model.ChainEnd;
import dev.ekssteward.thumbprint.model.Probe;
import java.util.Map;

/** What the rotator changes in IAM; each has one executor (see the {@code apply} package). */
public sealed interface RotatorAction extends Action permits UpdateThumbprints, CreateProvider {
  /**
   * The check the thumbprints come from: the certificates, one per endpoint, and whether IAM relies
   * on them.
   */
  Probe.Verified evidence();

  /**
   * {@code keysAndValues} (as {@link Details#of}), then what every rotator change ends with: the
   * certificates its thumbprints come from and whether IAM relies on them.
   */
  default Map<String, Object> chainDetails(Object... keysAndValues) {
    Map<String, Object> d = Details.of(keysAndValues);
    d.put("certificates", evidence().ends().stream().map(RotatorAction::describe).toList());
    d.put("thumbprintUse", evidence().use().toString());
    return d;
  }

  private static Map<String, Object> describe(ChainEnd end) {
    return Details.of(
        "endpoint", end.host() + ":" + end.port(),
        "thumbprint", end.thumbprint(),
        "subject", end.subject());
  }
}
