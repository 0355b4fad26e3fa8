package dev.ekssteward.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.tagging.plan.ApplyTags;
import dev.ekssteward.tagging.plan.PropagateToAsg;
import dev.ekssteward.tagging.plan.TaggingAction;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production graph registers one executor per action; every grant an executor declares is a
 * statement of TagEnforcerFunction in template.yaml, action and resource as written there; and the
 * mutations the template grants are exactly those.
 */
class ExecutorPermissionsTest {
  /** The executors the production graph registers. */
  static final Map<Class<?>, Executor<?>> EXECUTORS =
      DaggerTaggingComponent.factory()
          .create(
              new Settings("/eks-steward", true, null, "eu-west-1", null, null),
              Clock.systemUTC(),
              Waits.none(),
              List.of())
          .executors()
          .all();

  /** The policy statements of TagEnforcerFunction, one text each. */
  static List<String> statements() throws Exception {
    String template = Files.readString(EventFiles.directory().getParent().resolve("template.yaml"));
    Matcher function =
        Pattern.compile("(?ms)^  TagEnforcerFunction:\\n(.*?)(?=^  \\S)").matcher(template);
    assertThat(function.find()).as("TagEnforcerFunction in template.yaml").isTrue();
    return Arrays.stream(function.group(1).split("- Sid: ")).skip(1).toList();
  }

  @Test
  void everyActionHasOneExecutor() {
    assertThat(EXECUTORS.keySet())
        .containsExactlyInAnyOrder(TaggingAction.class.getPermittedSubclasses());
  }

  @Test
  void everyDeclaredGrantIsInTheTemplate() throws Exception {
    List<String> statements = statements();
    List<Permission> declared =
        List.of(ApplyTags.class, PropagateToAsg.class).stream()
            .flatMap(a -> EXECUTORS.get(a).permissions().stream())
            .toList();

    assertThat(declared)
        .containsExactly(
            new Permission(
                "eks:TagResource", "arn:${AWS::Partition}:eks:*:${AWS::AccountId}:cluster/*"),
            new Permission(
                "eks:TagResource", "arn:${AWS::Partition}:eks:*:${AWS::AccountId}:nodegroup/*"),
            new Permission(
                "eks:TagResource",
                "arn:${AWS::Partition}:eks:*:${AWS::AccountId}:fargateprofile/*"),
            new Permission(
                "autoscaling:CreateOrUpdateTags",
                "arn:${AWS::Partition}:autoscaling:*:${AWS::AccountId}:autoScalingGroup:*"
                    + ":autoScalingGroupName/*"));
    for (Permission p : declared) {
      assertThat(statements)
          .as(p.toString())
          .anySatisfy(
              s ->
                  assertThat(s)
                      .containsPattern("(Action: |- )" + Pattern.quote(p.action()) + "\\n")
                      .contains("!Sub " + p.resource() + "\n"));
    }
  }

  @Test
  void theTemplateGrantsNoOtherMutation() throws Exception {
    List<String> granted =
        statements().stream()
            .flatMap(s -> s.lines())
            .map(String::trim)
            .map(l -> l.replaceFirst("^(Action: |- )", ""))
            .filter(l -> l.matches("^(eks|autoscaling):[A-Za-z]+$"))
            .filter(l -> !l.matches("^[a-z]+:(Describe|List|Get).*"))
            .distinct()
            .toList();

    assertThat(granted)
        .containsExactlyInAnyOrder("eks:TagResource", "autoscaling:CreateOrUpdateTags");
  }
}
