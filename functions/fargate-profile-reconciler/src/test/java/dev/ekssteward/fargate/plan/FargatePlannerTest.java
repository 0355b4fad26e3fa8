package dev.ekssteward.fargate.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.DesiredProfile;
import dev.ekssteward.fargate.desired.DesiredState;
import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Reach;
import dev.ekssteward.shared.trust.Trust;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table: desired state + observed profiles → the exact actions, findings and recheck. */
class FargatePlannerTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final String ROLE = "arn:aws:iam::111122223333:role/fargate-pods";
  static final String OTHER_ROLE = "arn:aws:iam::111122223333:role/fargate-pods-v2";
  static final Selector TEAM_A = new Selector("team-a", Map.of("lifecycle", "fargate"));
  static final ProfileSpec SPEC =
      new ProfileSpec(ROLE, Set.of("subnet-0abc1234", "subnet-0def5678"), Set.of(TEAM_A));

  /** A signed managed mark; {@link #signedMarks} says the record key verified it. */
  static final Map<String, String> MANAGED =
      Map.of("eks-steward/managed", "true mac=v1." + "A".repeat(43));

  /** Every signed mark among {@code observed} as the record key verified it (observe's part). */
  static Map<String, Trust> signedMarks(List<ObservedProfile> observed) {
    Map<String, Trust> marks = new java.util.HashMap<>();
    observed.stream()
        .filter(p -> p.mark() != null && p.mark().signed())
        .forEach(p -> marks.put(p.arn(), Trust.SIGNED));
    return marks;
  }

  static DesiredProfile desired(String name, ProfileSpec spec, Map<String, String> tags) {
    return new DesiredProfile(name, spec, tags);
  }

  static ObservedProfile seen(
      String name, Status status, ProfileSpec spec, Map<String, String> tags) {
    return new ObservedProfile(
        name, arn(name), status, spec, tags, NOW.minusSeconds(60), List.of());
  }

  static String arn(String name) {
    return "arn:aws:eks:eu-west-1:123456789012:fargateprofile/dev-1/" + name + "/uuid";
  }

  static Map<String, String> tags(String... kv) {
    Map<String, String> m = new java.util.TreeMap<>(MANAGED);
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static final DesiredProfile A = desired("team-a", SPEC, Map.of("team", "payments"));
  static final ProfileSpec NEW_SELECTORS =
      new ProfileSpec(ROLE, SPEC.subnets(), Set.of(new Selector("team-a", Map.of())));
  static final ProfileSpec NEW_ROLE = new ProfileSpec(OTHER_ROLE, SPEC.subnets(), SPEC.selectors());

  static Stream<Arguments> table() {
    String derivedSel = "team-a-" + NEW_SELECTORS.hash();
    String derivedRole = "team-a-" + NEW_ROLE.hash();
    return Stream.of(
        Arguments.of(
            "missing profile is created under its own name (the mark is signed once it exists)",
            state(false, A),
            List.of(),
            List.of("CreateProfile dev-1/team-a tags={team=payments}"),
            List.of(),
            Duration.ofSeconds(5)),
        Arguments.of(
            "converged: nothing to do",
            state(false, A),
            List.of(seen("team-a", Status.ACTIVE, SPEC, tags("team", "payments"))),
            List.of(),
            List.of(),
            null),
        Arguments.of(
            "tag-only change is applied in place (tag and untag), no replacement",
            state(false, A),
            List.of(seen("team-a", Status.ACTIVE, SPEC, tags("team", "search", "old", "x"))),
            List.of("TagProfile team-a {team=payments}", "UntagProfile team-a [old]"),
            List.of(),
            null),
        Arguments.of(
            "subnet order does not matter",
            state(false, A),
            List.of(
                seen(
                    "team-a",
                    Status.ACTIVE,
                    new ProfileSpec(
                        ROLE,
                        new LinkedHashSet<>(List.of("subnet-0def5678", "subnet-0abc1234")),
                        Set.of(TEAM_A)),
                    tags("team", "payments"))),
            List.of(),
            List.of(),
            null),
        Arguments.of(
            "selector change: the replacement is created first, under the derived name",
            state(false, desired("team-a", NEW_SELECTORS, Map.of("team", "payments"))),
            List.of(seen("team-a", Status.ACTIVE, SPEC, tags("team", "payments"))),
            List.of("CreateProfile dev-1/" + derivedSel + " tags={team=payments} replaces=team-a"),
            List.of(),
            Duration.ofSeconds(5)),
        Arguments.of(
            "role change is a replacement as well",
            state(false, desired("team-a", NEW_ROLE, Map.of())),
            List.of(seen("team-a", Status.ACTIVE, SPEC, tags())),
            List.of("CreateProfile dev-1/" + derivedRole + " tags={} replaces=team-a"),
            List.of(),
            Duration.ofSeconds(5)),
        Arguments.of(
            "replacement CREATING: the old one stays, nothing else starts, recheck",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags()),
                seen(derivedSel, Status.CREATING, NEW_SELECTORS, tags())),
            List.of(),
            List.of(),
            Duration.ofSeconds(15)),
        Arguments.of(
            "replacement ACTIVE: now the old one is deleted",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags()),
                seen(derivedSel, Status.ACTIVE, NEW_SELECTORS, tags())),
            List.of("DeleteProfile team-a replaced by " + derivedSel),
            List.of(),
            Duration.ofSeconds(5)),
        Arguments.of(
            "replacement ACTIVE, the old one never marked (made by hand): marked, then deleted,"
                + " as IAM lets the reconciler delete only marked profiles",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, Map.of("team", "payments")),
                seen(derivedSel, Status.ACTIVE, NEW_SELECTORS, tags())),
            List.of(
                "MarkManaged " + arn("team-a"), "DeleteProfile team-a replaced by " + derivedSel),
            List.of(),
            Duration.ofSeconds(5)),
        Arguments.of(
            "an unmarked failed replacement of an earlier spec is marked, then cleaned up",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen(derivedRole, Status.CREATE_FAILED, NEW_ROLE, Map.of()),
                seen(derivedSel, Status.ACTIVE, NEW_SELECTORS, tags())),
            List.of(
                "MarkManaged " + arn(derivedRole),
                "DeleteProfile " + derivedRole + " replaced by " + derivedSel),
            List.of(),
            Duration.ofSeconds(5)),
        Arguments.of(
            "replacement CREATE_FAILED: reported, the old one kept, no retry",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags()),
                seen(derivedSel, Status.CREATE_FAILED, NEW_SELECTORS, tags())),
            List.of(),
            List.of("Fargate Profile Failed " + derivedSel),
            null),
        Arguments.of(
            "wildcard selectors are compared as written",
            state(false, desired("batch", wildcard("batch-*", "job", "nightly-?"), Map.of())),
            List.of(seen("batch", Status.ACTIVE, wildcard("batch-*", "job", "nightly-?"), tags())),
            List.of(),
            List.of(),
            null),
        Arguments.of(
            "unmanaged profile without prune: reported, kept",
            state(false, A),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags("team", "payments")),
                seen("legacy", Status.ACTIVE, NEW_ROLE, tags())),
            List.of(),
            List.of("Drift Detected legacy"),
            null),
        Arguments.of(
            "prune deletes an unmanaged profile that carries the managed tag",
            state(true, A),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags("team", "payments")),
                seen("legacy", Status.ACTIVE, NEW_ROLE, tags())),
            List.of("DeleteProfile legacy pruned"),
            List.of("Drift Detected legacy"),
            Duration.ofSeconds(5)),
        Arguments.of(
            "prune never deletes a profile without the managed tag",
            state(true, A),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags("team", "payments")),
                seen("handmade", Status.ACTIVE, NEW_ROLE, Map.of("owner", "bob"))),
            List.of(),
            List.of("Drift Detected handmade"),
            null),
        Arguments.of(
            "someone else's profile is CREATING: no create, no delete, recheck (tags still go);"
                + " it is judged once ACTIVE",
            state(true, A, desired("team-b", NEW_ROLE, Map.of())),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags()),
                seen("other", Status.CREATING, wildcard("x", "k", "v"), Map.of())),
            List.of("TagProfile team-a {team=payments}", "Skip dev-1/team-b"),
            List.of(),
            Duration.ofSeconds(15)),
        Arguments.of(
            "at most one create per plan (EKS allows one in transition)",
            state(false, A, desired("team-b", NEW_ROLE, Map.of())),
            List.of(),
            List.of("CreateProfile dev-1/team-a tags={team=payments}", "Skip dev-1/team-b"),
            List.of(),
            Duration.ofSeconds(5)),
        Arguments.of(
            "tags owned by the tag policy and aws: tags are never removed",
            state(false, A),
            List.of(
                seen(
                    "team-a",
                    Status.ACTIVE,
                    SPEC,
                    tags(
                        "team",
                        "payments",
                        "cost-center",
                        "1234",
                        "aws:cloudformation:stack-name",
                        "s",
                        "stray",
                        "x"))),
            List.of("UntagProfile team-a [stray]"),
            List.of(),
            null),
        Arguments.of(
            "the replaced profile is DELETING: wait for it, nothing else",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen("team-a", Status.DELETING, SPEC, tags()),
                seen(derivedSel, Status.ACTIVE, NEW_SELECTORS, tags())),
            List.of(),
            List.of(),
            Duration.ofSeconds(15)),
        Arguments.of(
            "a pruned profile still DELETING is on its way out: no drift to report, wait for it",
            state(true, A),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags("team", "payments")),
                seen("legacy", Status.DELETING, NEW_ROLE, tags())),
            List.of(),
            List.of(),
            Duration.ofSeconds(15)),
        Arguments.of(
            "a first create that failed is reported and not retried",
            state(false, A),
            List.of(seen("team-a", Status.CREATE_FAILED, SPEC, tags())),
            List.of(),
            List.of("Fargate Profile Failed team-a"),
            null),
        Arguments.of(
            "an old profile that failed to delete is reported, not deleted again",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen("team-a", Status.DELETE_FAILED, SPEC, tags()),
                seen(derivedSel, Status.ACTIVE, NEW_SELECTORS, tags())),
            List.of(),
            List.of("Fargate Profile Failed team-a"),
            null),
        Arguments.of(
            "the replacement's name is held by a profile that failed to delete: reported, not"
                + " asked for again (EKS would answer 409 until it is gone)",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags()),
                seen(derivedSel, Status.DELETE_FAILED, NEW_SELECTORS, tags())),
            List.of(),
            List.of("Fargate Profile Failed " + derivedSel),
            null),
        Arguments.of(
            "the only profile left is the replacement that failed to delete: reported, no create",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(seen(derivedSel, Status.DELETE_FAILED, NEW_SELECTORS, tags())),
            List.of(),
            List.of("Fargate Profile Failed " + derivedSel),
            null),
        Arguments.of(
            "the replacement's name is still DELETING: wait for it to go, then create",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags()),
                seen(derivedSel, Status.DELETING, NEW_SELECTORS, tags())),
            List.of(),
            List.of(),
            Duration.ofSeconds(15)),
        Arguments.of(
            "a failed replacement of an earlier spec is cleaned up once the current one is ACTIVE",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen(derivedRole, Status.CREATE_FAILED, NEW_ROLE, tags()),
                seen(derivedSel, Status.ACTIVE, NEW_SELECTORS, tags())),
            List.of("DeleteProfile " + derivedRole + " replaced by " + derivedSel),
            List.of(),
            Duration.ofSeconds(5)),
        Arguments.of(
            "a profile named like a desired profile's replacement belongs to it, not to drift",
            state(false, A),
            List.of(
                seen("team-a-0123abcd", Status.ACTIVE, NEW_ROLE, tags()),
                seen("team-ab", Status.ACTIVE, NEW_SELECTORS, Map.of())),
            List.of(
                "CreateProfile dev-1/team-a-"
                    + SPEC.hash()
                    + " tags={team=payments} replaces=team-a-0123abcd"),
            List.of("Drift Detected team-ab"),
            Duration.ofSeconds(5)),
        Arguments.of(
            "refused by EKS earlier in this run: not asked again, no recheck",
            state(false, A),
            List.of(),
            List.of("Skip dev-1/team-a"),
            List.of(),
            null),
        Arguments.of(
            "quota reached: the replacement cannot be created; reported, not attempted",
            state(false, desired("team-a", NEW_ROLE, Map.of())),
            List.of(seen("team-a", Status.ACTIVE, SPEC, tags())),
            List.of("Skip dev-1/team-a-" + NEW_ROLE.hash()),
            List.of(),
            null));
  }

  static ProfileSpec wildcard(String ns, String key, String value) {
    return new ProfileSpec(ROLE, Set.of(), Set.of(new Selector(ns, Map.of(key, value))));
  }

  static DesiredState state(boolean prune, DesiredProfile... profiles) {
    return new DesiredState(prune, List.of(profiles));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void plans(
      String why,
      DesiredState desired,
      List<ObservedProfile> observed,
      List<String> actions,
      List<String> findings,
      Duration recheck) {
    int quota = why.startsWith("quota") ? 1 : 10;
    List<Outcome> earlier = why.startsWith("refused") ? List.of(RefusalsTest.REFUSED) : List.of();
    Plan plan =
        FargatePlanner.plan(
            "dev-1",
            desired,
            observed,
            new Limits(quota, Set.of("cost-center")),
            earlier,
            NOW,
            signedMarks(observed));

    assertThat(plan.actions().stream().map(FargatePlannerTest::describe))
        .containsExactlyElementsOf(actions);
    assertThat(plan.findings().stream().map(FargatePlannerTest::describe))
        .containsExactlyElementsOf(findings);
    assertThat(plan.recheckAfter()).isEqualTo(recheck);
  }

  @Test
  void anEmptyPruneCountsEveryManagedProfileAsInferredAlsoThoseQueued() {
    List<ObservedProfile> observed =
        List.of(
            seen("a", Status.ACTIVE, SPEC, tags()),
            seen("b", Status.ACTIVE, NEW_ROLE, tags()),
            seen("handmade", Status.ACTIVE, NEW_SELECTORS, Map.of()));
    Plan plan =
        FargatePlanner.plan(
            "dev-1",
            state(true),
            observed,
            new Limits(10, Set.of()),
            List.of(),
            NOW,
            signedMarks(observed));

    // One delete now, one queued (EKS allows one in transition): both count; handmade is not ours.
    assertThat(plan.actions().stream().map(Action::type)).containsExactly("DeleteProfile", "Skip");
    assertThat(plan.reach()).isEqualTo(new Reach(2, 2, 2));
  }

  @Test
  void aReplacementAndAnUntagAreChangesButNotInferred() {
    Plan plan =
        FargatePlanner.plan(
            "dev-1",
            state(true, A),
            List.of(
                seen("team-a", Status.ACTIVE, NEW_ROLE, tags("team", "payments")),
                seen(A.derivedName(), Status.ACTIVE, SPEC, tags("team", "payments", "stray", "x"))),
            new Limits(10, Set.of()),
            List.of(),
            NOW,
            Map.of());

    assertThat(plan.actions().stream().map(Action::type))
        .containsExactlyInAnyOrder("UntagProfile", "DeleteProfile");
    assertThat(plan.reach()).isEqualTo(new Reach(1, 2, 0));
  }

  static String describe(Action a) {
    if (a instanceof ProfileAction.CreateProfile c) {
      return "CreateProfile "
          + c.target()
          + " tags="
          + c.tags()
          + (c.replaces() == null ? "" : " replaces=" + c.replaces());
    }
    if (a instanceof ProfileAction.DeleteProfile d) {
      return "DeleteProfile "
          + d.name()
          + (d.replacedBy() == null ? " pruned" : " replaced by " + d.replacedBy());
    }
    if (a instanceof ProfileAction.TagProfile t) {
      return "TagProfile " + t.name() + " " + t.tags();
    }
    if (a instanceof ProfileAction.UntagProfile u) {
      return "UntagProfile " + u.name() + " " + u.keys();
    }
    return a.type() + " " + a.target();
  }

  static String describe(Finding f) {
    return f.detailType() + " " + f.detail().get("profile");
  }
}
