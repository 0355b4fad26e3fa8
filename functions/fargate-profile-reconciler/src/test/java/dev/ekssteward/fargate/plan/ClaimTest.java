package dev.ekssteward.fargate.plan;

import static dev.ekssteward.fargate.plan.FargatePlannerTest.NEW_ROLE;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.NOW;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.OTHER_ROLE;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.SPEC;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.TEAM_A;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.desired;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.seen;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.state;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.DesiredProfile;
import dev.ekssteward.fargate.desired.DesiredState;
import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.trust.Trust;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which observed profiles a desired profile claims as its own versions (to replace and delete): its
 * own name, and a {@code <name>-<8 hex>} only when the hex is the hash of that profile's spec or a
 * mark this stack signed for it says so. Anything else is someone else's.
 */
class ClaimTest {
  private static final Limits LIMITS = new Limits(10, Set.of());
  private static final DesiredProfile WEB = desired("web", SPEC, Map.of());
  private static final DesiredState KEEP = state(false, WEB);

  /** Made by hand on 11 June 2024: a date is 8 hex digits too. */
  private static final ObservedProfile DATED =
      seen("web-20240611", Status.ACTIVE, NEW_ROLE, Map.of("owner", "bob"));

  private static Plan plan(
      DesiredState desired, List<ObservedProfile> observed, Map<String, Trust> marks) {
    return FargatePlanner.plan("dev-1", desired, observed, LIMITS, List.of(), NOW, marks);
  }

  private static List<String> actions(Plan plan) {
    return plan.actions().stream().map(FargatePlannerTest::describe).toList();
  }

  private static List<String> findings(Plan plan) {
    return plan.findings().stream().map(FargatePlannerTest::describe).toList();
  }

  @Test
  void aHandMadeProfileWhoseSuffixOnlyLooksLikeAHashIsLeftAlone() {
    Plan before = plan(KEEP, List.of(DATED), Map.of());

    assertThat(actions(before)).containsExactly("CreateProfile dev-1/web tags={}");
    assertThat(findings(before)).containsExactly("Drift Detected web-20240611");

    ObservedProfile web = seen("web", Status.ACTIVE, SPEC, tags());
    Plan after = plan(KEEP, List.of(web, DATED), Map.of());

    assertThat(actions(after)).isEmpty();
    assertThat(findings(after)).containsExactly("Drift Detected web-20240611");
  }

  @Test
  void aReplacementIsKnownByTheHashOfTheSpecItShows() {
    String old = "web-" + NEW_ROLE.hash();
    ObservedProfile unmarked = seen(old, Status.ACTIVE, NEW_ROLE, Map.of());

    assertThat(actions(plan(KEEP, List.of(unmarked), Map.of())))
        .containsExactly("CreateProfile dev-1/web-" + SPEC.hash() + " tags={} replaces=" + old);
  }

  @Test
  void aSpecCreatedWithoutSubnetsIsHashedWithoutTheSubnetsEksChose() {
    ProfileSpec asked = new ProfileSpec(OTHER_ROLE, Set.of(), Set.of(TEAM_A));
    ProfileSpec shown = new ProfileSpec(OTHER_ROLE, Set.of("subnet-0fff0000"), Set.of(TEAM_A));
    String old = "web-" + asked.hash();

    assertThat(actions(plan(KEEP, List.of(seen(old, Status.ACTIVE, shown, Map.of())), Map.of())))
        .containsExactly("CreateProfile dev-1/web-" + SPEC.hash() + " tags={} replaces=" + old);
  }

  @Test
  void aSuffixTheHashDoesNotExplainIsOursOnlyUnderAVerifiedMark() {
    ObservedProfile marked = seen("web-0123abcd", Status.ACTIVE, NEW_ROLE, tags());
    String replace = "CreateProfile dev-1/web-" + SPEC.hash() + " tags={} replaces=web-0123abcd";

    assertThat(actions(plan(KEEP, List.of(marked), Map.of(marked.arn(), Trust.SIGNED))))
        .containsExactly(replace);
    Plan unverified = plan(KEEP, List.of(marked), Map.of());
    assertThat(actions(unverified)).containsExactly("CreateProfile dev-1/web tags={}");
    assertThat(findings(unverified)).containsExactly("Drift Detected web-0123abcd");
    Plan forged = plan(KEEP, List.of(marked), Map.of(marked.arn(), Trust.not("bad signature")));
    assertThat(actions(forged)).containsExactly("CreateProfile dev-1/web tags={}");
  }

  @Test
  void observeVerifiesTheMarksOfSuffixesTheHashDoesNotExplainAlsoWithoutPrune() {
    ObservedProfile marked = seen("web-0123abcd", Status.ACTIVE, NEW_ROLE, tags());
    ObservedProfile hashed = seen("web-" + NEW_ROLE.hash(), Status.ACTIVE, NEW_ROLE, tags());
    ObservedProfile other = seen("other", Status.ACTIVE, NEW_ROLE, tags());

    assertThat(FargatePlanner.marksToVerify(KEEP, List.of(marked, hashed, other, DATED)))
        .containsExactly(marked);
    assertThat(FargatePlanner.marksToVerify(state(true, WEB), List.of(marked, hashed, other)))
        .containsExactly(marked, other);
  }
}
