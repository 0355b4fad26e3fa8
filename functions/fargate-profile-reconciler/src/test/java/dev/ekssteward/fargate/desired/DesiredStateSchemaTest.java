package dev.ekssteward.fargate.desired;

import static dev.ekssteward.fargate.desired.DesiredStateParserTest.QUOTAS;
import static dev.ekssteward.fargate.desired.DesiredStateParserTest.ROLE;
import static dev.ekssteward.fargate.desired.DesiredStateParserTest.doc;
import static dev.ekssteward.fargate.desired.DesiredStateParserTest.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.Schemas;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/schema/fargate-desired.schema.json and {@link DesiredStateParser} (default quotas) give the
 * same verdict on the inputs of DesiredStateParserTest and the edges of each rule; what only the
 * parser can judge is in {@link #parserOnly}.
 */
class DesiredStateSchemaTest {
  private static final String SEL = "[{\"namespace\":\"team-a\"}]";

  static List<String> valid() {
    return List.of(
        doc(),
        "{\"profiles\":[]}",
        "{\"prune\":null,\"profiles\":[]}",
        "{\"prune\":true,\"profiles\":["
            + profile(
                "team-a",
                ROLE,
                "[\"subnet-0def5678\",\"subnet-0abc1234\"]",
                "[{\"namespace\":\"team-*\",\"labels\":{\"lifecycle\":\"far?ate\"}}]",
                "{\"team\":\"payments\"}")
            + "]}",
        doc(profile("a".repeat(91), SEL)),
        doc(profile("b", ROLE, "null", SEL, "null")),
        doc(profile("c", ROLE, "[]", "[{\"namespace\":\"x\",\"labels\":null}]", "{}")),
        doc(profiles(10)),
        doc(profile("d", selectors(5, 5))));
  }

  static List<String> invalid() {
    return List.of(
        "[1]",
        "{",
        "{\"prune\":false}",
        "{\"profiles\":null}",
        "{\"profiles\":[],\"prun\":true}",
        "{\"prune\":\"yes\",\"profiles\":[]}",
        doc("null"),
        doc(profile("a".repeat(92), SEL)),
        doc(profile("", SEL)),
        doc(profile("-a", SEL)),
        doc(profile("EKS-a", SEL)),
        doc(profile("a", "role", "[]", SEL, "{}")),
        doc(profile("a", ROLE, "[\"subnet-1\"]", SEL, "{}")),
        doc(profile("a", ROLE, "[\"subnet-0abc1234\",\"subnet-0abc1234\"]", SEL, "{}")),
        doc(profile("a", ROLE, "[null]", SEL, "{}")),
        doc(profile("a", "[]")),
        doc(profile("a", "null")),
        doc(profile("a", "[{\"namespace\":\"Team\"}]")),
        doc(profile("a", "[{\"labels\":{}}]")),
        doc(profile("a", "[{\"namespace\":\"a\",\"x\":1}]")),
        doc(profile("a", "[{\"namespace\":\"a\",\"labels\":{\"app*\":\"x\"}}]")),
        doc(profile("a", "[{\"namespace\":\"a\",\"labels\":{\"tier\":\"a b\"}}]")),
        doc(profile("a", "[{\"namespace\":\"a\",\"labels\":{\"tier\":null}}]")),
        doc(profile("a", ROLE, "[]", SEL, "{\"aws:x\":\"1\"}")),
        doc(profile("a", ROLE, "[]", SEL, "{\"eks-steward/managed\":\"true\"}")),
        doc(profile("a", ROLE, "[]", SEL, "{\"cost\":\"a!\"}")),
        doc(profile("a", ROLE, "[]", SEL, "{\"cost\":null}")),
        doc(profile("a", ROLE, "[]", SEL, tags(50))),
        doc(
            "{\"name\":\"a\",\"podExecutionRoleArn\":\""
                + ROLE
                + "\",\"selectors\":"
                + SEL
                + ",\"x\":1}"),
        doc("{\"podExecutionRoleArn\":\"" + ROLE + "\",\"selectors\":" + SEL + "}"),
        doc(profiles(11)),
        doc(profile("e", selectors(6, 1))),
        doc(profile("f", selectors(1, 6))));
  }

  /** Refused by the parser only: no JSON Schema keyword compares one profile with another. */
  static List<String> parserOnly() {
    return List.of(
        doc(profile("a", SEL), profile("a", "[{\"namespace\":\"b\"}]")),
        doc(profile("a", SEL), profile("b", SEL)),
        doc(profile("a", SEL), profile("a-0123abcd", "[{\"namespace\":\"b\"}]")),
        doc(profile("a", "[{\"namespace\":\"a\"},{\"namespace\":\"a\"}]")));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void bothAccept(String json) {
    assertThat(DesiredStateParser.parse(json, QUOTAS).errors()).as("parser").isEmpty();
    assertThat(schemaProblems(json)).as("schema").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void bothRefuse(String json) {
    assertThat(DesiredStateParser.parse(json, QUOTAS).errors()).as("parser").isNotEmpty();
    assertThat(schemaProblems(json)).as("schema").isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("parserOnly")
  void onlyTheParserRefuses(String json) {
    assertThat(DesiredStateParser.parse(json, QUOTAS).errors()).as("parser").isNotEmpty();
    assertThat(schemaProblems(json)).as("schema: move this case to invalid()").isEmpty();
  }

  private static List<String> schemaProblems(String json) {
    try {
      return Schemas.problemsOfText(Schemas.fargateDesired(), json);
    } catch (RuntimeException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }

  private static String[] profiles(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> profile("p" + i, "[{\"namespace\":\"ns" + i + "\"}]"))
        .toArray(String[]::new);
  }

  private static String selectors(int selectors, int labels) {
    String l =
        IntStream.range(0, labels)
            .mapToObj(i -> "\"k" + i + "\":\"v\"")
            .collect(Collectors.joining(",", "{", "}"));
    return IntStream.range(0, selectors)
        .mapToObj(i -> "{\"namespace\":\"n" + i + "\",\"labels\":" + l + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String tags(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> "\"t" + i + "\":\"v\"")
        .collect(Collectors.joining(",", "{", "}"));
  }
}
