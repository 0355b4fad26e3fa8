package dev.ekssteward.fargate.plan;

import static dev.ekssteward.fargate.plan.FargatePlannerTest.SPEC;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.seen;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.signedMarks;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.DesiredProfile;
import dev.ekssteward.fargate.desired.DesiredState;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.config.TaggingConfig.TagRule;
import dev.ekssteward.shared.pipeline.Plan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A desired tag the tag policy normalises is written and compared in the policy's form, so the
 * reconciler and the tag enforcer never undo each other's value.
 */
class PolicyValuesTest {
  static final TagRule ENV =
      StewardConfig.parse(
              """
              {"tagging": {"required": [
                {"key": "env", "allowed": ["dev", "prod"], "normalize": "lower"}]}}
              """,
              "test")
          .tagging()
          .required()
          .get(0);
  static final Limits LIMITS = new Limits(10, Set.of("env"), Map.of("env", ENV));
  static final DesiredState PROD =
      new DesiredState(false, List.of(new DesiredProfile("team-a", SPEC, Map.of("env", "Prod"))));

  static Plan plan(Map<String, String> observedTags, Limits limits) {
    List<ObservedProfile> observed = List.of(seen("team-a", Status.ACTIVE, SPEC, observedTags));
    return FargatePlanner.plan(
        "dev-1", PROD, observed, limits, List.of(), FargatePlannerTest.NOW, signedMarks(observed));
  }

  @Test
  void theEnforcersNormalisedValueIsInSync() {
    assertThat(plan(tags("env", "prod"), LIMITS).actions()).isEmpty();
  }

  @Test
  void anotherFormIsWrittenInThePolicysForm() {
    assertThat(plan(tags("env", "PROD"), LIMITS).actions())
        .extracting(FargatePlannerTest::describe)
        .containsExactly("TagProfile team-a {env=prod}");
  }

  @Test
  void withoutARuleTheDesiredValueIsWrittenAsItIs() {
    assertThat(plan(tags("env", "prod"), new Limits(10, Set.of("env"))).actions())
        .extracting(FargatePlannerTest::describe)
        .containsExactly("TagProfile team-a {env=Prod}");
  }

  @Test
  void aNewProfileIsCreatedWithThePolicysForm() {
    Plan created =
        FargatePlanner.plan(
            "dev-1", PROD, List.of(), LIMITS, List.of(), FargatePlannerTest.NOW, Map.of());
    assertThat(created.actions())
        .extracting(FargatePlannerTest::describe)
        .containsExactly("CreateProfile dev-1/team-a tags={env=prod}");
  }
}
