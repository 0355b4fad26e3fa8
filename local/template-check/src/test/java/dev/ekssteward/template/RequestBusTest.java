package dev.ekssteward.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The requests bus, read from template.yaml: the stack creates it, the scheduler's Wake and Release
 * rules listen on it (and no other rule does), and its policy lets exactly the principals of
 * RequestPrincipals put events and denies everyone else; with no principals it has no policy (only
 * this account's principals whose IAM policies allow it).
 */
class RequestBusTest {
  final SamTemplate t;

  RequestBusTest() throws IOException {
    t = SamTemplate.load();
  }

  static final Map<String, Object> PRINCIPALS = Map.of("Ref", "RequestPrincipals");

  @Test
  void theStackCreatesTheRequestsBusNamedAfterItself() {
    Map<String, Object> bus = t.map(t.resources().get("RequestBus"));
    assertThat(bus.get("Type")).isEqualTo("AWS::Events::EventBus");
    assertThat(bus).doesNotContainKey("Condition");
    assertThat(t.map(bus.get("Properties")).get("Name"))
        .isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-requests"));
    Map<String, Object> outputs = t.map(t.root.get("Outputs"));
    assertThat(t.map(outputs.get("RequestBusName")).get("Value"))
        .isEqualTo(Map.of("Ref", "RequestBus"));
    assertThat(t.map(outputs.get("RequestBusArn")).get("Value"))
        .isEqualTo(Map.of("Fn::GetAtt", List.of("RequestBus", "Arn")));
  }

  @Test
  void onlyTheSchedulersWakeAndReleaseRulesListenOnIt() {
    for (Map.Entry<String, Map<String, Object>> f : t.functions().entrySet()) {
      for (Map.Entry<String, Object> e : t.map(f.getValue().get("Events")).entrySet()) {
        Map<String, Object> props = t.map(t.map(e.getValue()).get("Properties"));
        boolean request =
            f.getKey().equals("NodegroupSchedulerFunction")
                && List.of("Wake", "Release").contains(e.getKey());
        assertThat(EventPatternsIT.bus(t, props))
            .as(f.getKey() + " " + e.getKey())
            .isEqualTo(request ? "RequestBus" : EventPatternsIT.DEFAULT_BUS);
        if (request) {
          assertThat(t.map(props.get("Pattern")))
              .containsEntry("source", List.of("eks-steward.requests"));
        }
      }
    }
  }

  @Test
  void itsPolicyAllowsExactlyTheParametersPrincipalsAndDeniesEveryoneElse() {
    Map<String, Object> props = t.map(t.map(t.resources().get("RequestBus")).get("Properties"));
    List<Object> choice = LeastPrivilegeIT.objects(t.map(props.get("Policy")).get("Fn::If"));
    assertThat(choice.get(0)).isEqualTo("HasRequestPrincipals");
    assertThat(choice.get(2))
        .as("no principals: no policy")
        .isEqualTo(Map.of("Ref", "AWS::NoValue"));
    List<Map<String, Object>> statements =
        LeastPrivilegeIT.objects(t.map(choice.get(1)).get("Statement")).stream()
            .map(t::map)
            .toList();
    Object busArn =
        Map.of(
            "Fn::Sub",
            "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/"
                + "${AWS::StackName}-requests");
    assertThat(statements).hasSize(2);
    assertThat(statements.get(0))
        .containsEntry("Effect", "Allow")
        .containsEntry("Principal", Map.of("AWS", PRINCIPALS))
        .containsEntry("Action", "events:PutEvents")
        .containsEntry("Resource", busArn)
        .doesNotContainKey("Condition");
    assertThat(statements.get(1))
        .containsEntry("Effect", "Deny")
        .containsEntry("Principal", "*")
        .containsEntry("Action", "events:PutEvents")
        .containsEntry("Resource", busArn)
        .containsEntry("Condition", Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", PRINCIPALS)));

    Map<String, Object> parameter = t.map(t.map(t.root.get("Parameters")).get("RequestPrincipals"));
    assertThat(parameter).containsEntry("Type", "CommaDelimitedList").containsEntry("Default", "");
    assertThat(t.map(t.root.get("Conditions")).get("HasRequestPrincipals"))
        .isEqualTo(
            Map.of(
                "Fn::Not",
                List.of(
                    Map.of(
                        "Fn::Equals", List.of(Map.of("Fn::Join", List.of("", PRINCIPALS)), "")))));
  }
}
