package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One step a plan wants taken. Implementations are records in each function's plan package. */
public interface Action extends JsonValue {
  /**
   * Short type name shown to users: {@code ScaleDown}, {@code CreateProfile}, ...; the record's own
   * name unless it says otherwise.
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /** What it acts on: an ARN, or {@code cluster/nodegroup} where no ARN is known yet. */
  String target();

  /** Extra fields for the report and the audit trail. */
  default Map<String, Object> details() {
    return Map.of();
  }

  /**
   * Metrics of the function's own that this action's outcome counts in, besides the pipeline's
   * ({@link Outcome#metricNames()}): what only a change actually made may count, such as the tag
   * enforcer's resources fixed.
   */
  default List<String> outcomeMetrics(Outcome.Status status) {
    return List.of();
  }

  /** False for report-only entries such as {@link Skip}; those are never applied. */
  default boolean mutates() {
    return true;
  }

  @Override
  default Object toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type());
    json.put("target", target());
    json.putAll(details());
    return json;
  }

  /** A resource left alone on purpose, with the reason. */
  record Skip(String target, String reason) implements Action {
    @Override
    public Map<String, Object> details() {
      return Map.of("reason", reason);
    }

    @Override
    public boolean mutates() {
      return false;
    }
  }
}
