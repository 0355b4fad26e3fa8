package dev.ekssteward.fargate.desired;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.FargateConfig;
import dev.ekssteward.shared.config.Node;
import dev.ekssteward.shared.config.TagLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The EKS rules for one profile of the desired state (names, ARNs, subnets, selectors, tags). */
final class ProfileRules {
  /** EKS allows 100; a replacement appends "-" and 8 hex digits, which must still fit. */
  static final int MAX_NAME = 100 - 9;

  private static final Pattern NAME = Pattern.compile("^[0-9A-Za-z][A-Za-z0-9\\-_]*$");
  private static final Pattern ROLE_ARN =
      Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$");
  private static final Pattern SUBNET = Pattern.compile("^subnet-[0-9a-f]{8,17}$");
  // Kubernetes names, with * and ? standing for any characters.
  private static final Pattern NAMESPACE =
      Pattern.compile("^[a-z0-9*?]([-a-z0-9*?]{0,61}[a-z0-9*?])?$");
  private static final Pattern LABEL_KEY =
      Pattern.compile(
          "^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("^([A-Za-z0-9*?]([-A-Za-z0-9_.*?]{0,61}[A-Za-z0-9*?])?)?$");

  private ProfileRules() {}

  static DesiredProfile profile(Node node, FargateConfig quotas) {
    if (!node.requireObject(
        Set.of("name", "podExecutionRoleArn", "subnets", "selectors", "tags"))) {
      node.error("must be an object");
      return null;
    }
    String name = node.get("name").requiredString();
    if (name != null) {
      nameProblems(node.get("name"), name);
    }
    String role = node.get("podExecutionRoleArn").requiredString();
    if (role != null && !ROLE_ARN.matcher(role).matches()) {
      node.get("podExecutionRoleArn")
          .error("is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
    }
    Set<String> subnets = new LinkedHashSet<>();
    for (Node s : node.get("subnets").items()) {
      String id = s.requiredString();
      if (id != null && !SUBNET.matcher(id).matches()) {
        s.error("is not a subnet id (subnet- and 8 to 17 hex digits)");
      } else if (id != null && !subnets.add(id)) {
        s.error("is listed twice");
      }
    }
    List<Selector> selectors = selectors(node.get("selectors"), quotas);
    Map<String, String> tags = tags(node.get("tags"));
    if (name == null || role == null) {
      return null;
    }
    return new DesiredProfile(name, new ProfileSpec(role, subnets, Set.copyOf(selectors)), tags);
  }

  private static void nameProblems(Node node, String name) {
    if (name.isEmpty() || name.length() > MAX_NAME) {
      node.error("must be 1 to " + MAX_NAME + " characters (replacements append 9)");
    } else if (!NAME.matcher(name).matches()) {
      node.error("must start with a letter or digit and use only letters, digits, '-' and '_'");
    } else if (name.toLowerCase(Locale.ROOT).startsWith("eks-")) {
      node.error("must not start with 'eks-' (reserved by EKS)");
    }
  }

  private static List<Selector> selectors(Node node, FargateConfig quotas) {
    List<Node> items = node.items();
    if (items.isEmpty()) {
      node.error("needs at least one selector");
    } else if (items.size() > quotas.selectorsPerProfile()) {
      node.error(
          "has " + items.size() + " selectors; the quota is " + quotas.selectorsPerProfile());
    }
    List<Selector> out = new ArrayList<>();
    for (Node item : items) {
      if (!item.requireObject(Set.of("namespace", "labels"))) {
        item.error("must be an object with a namespace");
        continue;
      }
      String ns = item.get("namespace").requiredString();
      if (ns != null && !NAMESPACE.matcher(ns).matches()) {
        item.get("namespace")
            .error("is not a namespace name (lower-case letters, digits, '-', wildcards * and ?)");
      }
      Map<String, String> labels = labels(item.get("labels"), quotas);
      if (ns != null) {
        Selector selector = new Selector(ns, labels);
        if (out.contains(selector)) {
          item.error("is listed twice");
        }
        out.add(selector);
      }
    }
    return out;
  }

  private static Map<String, String> labels(Node node, FargateConfig quotas) {
    Map<String, String> labels =
        node.entries(
            (key, value) -> {
              String v = value.requiredString();
              if (!LABEL_KEY.matcher(key).matches()) {
                value.error("is not a Kubernetes label key (no wildcards in keys)");
              }
              if (v != null && !LABEL_VALUE.matcher(v).matches()) {
                value.error("is not a label value (letters, digits, '-', '_', '.', * and ?)");
              }
              return v;
            });
    if (labels.size() > quotas.labelsPerSelector()) {
      node.error("has " + labels.size() + " labels; the quota is " + quotas.labelsPerSelector());
    }
    return labels;
  }

  private static Map<String, String> tags(Node node) {
    Map<String, String> tags = new LinkedHashMap<>();
    node.entries(
        (key, value) -> {
          String v = value.requiredString();
          String problem = TagLimits.keyProblem(key);
          if (problem == null && key.startsWith(Contract.TAG_PREFIX)) {
            // The reconciler may write no key under eks-steward/ but its managed mark (IAM:
            // aws:TagKeys), so that it cannot write another function's records.
            problem =
                "keys under " + Contract.TAG_PREFIX + " are reserved for eks-steward's own tags";
          }
          if (problem == null && v != null) {
            problem = TagLimits.valueProblem(v);
          }
          if (problem != null) {
            value.error(problem);
          } else if (v != null) {
            tags.put(key, v);
          }
          return v;
        });
    if (tags.size() > TagLimits.MAX_TAGS - 1) {
      node.error(
          "has "
              + tags.size()
              + " tags; at most "
              + (TagLimits.MAX_TAGS - 1)
              + " (eks-steward adds one)");
    }
    return tags;
  }
}
