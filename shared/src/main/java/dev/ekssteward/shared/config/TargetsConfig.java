package dev.ekssteward.shared.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Where to look: regions, member accounts, and which clusters by name pattern. */
public record TargetsConfig(List<String> regions, List<Account> accounts, ClusterFilter clusters) {
  private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d$");
  private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
  private static final Pattern ROLE_ARN =
      Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$");
  private static final Pattern ROLE_NAME = Pattern.compile("^[\\w+=,.@-]{1,64}$");

  /** 64, IAM's limit, less {@code -fargate-profile-reconciler}, the longest function suffix. */
  static final int MAX_ROLE_NAME = 37;

  /**
   * A member account, reached by assuming the role given as {@code roleArn} or as {@code roleName}
   * (exactly one is set).
   */
  public record Account(String accountId, String roleArn, String roleName) {

    /**
     * The role's ARN in {@code partition} (aws, aws-cn, aws-us-gov...): a role name takes the
     * function's own partition, as a role can only be assumed within its partition.
     */
    public String roleArnIn(String partition) {
      return roleArn != null
          ? roleArn
          : "arn:" + partition + ":iam::" + accountId + ":role/" + roleName;
    }

    /**
     * The role {@code function} (e.g. {@code tag-enforcer}) assumes there: {@code
     * <role>-<function>}, one role per function with only that function's rights
     * (docs/member-account.yaml), which only that function's role may assume.
     */
    public String roleArnFor(String partition, String function) {
      return roleArnIn(partition) + "-" + function;
    }
  }

  static TargetsConfig read(Node node) {
    node.requireObject(Set.of("regions", "accounts", "clusters"));
    List<String> regions = node.get("regions").strings(List.of());
    List<Node> regionNodes = node.get("regions").items();
    for (int i = 0; i < regions.size() && i < regionNodes.size(); i++) {
      if (!REGION.matcher(regions.get(i)).matches()) {
        regionNodes.get(i).error("is not an AWS region name");
      }
    }
    List<Account> accounts =
        node.get("accounts").items().stream().map(TargetsConfig::account).toList();
    return new TargetsConfig(regions, accounts, ClusterFilter.read(node.get("clusters")));
  }

  private static String roleName(String arn, String name) {
    return arn != null ? arn.substring(arn.lastIndexOf('/') + 1) : name;
  }

  private static Account account(Node node) {
    if (!node.requireObject(Set.of("accountId", "roleArn", "roleName"))) {
      node.error("must be an object with accountId and roleArn or roleName");
      return new Account(null, null, null);
    }
    String id = node.get("accountId").requiredString();
    if (id != null && !ACCOUNT_ID.matcher(id).matches()) {
      node.get("accountId").error("must be 12 digits");
    }
    String arn = node.get("roleArn").string(null);
    String name = node.get("roleName").string(null);
    if ((arn == null) == (name == null)) {
      node.error("needs exactly one of roleArn or roleName");
    } else if (arn != null && !ROLE_ARN.matcher(arn).matches()) {
      node.get("roleArn").error("is not an IAM role ARN");
    } else if (arn != null && id != null && !arn.contains(":" + id + ":")) {
      node.get("roleArn").error("names another account than accountId");
    } else if (name != null && !ROLE_NAME.matcher(name).matches()) {
      node.get("roleName").error("is not an IAM role name");
    } else if (roleName(arn, name).length() > MAX_ROLE_NAME) {
      node.get(arn != null ? "roleArn" : "roleName")
          .error(
              "names a role longer than "
                  + MAX_ROLE_NAME
                  + " characters: each function assumes <role>-<function>, at most 64");
    }
    return new Account(id, arn, name);
  }
}
