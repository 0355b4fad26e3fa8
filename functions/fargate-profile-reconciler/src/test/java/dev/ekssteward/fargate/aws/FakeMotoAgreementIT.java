package dev.ekssteward.fargate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.ManualClock;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The in-memory EKS and moto (through the production adapter) answer the same where both answer:
 * once the fake's transitions have settled, the same calls give the same {@link Result}s and
 * shapes.
 */
class FakeMotoAgreementIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final Target HOME = Target.home(LocalAws.REGION);
  static final ProfileSpec SPEC =
      new ProfileSpec(
          "arn:aws:iam::123456789012:role/fargate-pods",
          Set.of("subnet-0abc1234", "subnet-0def5678"),
          Set.of(
              new Selector("team-a", Map.of("lifecycle", "fargate")),
              new Selector("batch-*", Map.of())));
  static final Map<String, String> TAGS = Map.of("eks-steward/managed", "true", "team", "payments");
  static final String ARN = "arn:aws:eks:eu-west-1:123456789012:fargateprofile/dev-1/%s/.+";

  final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
  FakeEks fake;
  EksFargateApi moto;

  @BeforeEach
  void setUp() {
    fake = new FakeEks(clock);
    fake.addCluster("dev-1");
    aws.seeder().seed(FleetSeed.fleet().cluster(ClusterSeed.cluster("dev-1")));
    moto =
        new EksFargateApi(
            new AwsClients(
                aws.settings(false),
                "agreement",
                List.of(new CallRecorder("agreement")),
                Waits.none().backoff()));
  }

  /** What both describe, without the parts that are random by nature (ARN id, creation time). */
  static List<Object> shape(List<ObservedProfile> profiles) {
    if (profiles == null) {
      return null;
    }
    return profiles.stream()
        .map(
            p -> {
              assertThat(p.arn())
                  .matches(
                      "arn:aws:eks:eu-west-1:123456789012:fargateprofile/dev-1/"
                          + p.name()
                          + "/.+");
              assertThat(p.createdAt()).isNotNull();
              return (Object) List.of(p.name(), p.status(), p.spec(), p.tags(), p.healthIssues());
            })
        .toList();
  }

  /** Both finish their transitions: the fake's clock moves on, moto's real seconds pass. */
  void settle() {
    clock.advance(Duration.ofMinutes(5));
    aws.settle();
  }

  /**
   * What both answer, without what is random by nature: Done with the profile its ARN names (or
   * null), Busy, NotFound, or Refused with EKS's error code.
   */
  static String answer(Result r) {
    if (r instanceof Result.Done d) {
      assertThat(d.events()).isEmpty();
      assertThat(d.note()).isNull();
      return "Done " + (d.value() == null ? null : d.value().split("/")[2]);
    }
    if (r instanceof Result.Refused refused) {
      return "Refused " + refused.message().substring(0, refused.message().indexOf(':'));
    }
    return r.getClass().getSimpleName();
  }

  @Test
  void createListDescribeAndDeleteAgree() {
    assertThat(fake.clusters(HOME)).isEqualTo(moto.clusters(HOME)).containsExactly("dev-1");

    Result f = fake.create(HOME, "dev-1", "team-a", SPEC, TAGS);
    Result m = moto.create(HOME, "dev-1", "team-a", SPEC, TAGS);
    assertThat(answer(f)).isEqualTo(answer(m)).isEqualTo("Done team-a");
    assertThat(((Result.Done) m).value()).matches(String.format(ARN, "team-a"));
    // CREATING, and EKS allows one profile in transition per cluster: a second create is a 409.
    assertThat(shape(fake.profiles(HOME, "dev-1")))
        .isEqualTo(shape(moto.profiles(HOME, "dev-1")))
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("CREATING"));
    assertThat(answer(fake.create(HOME, "dev-1", "team-b", SPEC, TAGS)))
        .isEqualTo(answer(moto.create(HOME, "dev-1", "team-b", SPEC, TAGS)))
        .isEqualTo("Busy");
    settle();
    assertThat(shape(fake.profiles(HOME, "dev-1")))
        .isEqualTo(shape(moto.profiles(HOME, "dev-1")))
        .hasSize(1);

    assertThat(answer(fake.delete(HOME, "dev-1", "team-a")))
        .isEqualTo(answer(moto.delete(HOME, "dev-1", "team-a")))
        .isEqualTo("Done team-a");
    assertThat(shape(fake.profiles(HOME, "dev-1")))
        .isEqualTo(shape(moto.profiles(HOME, "dev-1")))
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("DELETING"));
    settle();
    assertThat(shape(fake.profiles(HOME, "dev-1")))
        .isEqualTo(shape(moto.profiles(HOME, "dev-1")))
        .isEmpty();
  }

  @Test
  void refusalsAgree() {
    fake.create(HOME, "dev-1", "team-a", SPEC, TAGS);
    moto.create(HOME, "dev-1", "team-a", SPEC, TAGS);
    settle();

    // A taken name is a 409: the SDK tries it 6 times, then the answer is Busy.
    assertThat(answer(fake.create(HOME, "dev-1", "team-a", SPEC, TAGS)))
        .isEqualTo(answer(moto.create(HOME, "dev-1", "team-a", SPEC, TAGS)))
        .isEqualTo("Busy");
    assertThat(answer(fake.delete(HOME, "dev-1", "nope")))
        .isEqualTo(answer(moto.delete(HOME, "dev-1", "nope")))
        .isEqualTo("NotFound");
    assertThat(answer(fake.create(HOME, "gone", "team-a", SPEC, TAGS)))
        .isEqualTo(answer(moto.create(HOME, "gone", "team-a", SPEC, TAGS)))
        .isEqualTo("NotFound");
    assertThat(fake.profiles(HOME, "gone")).isNull();
    assertThat(moto.profiles(HOME, "gone")).isNull();
  }

  @Test
  void theEksRulesMotoLacksAreEnforcedByBoth() {
    Set<Selector> six = new java.util.HashSet<>();
    for (int i = 0; i < 6; i++) {
      six.add(new Selector("ns" + i, Map.of()));
    }
    ProfileSpec tooMany = new ProfileSpec(SPEC.podExecutionRoleArn(), Set.of(), six);

    assertThat(answer(fake.create(HOME, "dev-1", "eks-a", SPEC, TAGS)))
        .isEqualTo(answer(moto.create(HOME, "dev-1", "eks-a", SPEC, TAGS)))
        .isEqualTo("Refused InvalidParameterException");
    assertThat(answer(fake.create(HOME, "dev-1", "six", tooMany, TAGS)))
        .isEqualTo(answer(moto.create(HOME, "dev-1", "six", tooMany, TAGS)))
        .isEqualTo("Refused InvalidParameterException");
    aws.options(Map.of("fargateProfileTransitionSeconds", 0.1)); // ten creates, one at a time
    for (int i = 0; i < 10; i++) {
      fake.create(HOME, "dev-1", "p" + i, SPEC, TAGS);
      moto.create(HOME, "dev-1", "p" + i, SPEC, TAGS);
      settle();
    }
    assertThat(answer(fake.create(HOME, "dev-1", "p10", SPEC, TAGS)))
        .isEqualTo(answer(moto.create(HOME, "dev-1", "p10", SPEC, TAGS)))
        .isEqualTo("Refused ResourceLimitExceededException");
  }

  @Test
  void tagsAgree() {
    String f = ((Result.Done) fake.create(HOME, "dev-1", "team-a", SPEC, TAGS)).value();
    String m = ((Result.Done) moto.create(HOME, "dev-1", "team-a", SPEC, TAGS)).value();
    settle();

    assertThat(answer(fake.tag(HOME, f, Map.of("env", "dev"))))
        .isEqualTo(answer(moto.tag(HOME, m, Map.of("env", "dev"))))
        .isEqualTo("Done team-a");
    assertThat(answer(fake.untag(HOME, f, Set.of("team"))))
        .isEqualTo(answer(moto.untag(HOME, m, Set.of("team"))))
        .isEqualTo("Done team-a");
    assertThat(shape(fake.profiles(HOME, "dev-1"))).isEqualTo(shape(moto.profiles(HOME, "dev-1")));
    assertThat(fake.profiles(HOME, "dev-1").get(0).tags())
        .isEqualTo(Map.of("eks-steward/managed", "true", "env", "dev"));
  }

  @Test
  void tagsOfAProfileThatIsGoneAgree() {
    String f = ((Result.Done) fake.create(HOME, "dev-1", "team-a", SPEC, TAGS)).value();
    String m = ((Result.Done) moto.create(HOME, "dev-1", "team-a", SPEC, TAGS)).value();
    settle();
    fake.delete(HOME, "dev-1", "team-a");
    moto.delete(HOME, "dev-1", "team-a");
    settle();

    assertThat(answer(fake.tag(HOME, f, Map.of("env", "dev"))))
        .isEqualTo(answer(moto.tag(HOME, m, Map.of("env", "dev"))))
        .isEqualTo("NotFound");
    assertThat(answer(fake.untag(HOME, f, Set.of("team"))))
        .isEqualTo(answer(moto.untag(HOME, m, Set.of("team"))))
        .isEqualTo("NotFound");
  }

  @Test
  void clusterTagsAgreeWithAndWithoutAProfileAndForAClusterThatIsGone() {
    Map<String, String> excluded = Map.of("eks-steward/exclude", "true");
    fake.tagCluster("dev-1", excluded);
    aws.eks()
        .tagResource(
            r -> r.resourceArn("arn:aws:eks:eu-west-1:123456789012:cluster/dev-1").tags(excluded));

    assertThat(fake.clusterTags(HOME, "dev-1", null))
        .isEqualTo(moto.clusterTags(HOME, "dev-1", null))
        .isEqualTo(excluded);
    String f = ((Result.Done) fake.create(HOME, "dev-1", "team-a", SPEC, TAGS)).value();
    String m = ((Result.Done) moto.create(HOME, "dev-1", "team-a", SPEC, TAGS)).value();
    assertThat(fake.clusterTags(HOME, "dev-1", f))
        .isEqualTo(moto.clusterTags(HOME, "dev-1", m))
        .isEqualTo(excluded);
    assertThat(fake.clusterTags(HOME, "gone", null)).isNull();
    assertThat(moto.clusterTags(HOME, "gone", null)).isNull();
    assertThat(moto.clusterTags(HOME, "gone", m.replace("/dev-1/", "/gone/"))).isNull();
  }
}
