package dev.ekssteward.thumbprint.plan;

import dev.ekssteward.thumbprint.model.ChainEnd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Replace a provider's thumbprint list (UpdateOpenIDConnectProviderThumbprint). */
public record UpdateThumbprints(
    String target,
    String issuer,
    List<String> previous,
    List<String> thumbprints,
    List<ChainEnd> ends)
    implements RotatorAction {

  public UpdateThumbprints {
    previous = List.copyOf(previous);
    thumbprints = List.copyOf(thumbprints);
    ends = List.copyOf(ends);
  }

  @Override
  public String type() {
    return "UpdateThumbprints";
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("issuer", issuer);
    out.put("previous", previous);
    out.put("thumbprints", thumbprints);
    out.put("added", Thumbprints.minus(thumbprints, previous));
    out.put("removed", Thumbprints.minus(previous, thumbprints));
    out.put("certificates", ends.stream().map(CreateProvider::describe).toList());
    return out;
  }
}
