package dev.ekssteward.scheduler.apply;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the scheduler's executors share: audit event names, detail head, IAM resource. */
final class NodegroupAudit {
  static final String SCALED_DOWN = "Nodegroup Scaled Down";
  static final String SCALED_UP = "Nodegroup Scaled Up";
  static final String RESIGNED = "Size Record Re-signed";

  /** Node groups in any region of the account, as the template's statements name them. */
  static final String NODEGROUPS = "nodegroup/*/*/*";

  private NodegroupAudit() {}

  static Map<String, Object> detail(String cluster, String nodegroup) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", cluster);
    d.put("nodegroup", nodegroup);
    return d;
  }
}
