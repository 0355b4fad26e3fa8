package dev.ekssteward.thumbprint.plan;

import dev.ekssteward.thumbprint.model.Probe;
import java.util.List;
import java.util.Map;

/**
 * Replace a provider's thumbprint list (UpdateOpenIDConnectProviderThumbprint).
 *
 * @param evidence the check the new list comes from; when IAM relies on the list (load-bearing),
 *     the rotation repaired something IAM used
 */
public record UpdateThumbprints(
    String target,
    String issuer,
    List<String> previous,
    List<String> thumbprints,
    Probe.Verified evidence)
    implements RotatorAction {
  public UpdateThumbprints {
    previous = List.copyOf(previous);
    thumbprints = List.copyOf(thumbprints);
  }

  @Override
  public Map<String, Object> details() {
    return chainDetails(
        "issuer", issuer,
        "previous", previous,
        "thumbprints", thumbprints,
        "added", Thumbprints.minus(thumbprints, previous),
        "removed", Thumbprints.minus(previous, thumbprints));
  }
}
