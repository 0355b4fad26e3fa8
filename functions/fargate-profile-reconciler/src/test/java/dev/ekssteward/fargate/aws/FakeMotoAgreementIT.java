package dev.ekssteward.fargate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.FargateApi.Result;
import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.ManualClock;
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
 * once the fake's transitions have settled, the same calls give the same results and shapes.
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

  final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
  FakeEks fake;
  EksFargateApi moto;

  @BeforeEach
  void setUp() {
    fake = new FakeEks(clock);
    fake.addCluster("dev-1");
    MotoClusters.create(aws, "dev-1");
    moto =
        new EksFargateApi(
            new AwsClients(
                aws.settings(false), "agreement", List.of(new CallRecorder("agreement"))),
            new Retry(2, Duration.ZERO, Duration.ZERO, d -> {}));
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

  void settle() {
    clock.advance(Duration.ofMinutes(5));
  }

  @Test
  void createListDescribeAndDeleteAgree() {
    assertThat(fake.clusters(HOME)).isEqualTo(moto.clusters(HOME)).containsExactly("dev-1");

    FargateApi.Change f = fake.create(HOME, "dev-1", "team-a", SPEC, TAGS);
    FargateApi.Change m = moto.create(HOME, "dev-1", "team-a", SPEC, TAGS);
    assertThat(f.result()).isEqualTo(m.result()).isEqualTo(Result.DONE);
    settle();
    assertThat(shape(fake.profiles(HOME, "dev-1")))
        .isEqualTo(shape(moto.profiles(HOME, "dev-1")))
        .hasSize(1);

    assertThat(fake.delete(HOME, "dev-1", "team-a").result())
        .isEqualTo(moto.delete(HOME, "dev-1", "team-a").result())
        .isEqualTo(Result.DONE);
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

    assertThat(fake.create(HOME, "dev-1", "team-a", SPEC, TAGS).result())
        .isEqualTo(moto.create(HOME, "dev-1", "team-a", SPEC, TAGS).result())
        .isEqualTo(Result.BUSY);
    assertThat(fake.delete(HOME, "dev-1", "nope").result())
        .isEqualTo(moto.delete(HOME, "dev-1", "nope").result())
        .isEqualTo(Result.NOT_FOUND);
    assertThat(fake.create(HOME, "gone", "team-a", SPEC, TAGS).result())
        .isEqualTo(moto.create(HOME, "gone", "team-a", SPEC, TAGS).result())
        .isEqualTo(Result.NOT_FOUND);
    // Not compared: ListFargateProfiles of a missing cluster is a 500 in moto 5.2 (EKS: 404).
  }

  @Test
  void theEksRulesMotoLacksAreEnforcedByBoth() {
    Set<Selector> six = new java.util.HashSet<>();
    for (int i = 0; i < 6; i++) {
      six.add(new Selector("ns" + i, Map.of()));
    }
    ProfileSpec tooMany = new ProfileSpec(SPEC.podExecutionRoleArn(), Set.of(), six);

    assertThat(fake.create(HOME, "dev-1", "eks-a", SPEC, TAGS).result())
        .isEqualTo(moto.create(HOME, "dev-1", "eks-a", SPEC, TAGS).result())
        .isEqualTo(Result.REJECTED);
    assertThat(fake.create(HOME, "dev-1", "six", tooMany, TAGS).result())
        .isEqualTo(moto.create(HOME, "dev-1", "six", tooMany, TAGS).result())
        .isEqualTo(Result.REJECTED);
    for (int i = 0; i < 10; i++) {
      fake.create(HOME, "dev-1", "p" + i, SPEC, TAGS);
      moto.create(HOME, "dev-1", "p" + i, SPEC, TAGS);
      settle();
    }
    assertThat(fake.create(HOME, "dev-1", "p10", SPEC, TAGS).result())
        .isEqualTo(moto.create(HOME, "dev-1", "p10", SPEC, TAGS).result())
        .isEqualTo(Result.REJECTED);
  }

  @Test
  void tagsAgree() {
    String f = fake.create(HOME, "dev-1", "team-a", SPEC, TAGS).arn();
    String m = moto.create(HOME, "dev-1", "team-a", SPEC, TAGS).arn();
    settle();

    assertThat(fake.tag(HOME, f, Map.of("env", "dev")).result())
        .isEqualTo(moto.tag(HOME, m, Map.of("env", "dev")).result())
        .isEqualTo(Result.DONE);
    assertThat(fake.untag(HOME, f, Set.of("team")).result())
        .isEqualTo(moto.untag(HOME, m, Set.of("team")).result())
        .isEqualTo(Result.DONE);
    assertThat(shape(fake.profiles(HOME, "dev-1"))).isEqualTo(shape(moto.profiles(HOME, "dev-1")));
    assertThat(fake.profiles(HOME, "dev-1").get(0).tags())
        .isEqualTo(Map.of("eks-steward/managed", "true", "env", "dev"));
  }
}
