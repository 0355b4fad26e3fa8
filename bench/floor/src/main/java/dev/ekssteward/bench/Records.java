package dev.ekssteward.bench;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

/**
 * The calls-only baselines of the scheduler's live evening and morning runs (bench/kmscold.py):
 * the calls the function makes when it scales every group down (signing each size record with
 * KMS) or restores them (verifying each record first), made one after the other, nothing else.
 * With {@code kms} false, the same calls without KMS: the difference is what the KMS client and
 * its calls cost a cold start. The records are written under their own tag key, so the function's
 * records are left alone; the sizes written are the ones the function writes.
 */
final class Records {
  /** Each variant its own tag key, so the one without KMS leaves the signed records alone. */
  private static String tag(boolean kms) {
    return kms ? "bench-calls/record" : "bench-calls/record-nokms";
  }

  private Records() {}

  /** A group of the fleet, as observed: its cluster, name, ARN and tags. */
  private record Group(String cluster, String name, String arn, Map<String, String> tags) {}

  /**
   * As the scheduler's first evening: config, ledger, the fleet observed, the index written, the
   * fleet observed again (the held-back second round), then per group the signed record and the
   * scale-down; one PutEvents per 10 audit events (a group's each, and the index's).
   */
  static int evening(boolean kms) {
    int calls = Calls.config("/config") + Calls.ledger();
    EksClient eks = Calls.client(EksClient.builder().httpClient(Calls.HTTP));
    KmsClient keys = kms ? Calls.client(KmsClient.builder().httpClient(Calls.HTTP)) : null;
    List<String> clusters = Calls.clusters(eks);
    observe(eks, clusters);
    Calls.ssm.putParameter(
        r ->
            r.name(System.getenv("CONFIG_PREFIX") + "/scheduler/bench-calls")
                .value("{}")
                .type("String")
                .overwrite(true));
    List<Group> groups = observe(eks, clusters); // the second round: the cluster list is kept
    for (Group g : groups) {
      byte[] mac = new byte[32];
      if (keys != null) {
        mac =
            keys.generateMac(
                    r ->
                        r.keyId(System.getenv("RECORD_KEY_ID"))
                            .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                            .message(SdkBytes.fromUtf8String(g.arn())))
                .mac()
                .asByteArray();
      }
      String value = Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
      eks.tagResource(r -> r.resourceArn(g.arn()).tags(Map.of(tag(kms), value)));
      eks.updateNodegroupConfig(
          r ->
              r.clusterName(g.cluster())
                  .nodegroupName(g.name())
                  .scalingConfig(s -> s.minSize(0).desiredSize(0).maxSize(1)));
    }
    return calls + publish(groups.size() + 1); // and the index update's own audit event
  }

  /** As the scheduler's morning: config, ledger, the fleet observed, per group the record
   * verified, the sizes restored and the record dropped; the audit events. */
  static int morning(boolean kms) {
    int calls = Calls.config("/config") + Calls.ledger();
    EksClient eks = Calls.client(EksClient.builder().httpClient(Calls.HTTP));
    KmsClient keys = kms ? Calls.client(KmsClient.builder().httpClient(Calls.HTTP)) : null;
    List<Group> groups = observe(eks, Calls.clusters(eks));
    for (Group g : groups) {
      String value = g.tags().getOrDefault(tag(kms), "");
      if (keys != null && !value.isEmpty()) {
        keys.verifyMac(
            r ->
                r.keyId(System.getenv("RECORD_KEY_ID"))
                    .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                    .message(SdkBytes.fromUtf8String(g.arn()))
                    .mac(SdkBytes.fromByteArray(Base64.getUrlDecoder().decode(value))));
      }
      eks.updateNodegroupConfig(
          r ->
              r.clusterName(g.cluster())
                  .nodegroupName(g.name())
                  .scalingConfig(s -> s.minSize(1).desiredSize(2).maxSize(4)));
      eks.untagResource(r -> r.resourceArn(g.arn()).tagKeys(tag(kms)));
    }
    return calls + publish(groups.size());
  }

  /** Per cluster ListNodegroups, DescribeNodegroup each, ListTagsForResource. */
  private static List<Group> observe(EksClient eks, List<String> clusters) {
    List<Group> out = new ArrayList<>();
    for (String name : clusters) {
      String arn = null;
      for (String group : eks.listNodegroups(r -> r.clusterName(name)).nodegroups()) {
        Nodegroup ng =
            eks.describeNodegroup(r -> r.clusterName(name).nodegroupName(group)).nodegroup();
        arn = ng.nodegroupArn();
        out.add(new Group(name, group, arn, ng.tags()));
      }
      if (arn != null) {
        String cluster = arn.substring(0, arn.indexOf(":nodegroup/")) + ":cluster/" + name;
        eks.listTagsForResource(r -> r.resourceArn(cluster));
      }
    }
    return out;
  }

  /** One PutEvents per 10 audit events, as the functions batch them. */
  private static int publish(int events) {
    int calls = 0;
    for (int i = 0; i < events; i += 10) {
      calls += Calls.publish(Math.min(10, events - i));
    }
    return calls;
  }
}
