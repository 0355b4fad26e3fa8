package dev.ekssteward.template;

import dev.ekssteward.shared.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's body as CloudFormation would hand it to CloudWatch: its {@code !Sub} placeholders
 * resolved with sample values (a parameter, a pseudo parameter, a resource or its attribute, or the
 * test fails), then parsed as JSON; and the metrics its widgets name.
 */
final class DashboardBody {
  /** What {@code ${MetricsNamespace}} resolves to: any namespace the stack is given. */
  static final String NAMESPACE = "Sample/Namespace";

  static final String REGION = "eu-west-1";
  static final String ACCOUNT = "123456789012";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern SEARCH =
      Pattern.compile("^SEARCH\\('\\{\"?([^\",}]+)\"?((?:,[A-Za-z]+)*)}\\s+([^']*)',\\s*'\\w+'");
  private static final Pattern DESIGNATOR = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** One metric a widget names: its namespace, dimension names, Function value and name. */
  record Named(String namespace, Set<String> dimensions, Map<String, String> values, String name) {
    String function() {
      return values.get("Function");
    }
  }

  final Map<String, Object> body;
  final Set<String> placeholders = new LinkedHashSet<>();

  DashboardBody(SamTemplate t, String text) {
    Map<String, Object> resources = t.resources();
    Map<String, Object> parameters = t.map(t.root.get("Parameters"));
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      placeholders.add(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value(t, m.group(1), resources, parameters)));
    }
    m.appendTail(out);
    this.body = Json.parseObject(out.toString());
  }

  private static String value(
      SamTemplate t, String name, Map<String, Object> resources, Map<String, Object> parameters) {
    switch (name) {
      case "AWS::Region":
        return REGION;
      case "AWS::AccountId":
        return ACCOUNT;
      case "AWS::StackName":
        return "steward";
      case "AWS::Partition":
        return "aws";
      case "MetricsNamespace":
        return NAMESPACE;
      default:
        break;
    }
    if (parameters.containsKey(name)) {
      return String.valueOf(t.map(parameters.get(name)).get("Default"));
    }
    String[] parts = name.split("\\.", 2);
    if (!resources.containsKey(parts[0])) {
      throw new AssertionError("${" + name + "} names nothing in the template");
    }
    String type = String.valueOf(t.map(resources.get(parts[0])).get("Type"));
    if (parts.length == 1) {
      return parts[0];
    }
    return switch (type + "." + parts[1]) {
      case "AWS::CloudWatch::Alarm.Arn" ->
          "arn:aws:cloudwatch:" + REGION + ":" + ACCOUNT + ":alarm:" + parts[0];
      case "AWS::SQS::Queue.QueueName" -> parts[0];
      default -> throw new AssertionError("${" + name + "}: no sample for " + type);
    };
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> widgets() {
    return (List<Map<String, Object>>) body.get("widgets");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> properties(Map<String, Object> widget) {
    return (Map<String, Object>) widget.get("properties");
  }

  /** Every metric the metric widgets name, plain or through a SEARCH expression. */
  @SuppressWarnings("unchecked")
  List<Named> metrics() {
    List<Named> out = new ArrayList<>();
    for (Map<String, Object> w : widgets()) {
      if (!"metric".equals(w.get("type"))) {
        continue;
      }
      for (List<Object> entry : (List<List<Object>>) properties(w).get("metrics")) {
        out.add(named(entry));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Named named(List<Object> entry) {
    if (entry.get(0) instanceof Map<?, ?> options) {
      String expression = String.valueOf(options.get("expression"));
      Matcher m = SEARCH.matcher(expression);
      if (!m.find()) {
        throw new AssertionError("not a SEARCH this test reads: " + expression);
      }
      Set<String> dims = new LinkedHashSet<>(List.of(m.group(2).split(",")));
      dims.remove("");
      Map<String, String> values = new java.util.LinkedHashMap<>();
      Matcher d = DESIGNATOR.matcher(m.group(3));
      while (d.find()) {
        values.put(d.group(1), d.group(2));
      }
      String name = values.remove("MetricName");
      if (name == null) {
        throw new AssertionError("a SEARCH names its MetricName exactly: " + expression);
      }
      return new Named(m.group(1), dims, values, name);
    }
    List<String> parts = new ArrayList<>();
    for (Object o : entry) {
      if (o instanceof String s) {
        parts.add(s);
      }
    }
    if (parts.contains(".") || parts.size() % 2 != 0) {
      throw new AssertionError(
          "write each metric out in full ([namespace, name, dim, value...]): " + entry);
    }
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (int i = 2; i < parts.size(); i += 2) {
      values.put(parts.get(i), parts.get(i + 1));
    }
    return new Named(parts.get(0), values.keySet(), values, parts.get(1));
  }
}
