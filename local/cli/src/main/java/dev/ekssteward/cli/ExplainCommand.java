package dev.ekssteward.cli;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.scheduler.plan.NodegroupPlanner;
import dev.ekssteward.scheduler.plan.RunFacts;
import dev.ekssteward.scheduler.plan.ScheduleSource;
import dev.ekssteward.scheduler.schedule.InvalidSchedule;
import dev.ekssteward.scheduler.schedule.Schedule;
import dev.ekssteward.scheduler.schedule.ScheduleValue;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.trust.KmsRecordSigner;
import dev.ekssteward.shared.trust.Trust;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code explain <cluster>/<nodegroup> [--at <time>]}: which schedule applies to the group and from
 * where, and what a schedule tick would do at that time: the scheduler's own observe ({@link
 * SchedulerView}) and pure planner ({@link NodegroupPlanner}) run on the group as it is now. What
 * the tick's ledger adds is assumed away: no Release pause, and the cluster already in the record
 * index.
 */
final class ExplainCommand {
  private ExplainCommand() {}

  /** Why the config's targets leave the group out, as a tick's routing would; null: in scope. */
  static String outOfScope(StewardConfig config, String cluster, String region) {
    List<String> regions = config.targets().regions();
    if (!regions.isEmpty() && !regions.contains(region)) {
      return "targets.regions " + regions + " does not include " + region;
    }
    return config.targets().clusters().matches(cluster)
        ? null
        : "targets.clusters does not select " + cluster;
  }

  static int run(Args args, Session session, Output output) {
    args.allow(Set.of("at", "config", "record-key"));
    String operand = args.operands(1, "one operand: <cluster>/<nodegroup>").get(0);
    int slash = operand.indexOf('/');
    if (slash <= 0 || slash == operand.length() - 1 || operand.indexOf('/', slash + 1) >= 0) {
      throw new UsageException("expected <cluster>/<nodegroup>, was '" + operand + "'");
    }
    String clusterName = operand.substring(0, slash);
    String groupName = operand.substring(slash + 1);
    Instant at = at(args.option("at"), session);
    StewardConfig config = session.config(args).config();
    SchedulerConfig scheduler = config.scheduler();
    String outOfScope = outOfScope(config, clusterName, session.region(args));
    if (outOfScope != null) {
      // What routing does for a tick: the planner never sees such a group.
      output.note(
          operand + " is not in the scheduler's scope: " + outOfScope + "; ticks leave it alone");
      return Exit.FINDINGS;
    }
    ClusterState seen =
        SchedulerView.observe(
            session.clients(args),
            session.settings(args),
            session.clock,
            config,
            Target.home(session.region(args)),
            clusterName,
            groupName);
    Cluster cluster = seen.cluster();
    Nodegroup g =
        seen.nodegroups().stream().filter(n -> n.name().equals(groupName)).findFirst().orElse(null);
    if (g == null || cluster == null) {
      output.note("no node group " + operand + " in " + session.region(args));
      return Exit.FINDINGS;
    }
    ScheduleSource source = ScheduleSource.of(g.tags(), cluster.tags(), scheduler);
    Schedule schedule = null;
    String invalid = null;
    if (source != null) {
      try {
        schedule = ScheduleValue.parse(source.value(), scheduler);
      } catch (InvalidSchedule e) {
        invalid = e.getMessage();
      }
    }
    ClusterState state = new ClusterState(cluster, List.of(g), new RunFacts(null, true, null));
    boolean verified = args.option("record-key") != null;
    // With the key, the record as the scheduler would judge it (one VerifyMac); without, as tagged.
    RecordView record =
        RecordView.of(g, verified ? new KmsRecordSigner(session.clients(args)) : null);
    Map<String, Trust> macs = new HashMap<>();
    for (String arn : NodegroupPlanner.recordsToVerify(state, scheduler, at, Selection.ALL)) {
      macs.put(arn, record.forPlan());
    }
    Plan plan = NodegroupPlanner.plan(state.withMacs(macs), scheduler, at, Selection.ALL);
    List<String> words = Decision.words(plan, g, source, schedule, at);

    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("cluster", clusterName);
    doc.put("nodegroup", groupName);
    doc.put("at", at.toString());
    doc.put("sizes", g.sizes().toMap());
    doc.put("schedule", schedule(source, schedule, invalid, at));
    doc.put("record", record.words());
    doc.put(
        "recordVerified",
        record.trust() != null && !record.forPlan().reason().startsWith("assumed"));
    doc.put("decision", words);
    doc.put("actions", plan.actions().stream().map(a -> a.toJson()).toList());
    doc.put("findings", plan.findings().stream().map(f -> f.toJson()).toList());
    output.document(doc);
    output.line(operand + " at " + at + " (now " + Decision.sizes(g.sizes()) + ")");
    output.line(
        "schedule: "
            + (source == null
                ? Source.NONE
                : source.value() + " from " + Source.words(source) + " (" + source.source() + ")"));
    if (invalid != null) {
      output.line("  invalid: " + invalid);
    } else if (schedule != null) {
      output.line("  at that time: " + (schedule.isUp(at) ? "inside" : "outside") + " its uptime");
      NextChange next = NextChange.after(schedule, at);
      if (next != null) {
        output.line(
            "  next change: "
                + (next.up() ? "up" : "down")
                + " at "
                + Decision.day(schedule, next.at()));
      }
    }
    if (g.tags().containsKey(Contract.KEEP_UP_UNTIL_TAG)) {
      output.line("keep-up-until: " + g.tags().get(Contract.KEEP_UP_UNTIL_TAG));
    }
    output.line(record.words());
    for (String line : words) {
      output.line("the scheduler would: " + line);
    }
    if (!macs.isEmpty() && record.forPlan().reason().startsWith("assumed")) {
      output.line(
          "(the record's signature was not checked: give --record-key <key-id>, which your"
              + " credentials may use for kms:VerifyMac)");
    }
    return Exit.OK;
  }

  private static Map<String, Object> schedule(
      ScheduleSource source, Schedule schedule, String invalid, Instant at) {
    if (source == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", source.value());
    m.put("source", source.source());
    if (invalid != null) {
      m.put("invalid", invalid);
    } else {
      m.put("timezone", schedule.zone().getId());
      m.put("up", schedule.isUp(at));
      NextChange next = NextChange.after(schedule, at);
      m.put("nextChange", next == null ? null : next.at().toString());
    }
    return m;
  }

  /** An ISO-8601 instant or date-time with offset; now when not given. */
  static Instant at(String value, Session session) {
    if (value == null) {
      return session.clock.instant();
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "--at must be an ISO-8601 time with offset, like 2026-12-07T20:00:00+01:00 or"
              + " 2026-12-07T19:00:00Z, was '"
              + value
              + "'");
    }
  }
}
