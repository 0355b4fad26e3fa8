package dev.ekssteward.thumbprint.plan;

import dev.ekssteward.thumbprint.model.ChainEnd;
import dev.ekssteward.thumbprint.model.ThumbprintUse;
import java.util.LinkedHashMap;
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
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("issuer", issuer);
    d.put("previous", previous);
    d.put("thumbprints", thumbprints);
    d.put("added", Thumbprints.minus(thumbprints, previous));
    d.put("removed", Thumbprints.minus(previous, thumbprints));
    d.put("certificates", ends.stream().map(CreateProvider::describe).toList());
    d.put("thumbprintUse", use.toString());
    return d;
  }
}
