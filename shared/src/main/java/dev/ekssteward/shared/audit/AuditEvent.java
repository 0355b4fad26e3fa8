package dev.ekssteward.shared.audit;

import dev.ekssteward.shared.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the audit trail, published to EventBridge with source {@code eks-steward}.
 *
 * @param detailType what happened, e.g. {@code Nodegroup Scaled Down}
 * @param resources ARNs of the resources concerned
 * @param detail the event's detail object
 */
public record AuditEvent(String detailType, List<String> resources, Map<String, Object> detail)
    implements JsonValue {
  public static final String SOURCE = dev.ekssteward.shared.Contract.AUDIT_SOURCE;

  public AuditEvent {
    resources = List.copyOf(resources);
    detail = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detail));
  }

  /** A copy with more detail fields (function name, target) merged in first. */
  public AuditEvent withContext(Map<String, Object> context) {
    Map<String, Object> merged = new LinkedHashMap<>(context);
    merged.putAll(detail);
    return new AuditEvent(detailType, resources, merged);
  }

  /**
   * A copy that names the run that made it and the change it is: {@code changeId} is the same
   * however often the event is published, so a consumer can drop repeats. {@code attempt} tells
   * apart the attempts of one request: Lambda retries an async invocation under the same request
   * id, and the retry's first event is another change than the first attempt's.
   */
  public AuditEvent identified(String runId, String attempt, int seq) {
    Map<String, Object> merged = new LinkedHashMap<>(detail);
    merged.put("runId", runId);
    merged.put("changeId", runId + "/" + attempt + "/" + seq);
    return new AuditEvent(detailType, resources, merged);
  }

  @Override
  public Object toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", SOURCE);
    json.put("detail-type", detailType);
    json.put("resources", resources);
    json.put("detail", detail);
    return json;
  }
}
