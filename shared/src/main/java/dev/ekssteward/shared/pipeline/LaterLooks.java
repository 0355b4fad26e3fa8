package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.metrics.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a plan's {@link LookAgain} becomes, the same for every function: the next look, sent to the
 * recheck queue; or, once the scope's selection has had its looks, the plan's give-up finding. A
 * sweep never looks again (its next tick does), nor does a function without a recheck queue.
 */
final class LaterLooks {
  /** The metric counting deferred looks sent. */
  static final String SENT = "LooksScheduled";

  private final Rechecks rechecks;

  /** {@code rechecks} null: no recheck queue. */
  LaterLooks(Rechecks rechecks) {
    this.rechecks = rechecks;
  }

  /** The plan to report and act on: with the give-up finding instead of a look that is spent. */
  static Plan settled(Scope scope, Plan plan) {
    LookAgain look = plan.lookAgain();
    if (look == null) {
      return plan;
    }
    if (!(scope.selection() instanceof Selection.One one)) {
      return without(plan, plan.findings());
    }
    if (one.look() < look.limit()) {
      return plan;
    }
    Map<String, Object> detail = new LinkedHashMap<>(look.giveUp().detail());
    detail.put("looks", one.look() + 1);
    detail.put("minutesWaited", one.look() * look.after().toMinutes());
    List<Finding> findings = new ArrayList<>(plan.findings());
    findings.add(new Finding(look.giveUp().detailType(), look.giveUp().target(), detail));
    return without(plan, findings);
  }

  /**
   * Sends the next look of a settled plan (dry-run too: a look changes nothing) and says so in the
   * report. A failure worth retrying goes to {@code retryLater}, so the trigger is delivered again
   * and sends it then.
   */
  void send(
      Scope scope,
      Plan plan,
      Report report,
      Metrics metrics,
      Consumer<RuntimeException> retryLater) {
    LookAgain look = plan.lookAgain();
    if (look == null) {
      return;
    }
    Selection.One next = ((Selection.One) scope.selection()).next();
    if (rechecks == null || !rechecks.available()) {
      report.pending(scope, "still in transition; without RECHECK_QUEUE_URL the next tick looks");
      metrics.add("Pending", 1);
      return;
    }
    try {
      rechecks.send(scope, next, look.after());
    } catch (SdkException e) {
      boolean retryable = Retry.isRetryable(e);
      report.error(scope.toString(), e, retryable);
      metrics.add("LookAgainFailed", 1);
      if (retryable) {
        retryLater.accept(e);
      }
      return;
    }
    report.pending(
        scope,
        "still in transition; look "
            + next.look()
            + " of "
            + look.limit()
            + " in "
            + look.after().toMinutes()
            + " min");
    metrics.add(SENT, 1);
  }

  private static Plan without(Plan plan, List<Finding> findings) {
    return new Plan(
        plan.actions(), findings, plan.metrics(), plan.recheckAfter(), null, plan.reach());
  }
}
