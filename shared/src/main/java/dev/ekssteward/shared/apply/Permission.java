package dev.ekssteward.shared.apply;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One IAM grant an executor needs, written as template.yaml writes it: the action, the resource
 * pattern as the {@code !Sub} string of the statement's {@code Resource}, and the statement's
 * {@code Condition} (empty: none) as clauses {@code Operator(key=v1,v2)}, values and clauses
 * sorted, so that LeastPrivilegeIT compares them with the template's as text.
 */
public record Permission(String action, String resource, String condition) {
  public Permission(String action, String resource) {
    this(action, resource, "");
  }

  /** {@code arn:${AWS::Partition}:eks:*:${AWS::AccountId}:<path>}: EKS resources, any region. */
  public static Permission eks(String action, String path) {
    return new Permission("eks:" + action, "arn:${AWS::Partition}:eks:*:${AWS::AccountId}:" + path);
  }

  /**
   * {@code kms:<action>} on the stack's record key (template: {@code RecordKey}, in the stack's own
   * account and region, used with the function's own role).
   */
  public static Permission recordKey(String action) {
    return new Permission(
        "kms:" + action,
        "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${RecordKey}");
  }

  /** The same grant, only under the condition {@code operator: {key: values}} as well. */
  public Permission when(String operator, String key, String... values) {
    return new Permission(action, resource, condition(condition, operator, key, List.of(values)));
  }

  /** {@code clauses} with one clause more, in the canonical form. */
  public static String condition(String clauses, String operator, String key, List<String> values) {
    String clause =
        operator
            + "("
            + key
            + "="
            + values.stream().sorted().collect(Collectors.joining(","))
            + ")";
    return Stream.concat(
            clauses.isEmpty() ? Stream.empty() : Arrays.stream(clauses.split(" ")),
            Stream.of(clause))
        .sorted()
        .collect(Collectors.joining(" "));
  }

  /** {@code <action> <resource>[ <condition>]}: one line of the declared-permissions file. */
  public String line() {
    return action + " " + resource + (condition.isEmpty() ? "" : " " + condition);
  }
}
