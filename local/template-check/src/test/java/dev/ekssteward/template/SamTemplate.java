package dev.ekssteward.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml as plain maps, with CloudFormation's short-form tags ({@code !Ref}, {@code !Sub},
 * ...) read as their long form ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}).
 */
final class SamTemplate {
  final Map<String, Object> root;

  private SamTemplate(Map<String, Object> root) {
    this.root = root;
  }

  static Path repo() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("template.yaml not found");
    }
    return dir;
  }

  static SamTemplate load() throws IOException {
    return load("template.yaml");
  }

  /** A CloudFormation template of the repository, e.g. {@code docs/member-account.yaml}. */
  static SamTemplate load(String path) throws IOException {
    Yaml yaml = new Yaml(new CfnConstructor());
    return new SamTemplate(yaml.load(Files.readString(repo().resolve(path))));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  Map<String, Object> resources() {
    return map(root.get("Resources"));
  }

  /** The four functions' logical ids and their properties (Globals not merged). */
  Map<String, Map<String, Object>> functions() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    resources()
        .forEach(
            (id, r) -> {
              if ("AWS::Serverless::Function".equals(map(r).get("Type"))) {
                out.put(id, map(map(r).get("Properties")));
              }
            });
    return out;
  }

  /** Default values of the template's parameters, as strings. */
  Map<String, String> parameterDefaults() {
    Map<String, String> out = new LinkedHashMap<>();
    map(root.get("Parameters"))
        .forEach((k, v) -> out.put(k, String.valueOf(map(v).getOrDefault("Default", ""))));
    return out;
  }

  /** Resolves Ref and Sub of parameters and pseudo parameters to their defaults or examples. */
  Object resolve(Object value, Map<String, String> params) {
    if (value instanceof Map<?, ?> m) {
      if (m.size() == 1 && m.containsKey("Ref") && params.containsKey(m.get("Ref"))) {
        return params.get(m.get("Ref"));
      }
      if (m.size() == 1 && m.containsKey("Fn::Sub") && m.get("Fn::Sub") instanceof String s) {
        String out = s;
        for (Map.Entry<String, String> p : params.entrySet()) {
          out = out.replace("${" + p.getKey() + "}", p.getValue());
        }
        return out;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), resolve(v, params)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(resolve(v, params)));
      return out;
    }
    return value;
  }

  /** Maps every CloudFormation intrinsic tag to its long form. */
  private static final class CfnConstructor extends SafeConstructor {
    CfnConstructor() {
      super(new LoaderOptions());
      for (String fn :
          List.of(
              "Ref",
              "Sub",
              "GetAtt",
              "If",
              "Equals",
              "Not",
              "And",
              "Or",
              "Join",
              "Select",
              "Split",
              "FindInMap",
              "ImportValue",
              "GetAZs",
              "Base64",
              "Condition",
              "Cidr")) {
        String key = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
        this.yamlConstructors.put(
            new Tag("!" + fn),
            new AbstractConstruct() {
              @Override
              public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode s) {
                  value = s.getValue();
                  if (fn.equals("GetAtt")) {
                    value = List.of(((String) value).split("\\.", 2));
                  }
                } else if (node instanceof SequenceNode s) {
                  value = constructSequence(s);
                } else {
                  value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
              }
            });
      }
    }
  }
}
