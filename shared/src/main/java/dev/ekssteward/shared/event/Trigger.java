package dev.ekssteward.shared.event;

import dev.ekssteward.shared.request.Caller;
import dev.ekssteward.shared.request.RequestProof;
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

  /**
   * A request someone sent (Wake, Release): acted on only once {@code caller} is proven from its
   * {@code proof} (null until then). {@code account} is the sender's account as EventBridge gives
   * it.
   */
  sealed interface Request extends Trigger permits WakeRequest, ReleaseRequest {
    RequestProof proof();

    Caller caller();

    Request withCaller(Caller caller);

    String account();

    String region();
  }

  /**
   * A request to wake node groups now. {@code nodegroups} empty means all; minutes may be null.
   * {@code time}: the event's own time, which the wake counts from (null when it had none).
   */
  record WakeRequest(
      String cluster,
      List<String> nodegroups,
      Integer minutes,
      String account,
      String region,
      RequestProof proof,
      Caller caller,
      Instant time)
      implements Request {
    /** A request without proof (tests of routing). */
    public WakeRequest(
        String cluster, List<String> nodegroups, Integer minutes, String account, String region) {
      this(cluster, nodegroups, minutes, account, region, null, null, null);
    }

    public String kind() {
      return "wake";
    }

    public WakeRequest withCaller(Caller caller) {
      return new WakeRequest(cluster, nodegroups, minutes, account, region, proof, caller, time);
    }
  }

  /**
   * A request to restore every recorded node group (of {@code cluster} only, when given) and to
   * pause scale-downs until {@code until}, or for {@code hours} from when it is handled when the
   * event had no time (exactly one of the two is set).
   */
  record ReleaseRequest(
      Instant until,
      Integer hours,
      String cluster,
      String account,
      String region,
      RequestProof proof,
      Caller caller)
      implements Request {
    /** A request without proof (tests of routing). */
    public ReleaseRequest(
        Instant until, Integer hours, String cluster, String account, String region) {
      this(until, hours, cluster, account, region, null, null);
    }

    public String kind() {
      return "release";
    }

    public ReleaseRequest withCaller(Caller caller) {
      return new ReleaseRequest(until, hours, cluster, account, region, proof, caller);
    }
  }

  /**
   * A batch of SQS messages, each asking for a schedule tick's work in one (account, region): the
   * fan-out of a tick too large for one invocation (see docs/performance.md).
   */
  record FanOutBatch(List<FanOutItem> items) implements Trigger {
    public FanOutBatch {
      items = List.copyOf(items);
    }

    public String kind() {
      return "fanout";
    }
  }

  /**
   * One queued message: a tick's share of one target (the target's account, null for the function's
   * own, its region and the original tick's time), or a deferred look ({@code recheck}, whose
   * account and region are the item's too); or {@code problem} when the message is not one of ours.
   */
  record FanOutItem(
      String messageId,
      String account,
      String region,
      Instant time,
      Recheck recheck,
      String problem) {

    /** A tick's share of one target, or a message that is not ours. */
    public FanOutItem(
        String messageId, String account, String region, Instant time, String problem) {
      this(messageId, account, region, time, null, problem);
    }

    /**
     * What the message is about: its target, and for a deferred look the resource. Of two items of
     * one batch with the same key, only the later needs to run.
     */
    public String key() {
      String target = (account == null ? "self" : account) + "/" + region;
      if (recheck == null) {
        return target;
      }
      Selection.One what = recheck.what();
      return target + "/" + recheck.cluster() + "/" + what.kind() + "/" + what.name();
    }
  }

  /**
   * A deferred look at the one resource an earlier call named, delivered by the recheck queue once
   * its delay has passed: routed like that call, with the selection's {@code look} counting the
   * looks so far.
   *
   * @param account the target's account (null for the function's own)
   * @param region the target's region
   * @param cluster the cluster, or null for a resource that is not in one
   * @param what the resource, as the call selected it, at its new look
   */
  record Recheck(String account, String region, String cluster, Selection.One what)
      implements Trigger {
    public String kind() {
      return "recheck";
    }
  }

  /** An event this function cannot use; the reason says why. Never retried. */
  record Unrecognized(String reason) implements Trigger {
    public String kind() {
      return "unrecognized";
    }
  }
}
