package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.trust.Trust;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Pure: what to do with one cluster's node groups at {@code now}. A wake request keeps the named
 * groups up (durably, as a tag) and restores them; a release request restores every recorded group
 * and pauses scale-downs; every other trigger evaluates each group's schedule.
 */
public final class NodegroupPlanner {
  private NodegroupPlanner() {}

  public static Plan plan(
      ClusterState state, SchedulerConfig config, Instant now, Selection selection) {
    return plan(state, config, now, selection, true);
  }

  /**
   * {@code firstPass}: no earlier pass of this scope ran in this invocation. A first pass that puts
   * autoscaler tags back, or restores for a release, looks again at once: the records can then go
   * (and the release's ledger sees them gone) in the same invocation.
   */
  public static Plan plan(
      ClusterState state,
      SchedulerConfig config,
      Instant now,
      Selection selection,
      boolean firstPass) {
    return plan(state, config, now, selection, firstPass, arn -> state.macs().get(arn));
  }

  /**
   * {@link #recordsToVerify(ClusterState, SchedulerConfig, Instant, Selection, boolean)}, first
   * pass.
   */
  public static Set<String> recordsToVerify(
      ClusterState state, SchedulerConfig config, Instant now, Selection selection) {
    return recordsToVerify(state, config, now, selection, true);
  }

  /**
   * The groups whose signed size record this plan would act on: the only records worth a KMS call
   * (a sleeping group's record is not verified every night tick, only when it is restored or
   * written again). Asked of the state the ledger completed: a release or a cluster leaving scope
   * restores records too.
   */
  public static Set<String> recordsToVerify(
      ClusterState state,
      SchedulerConfig config,
      Instant now,
      Selection selection,
      boolean firstPass) {
    Set<String> asked = new LinkedHashSet<>();
    plan(
        state,
        config,
        now,
        selection,
        firstPass,
        arn -> {
          asked.add(arn);
          return Trust.SIGNED;
        });
    return asked;
  }

  private static Plan plan(
      ClusterState state,
      SchedulerConfig config,
      Instant now,
      Selection selection,
      boolean firstPass,
      Function<String, Trust> macs) {
    PlanDraft draft = new PlanDraft();
    if (state.cluster() == null) {
      return draft.build(0, null);
    }
    RunFacts facts = released(state.facts(), selection, now);
    boolean created = selection instanceof Selection.One one && one.created();
    GroupDecision decision =
        new GroupDecision(state.cluster(), config, now, facts, draft, created, macs);
    if (selection instanceof Selection.Wake wake) {
      int minutes = wake.minutes() != null ? wake.minutes() : config.wakeDurationMinutes();
      // From the request's own time, as a release counts: a retry minutes later ends the same.
      Instant from = wake.sent() != null ? wake.sent() : now;
      Instant until = from.plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.SECONDS);
      if (!until.isAfter(now)) {
        draft.act(
            new Action.Skip(
                state.cluster().name(), "wake request sent at " + from + " ended at " + until));
        return draft.build(state.nodegroups().size(), null);
      }
      for (String missing : missing(wake.nodegroups(), state.nodegroups())) {
        draft.act(
            new Action.Skip(
                state.cluster().name() + "/" + missing, "no such node group; nothing to wake"));
      }
      for (Nodegroup g : state.nodegroups()) {
        // A request delivered again names the same time: the tag already says so.
        if (until.toString().equals(g.tags().get(Contract.KEEP_UP_UNTIL_TAG))) {
          draft.act(new Action.Skip(g.arn(), "already kept up until " + until));
        } else {
          draft.act(new KeepUp(g.arn(), g.cluster(), g.name(), until));
        }
        decision.evaluate(g, until);
      }
    } else {
      for (Nodegroup g : state.nodegroups()) {
        decision.evaluate(g, null);
      }
    }
    boolean again =
        firstPass
            && (draft.has(ResumeAutoscaler.class)
                || (selection instanceof Selection.Release && draft.has(Restore.class)));
    return draft.build(state.nodegroups().size(), again ? Duration.ZERO : null);
  }

  /**
   * A release pauses from now: the ledger's pause when it has one (the value it writes), else the
   * request's own.
   */
  static RunFacts released(RunFacts facts, Selection selection, Instant now) {
    boolean known = facts.pausedUntil() != null && facts.pausedUntil().isAfter(now);
    if (!(selection instanceof Selection.Release r) || known) {
      return facts;
    }
    Instant until = r.until() != null ? r.until() : now.plus(Duration.ofHours(r.hours()));
    return new RunFacts(until, facts.indexed(), facts.outOfScope());
  }

  private static List<String> missing(List<String> wanted, List<Nodegroup> found) {
    return wanted.stream()
        .filter(name -> found.stream().noneMatch(g -> g.name().equals(name)))
        .toList();
  }
}
