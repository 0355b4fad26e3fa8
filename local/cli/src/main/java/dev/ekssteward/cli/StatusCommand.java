package dev.ekssteward.cli;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.EksNodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.ConfigLoader;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.pipeline.Targets;
import dev.ekssteward.shared.trust.KmsRecordSigner;
import dev.ekssteward.shared.trust.RecordSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code status}: every scheduled node group of the clusters the config selects, in every account
 * and region it names (member accounts through the role the scheduler assumes there, which the
 * operator's credentials may not be allowed to assume: such a target is reported and skipped).
 * Progress on stderr while scanning. Exit 3 when a target or cluster could not be read, 1 with
 * {@code --strict} when a group needs attention.
 */
final class StatusCommand {
  private StatusCommand() {}

  private record Found(Target target, String cluster) {}

  static int run(Args args, Session session, Output output) {
    args.allow(Set.of("config", "record-key", "strict")).operands(0, "no operands");
    ConfigLoader.Loaded loaded = session.config(args);
    StewardConfig config = loaded.config();
    String region = session.region(args);
    AwsClients clients = session.clients(args);
    RecordSigner signer = args.option("record-key") == null ? null : new KmsRecordSigner(clients);
    Instant now = session.clock.instant();
    List<Target> targets =
        new Targets(region, null, partition(region), "nodegroup-scheduler").all(config);
    List<Map<String, Object>> errors = new ArrayList<>();
    List<Found> clusters = new ArrayList<>();
    for (Target t : targets) {
      try {
        new EksNodegroupApi(clients.eks(t))
            .listClusters().stream()
                .filter(config.targets().clusters()::matches)
                .sorted()
                .forEach(c -> clusters.add(new Found(t, c)));
      } catch (SdkException e) {
        errors.add(error(t, null, e));
      }
    }
    List<GroupStatus> groups = new ArrayList<>();
    TagCompliance tags = new TagCompliance(clients, config.tagging());
    FargateDrift fargate =
        new FargateDrift(clients, signer == null ? Unverified.KEY : signer, config, now);
    int scanned = 0;
    for (Found f : clusters) {
      try {
        groups.addAll(scan(f, new EksNodegroupApi(clients.eks(f.target())), config, signer, now));
        tags.scan(f.target(), f.cluster());
        fargate.scan(f.target(), f.cluster());
      } catch (SdkException e) {
        errors.add(error(f.target(), f.cluster(), e));
      }
      scanned++;
      if (scanned == clusters.size() || scanned % Math.max(1, clusters.size() / 10) == 0) {
        output.note("scanned " + scanned + "/" + clusters.size() + " clusters");
      }
    }
    boolean attention = groups.stream().anyMatch(g -> !g.attention().isEmpty());
    print(
        output,
        loaded,
        now,
        groups,
        fargate.summary(),
        tags.summary(),
        errors,
        args.option("record-key") != null);
    if (!errors.isEmpty()) {
      return Exit.AWS;
    }
    return args.flag("strict") && attention ? Exit.FINDINGS : Exit.OK;
  }

  private static List<GroupStatus> scan(
      Found f, NodegroupApi api, StewardConfig config, RecordSigner signer, Instant now) {
    List<String> names = api.listNodegroups(f.cluster());
    Cluster cluster = api.describeCluster(f.cluster());
    if (names == null || cluster == null) {
      return List.of(); // deleted while we looked
    }
    return names.stream()
        .sorted()
        .map(n -> api.describeNodegroup(f.cluster(), n))
        .filter(Objects::nonNull)
        .map(g -> GroupStatus.of(f.target(), cluster, g, config.scheduler(), signer, now))
        .filter(Objects::nonNull)
        .toList();
  }

  private static void print(
      Output output,
      ConfigLoader.Loaded loaded,
      Instant now,
      List<GroupStatus> groups,
      Map<String, Object> fargate,
      Map<String, Object> tagging,
      List<Map<String, Object>> errors,
      boolean verified) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("at", now.toString());
    doc.put("config", loaded.source());
    doc.put("recordsVerified", verified);
    doc.put("nodegroups", groups.stream().map(GroupStatus::json).toList());
    doc.put("fargate", fargate);
    doc.put("tagCompliance", tagging);
    doc.put("errors", errors);
    output.document(doc);
    output.line("config: " + loaded.source() + "   at " + now);
    output.table(
        List.of(
            "CLUSTER",
            "NODEGROUP",
            "SCHEDULE",
            "STATE",
            "DOWN SINCE",
            "RECORDED",
            "NEXT CHANGE",
            "RECORD"),
        groups.stream().map(GroupStatus::row).toList());
    output.line(
        "scheduled node groups: "
            + groups.size()
            + ", down: "
            + groups.stream().filter(g -> g.state().startsWith("down")).count());
    output.line("fargate (the reconciler's plan, not applied): " + fargate.get("clusters"));
    for (Object c : (List<?>) fargate.get("withDesiredState")) {
      Map<?, ?> m = (Map<?, ?>) c;
      if (!"in sync".equals(m.get("state"))) {
        output.line(
            "  "
                + m.get("cluster")
                + ": "
                + m.get("state")
                + " "
                + m.get("wouldChange")
                + " "
                + m.get("findings"));
      }
    }
    output.line("tag compliance (the tag enforcer's summary; fixed = would be fixed):");
    Map<?, ?> perType = (Map<?, ?>) tagging.get("compliance");
    perType.forEach((type, counts) -> output.line("  " + type + ": " + counts));
    output.line(
        "  exempt clusters: "
            + tagging.get("exemptClusters")
            + ", excluded clusters: "
            + tagging.get("excludedClusters"));
    for (Map<String, Object> e : errors) {
      output.line("error: " + e.get("target") + " " + e.get("cluster") + ": " + e.get("error"));
    }
  }

  private static Map<String, Object> error(Target t, String cluster, SdkException e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", t.toString());
    m.put("cluster", cluster);
    m.put("error", e.getMessage());
    return m;
  }

  /** The partition of a region (member roles are in the caller's own). */
  static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
