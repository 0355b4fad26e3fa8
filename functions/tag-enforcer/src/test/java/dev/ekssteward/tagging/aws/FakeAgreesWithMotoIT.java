package dev.ekssteward.tagging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.tagging.TagFleet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The in-memory EKS and Auto Scaling answer as moto (with local/moto/patches.py, through the SDK
 * adapter) does for every call the tag enforcer makes: describe and list, TagResource on clusters,
 * node groups and profiles, someone's UntagResource in between, the 50-tag limit and the reserved
 * {@code aws:} prefix, and the tags of node groups' ASGs. Not compared, because moto falls short:
 * CreateOrUpdateTags on a missing group (moto: HTTP 500, AWS: 400 "AutoScalingGroup not found") and
 * the ASG tag limits (moto accepts anything); the fake follows AWS there (see FakeTaggingApiTest).
 */
class FakeAgreesWithMotoIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final Target HOME = Target.home(LocalAws.REGION);
  static final String GONE = "arn:aws:eks:eu-west-1:123456789012:cluster/gone";

  /** How a scenario puts resources into either world, and what a person does meanwhile. */
  interface World {
    String cluster(String name, Map<String, String> tags);

    /** Returns the name of the ASG the node group reports. */
    String nodegroup(String cluster, String name, Map<String, String> tags);

    String profile(String cluster, String name, Map<String, String> tags);

    void asg(String name, String cluster);

    void untag(String arn, List<String> keys);
  }

  /** Every answer of the port in order, with the per-run random parts (ids, ASG names) named. */
  static final class Answers {
    final List<Object> seen = new ArrayList<>();
    final Map<String, String> names = new LinkedHashMap<>();

    String named(String real, String name) {
      names.put(real, name);
      return real;
    }

    void add(String what, Object answer) {
      String text = String.valueOf(answer);
      for (Map.Entry<String, String> n : names.entrySet()) {
        text = text.replace(n.getKey(), n.getValue());
      }
      seen.add(what + " -> " + text);
    }
  }

  static Object shape(TaggedResource r) {
    return r == null ? null : List.of(r.ref(), new TreeMap<>(r.tags()), r.asgNames());
  }

  static Object shape(Map<String, AsgTags> groups) {
    Map<String, Object> out = new TreeMap<>();
    groups.forEach(
        (k, g) -> out.put(k, List.of(g.clusterTag(), new TreeMap<>(g.propagating()), g.count())));
    return out;
  }

  static List<Object> exercise(TaggingApi api, World world) {
    Answers a = new Answers();
    String cluster = world.cluster("dev-1", Map.of("env", "dev"));
    world.cluster("dev-2", Map.of());
    String asg = a.named(world.nodegroup("dev-1", "ng-a", Map.of("team", "payments")), "ASG");
    a.named(asg.substring("eks-".length()), "NG-ID");
    String ng = api.nodegroup(HOME, "dev-1", "ng-a").ref().arn();
    String profile = a.named(world.profile("dev-1", "team-a", Map.of("team", "search")), "FP");

    a.add("clusters", api.clusters(HOME).stream().sorted().toList());
    a.add("cluster", shape(api.cluster(HOME, "dev-1")));
    a.add("gone cluster", api.cluster(HOME, "gone"));
    a.add("node groups", api.nodegroups(HOME, "dev-1"));
    a.add("node groups of a gone cluster", api.nodegroups(HOME, "gone"));
    a.add("profiles", api.fargateProfiles(HOME, "dev-1"));
    a.add("profiles of a gone cluster", api.fargateProfiles(HOME, "gone"));
    a.add("missing node group", api.nodegroup(HOME, "dev-1", "nope"));
    a.add("missing profile", api.fargateProfile(HOME, "dev-1", "nope"));
    a.add("ASG not there yet", shape(api.autoScalingGroups(HOME, List.of(asg))));

    a.add("tag cluster", api.tag(HOME, cluster, Map.of("cost-center", "0000")));
    a.add("tag node group", api.tag(HOME, ng, Map.of("created-by", "jane", "env", "dev")));
    a.add("tag profile", api.tag(HOME, profile, Map.of("env", "dev")));
    world.untag(ng, List.of("team"));
    a.add("cluster after", shape(api.cluster(HOME, "dev-1")));
    a.add("node group after", shape(api.nodegroup(HOME, "dev-1", "ng-a")));
    a.add("profile after", shape(api.fargateProfile(HOME, "dev-1", "team-a")));

    a.add("tag a gone resource", api.tag(HOME, GONE, Map.of("a", "b")));
    a.add("tag aws: key", api.tag(HOME, cluster, Map.of("aws:owner", "x")));
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 49; i++) {
      many.put("k" + i, "v");
    }
    a.add("tag past 50", api.tag(HOME, cluster, many));
    a.add("cluster unchanged", shape(api.cluster(HOME, "dev-1")));

    world.asg(asg, "dev-1");
    a.add("ASG", shape(api.autoScalingGroups(HOME, List.of(asg, "eks-missing"))));
    a.add("tag ASG", api.tagAutoScalingGroup(HOME, asg, Map.of("cost-center", "0000")));
    a.add("retag ASG", api.tagAutoScalingGroup(HOME, asg, Map.of("cost-center", "1234")));
    a.add("ASG after", shape(api.autoScalingGroups(HOME, List.of(asg))));
    return a.seen;
  }

  @Test
  void sameAnswersForTheCallsTheTagEnforcerMakes() {
    TagFleet moto = new TagFleet(aws);
    World motoWorld =
        new World() {
          public String cluster(String name, Map<String, String> tags) {
            return moto.cluster(name, tags);
          }

          public String nodegroup(String cluster, String name, Map<String, String> tags) {
            return moto.nodegroup(cluster, name, tags);
          }

          public String profile(String cluster, String name, Map<String, String> tags) {
            return moto.profile(cluster, name, tags);
          }

          public void asg(String name, String cluster) {
            moto.asg(name, cluster);
          }

          public void untag(String arn, List<String> keys) {
            moto.eks.untagResource(r -> r.resourceArn(arn).tagKeys(keys));
          }
        };
    FakeTaggingApi fake = new FakeTaggingApi();
    World fakeWorld =
        new World() {
          public String cluster(String name, Map<String, String> tags) {
            return fake.addCluster(name, tags);
          }

          public String nodegroup(String cluster, String name, Map<String, String> tags) {
            return fake.addNodegroup(cluster, name, tags);
          }

          public String profile(String cluster, String name, Map<String, String> tags) {
            return fake.addProfile(cluster, name, tags);
          }

          public void asg(String name, String cluster) {
            fake.addAsg(name, cluster);
          }

          public void untag(String arn, List<String> keys) {
            fake.untag(arn, keys);
          }
        };
    SdkTaggingApi adapter =
        new SdkTaggingApi(
            new AwsClients(
                aws.settings(false),
                "agreement",
                List.of(new CallRecorder("agreement")),
                Waits.none().backoff()));

    List<Object> fromMoto = exercise(adapter, motoWorld);
    List<Object> fromFake = exercise(fake, fakeWorld);

    assertThat(fromFake).containsExactlyElementsOf(fromMoto);
    assertThat(fromMoto)
        .contains(
            "tag a gone resource -> NotFound[message=Resource was not found: " + GONE + "]",
            "tag past 50 -> Refused[message=BadRequestException: A resource can have at most 50"
                + " tags.]",
            "ASG after -> {ASG=[dev-1, {cost-center=1234, eks:cluster-name=dev-1}, 2]}");
  }
}
