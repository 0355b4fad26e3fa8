package dev.ekssteward.thumbprint.plan;

import dev.ekssteward.thumbprint.model.ChainEnd;
import dev.ekssteward.thumbprint.model.ThumbprintUse;
import java.util.List;
import java.util.Map;

/**
 * Replace a provider's thumbprint list (UpdateOpenIDConnectProviderThumbprint).
 *
 * @param use whether IAM relies on the list: a load-bearing rotation repaired something IAM used
 */
public record UpdateThumbprints(
    String target,
    String issuer,
    List<String> previous,
    List<String> thumbprints,
    List<ChainEnd> ends,
    ThumbprintUse use)
    implements RotatorAction {
  public UpdateThumbprints {
    previous = List.copyOf(previous);
    thumbprints = List.copyOf(thumbprints);
    ends = List.copyOf(ends);
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
