package dev.ekssteward.shared.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What woke the function up. Every handler input becomes exactly one of these. */
public sealed interface Trigger {

  /** Short name for reports and metrics. */
  String kind();

  /** A schedule tick (EventBridge rule or Scheduler): look at everything in scope. */
  record ScheduleTick(Instant time, String rule) implements Trigger {
    public String kind() {
      return "schedule";
    }
  }

  /** An AWS API call recorded by CloudTrail and delivered by EventBridge. */
  record CloudTrailCall(
      String eventSource,
      String eventName,
      String eventId,
      Instant time,
      String account,
      String region,
      Map<String, Object> requestParameters,
      Map<String, Object> responseElements,
      CallerIdentity caller,
      String userAgent,
      String errorCode)
      implements Trigger {
    public String kind() {
      return "cloudtrail:" + eventName;
    }

    public boolean failed() {
      return errorCode != null;
    }
  }

  /** An SSM Parameter Store change (Create, Update, Delete, LabelParameterVersion). */
  record ParameterChange(String name, String operation, String account, String region, Instant time)
      implements Trigger {
    public String kind() {
      return "parameter-change";
    }
  }

  /** A request to wake node groups now. {@code nodegroups} empty means all; minutes may be null. */
  record WakeRequest(
      String cluster, List<String> nodegroups, Integer minutes, String account, String region)
      implements Trigger {
    public String kind() {
      return "wake";
    }
  }

  /** An event this function cannot use; the reason says why. Never retried. */
  record Unrecognized(String reason) implements Trigger {
    public String kind() {
      return "unrecognized";
    }
  }
}
