package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something observed that people must hear about but that changes nothing (an invalid schedule, a
 * policy violation, a missing provider). Published as an audit event, dry-run or not.
 */
public record Finding(String detailType, String target, Map<String, Object> detail)
    implements JsonValue {

  @Override
  public Object toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("detailType", detailType);
    json.put("target", target);
    json.putAll(detail);
    return json;
  }
}
