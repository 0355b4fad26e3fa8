package dev.ekssteward.tagging;

import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a CloudTrail EKS call means for the tag policy: the resource it concerns, its creator (on
 * creation) and the keys it removed (on UntagResource).
 */
record TaggingEvent(String eventName, ResourceRef resource, String creator, List<String> removed) {
  static final Set<String> CREATE_EVENTS =
      Set.of("CreateCluster", "CreateNodegroup", "CreateFargateProfile");
  static final Set<String> EVENTS =
      Set.of(
          "CreateCluster",
          "CreateNodegroup",
          "CreateFargateProfile",
          "TagResource",
          "UntagResource");

  /** The event's meaning, or null when it names no cluster, node group or Fargate profile. */
  static TaggingEvent of(CloudTrailCall call) {
    ResourceRef ref = resource(call.eventName(), call.requestParameters(), call.responseElements());
    if (ref == null) {
      return null;
    }
    boolean create = CREATE_EVENTS.contains(call.eventName());
    List<String> removed =
        call.eventName().equals("UntagResource")
            ? strings(call.requestParameters().get("tagKeys"))
            : List.of();
    return new TaggingEvent(
        call.eventName(), ref, create ? Creator.of(call.caller()) : null, removed);
  }

  boolean isCreate() {
    return CREATE_EVENTS.contains(eventName);
  }

  /** Identity from responseElements where present, else from requestParameters. */
  static ResourceRef resource(
      String eventName, Map<String, Object> request, Map<String, Object> response) {
    return switch (eventName) {
      case "CreateCluster" -> {
        Map<String, Object> c = object(response, "cluster");
        String name = first(text(c, "name"), text(request, "name"));
        yield name == null
            ? null
            : new ResourceRef(ResourceRef.CLUSTER, name, name, text(c, "arn"));
      }
      case "CreateNodegroup" -> {
        Map<String, Object> n = object(response, "nodegroup");
        yield ref(
            ResourceRef.NODEGROUP,
            first(text(n, "clusterName"), text(request, "name")),
            first(text(n, "nodegroupName"), text(request, "nodegroupName")),
            text(n, "nodegroupArn"));
      }
      case "CreateFargateProfile" -> {
        Map<String, Object> p = object(response, "fargateProfile");
        yield ref(
            ResourceRef.FARGATE_PROFILE,
            first(text(p, "clusterName"), text(request, "name")),
            first(text(p, "fargateProfileName"), text(request, "fargateProfileName")),
            text(p, "fargateProfileArn"));
      }
      case "TagResource", "UntagResource" -> {
        String arn = text(request, "resourceArn");
        yield arn == null
            ? null
            : ResourceRef.fromArn(URLDecoder.decode(arn, StandardCharsets.UTF_8));
      }
      default -> null;
    };
  }

  private static ResourceRef ref(String type, String cluster, String name, String arn) {
    return cluster == null || name == null ? null : new ResourceRef(type, cluster, name, arn);
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> map, String field) {
    Object v = map == null ? null : map.get(field);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  private static String text(Map<String, Object> map, String field) {
    Object v = map == null ? null : map.get(field);
    return v instanceof String s && !s.isBlank() ? s : null;
  }

  /** CloudTrail records a query list as an array, or as a single string when it has one item. */
  private static List<String> strings(Object value) {
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }
}
