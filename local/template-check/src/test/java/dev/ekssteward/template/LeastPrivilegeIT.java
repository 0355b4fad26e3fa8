package dev.ekssteward.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.config.Glob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, proven both ways against the whole test suite: every AWS action a function
 * called in any test (recorded by CallRecorder into functions/*&#47;target/recorded-actions) is
 * allowed by that function's policy, and every action the policy grants was called somewhere or is
 * listed with a reason in iam-exceptions.txt; and against the code: the IAM grants each executor
 * declares (functions/*&#47;target/declared-permissions) are exactly the changes the policy allows.
 */
class LeastPrivilegeIT {
  static final Map<String, String> MODULES =
      Map.of(
          "NodegroupSchedulerFunction", "nodegroup-scheduler",
          "ThumbprintRotatorFunction", "oidc-thumbprint-rotator",
          "FargateProfileReconcilerFunction", "fargate-profile-reconciler",
          "TagEnforcerFunction", "tag-enforcer");

  /** The member-account.yaml role of each function (one role per function). */
  static final Map<String, String> MEMBER_ROLES =
      Map.of(
          "NodegroupSchedulerFunction", "SchedulerRole",
          "ThumbprintRotatorFunction", "RotatorRole",
          "FargateProfileReconcilerFunction", "ReconcilerRole",
          "TagEnforcerFunction", "TagEnforcerRole");

  /** {@code condition}: the statement's Condition as {@link Permission#condition} writes it. */
  record Statement(List<String> actions, List<Object> resources, String condition) {
    /**
     * {@code <action> <resource>[ <condition>]} for every action and resource given as a {@code
     * !Sub} string or {@code '*'} (not one under {@code !If}: a stack parameter's).
     */
    List<String> lines() {
      List<String> out = new ArrayList<>();
      for (String action : actions) {
        for (Object resource : resources) {
          String r = "*".equals(resource) ? "*" : sub(resource);
          if (r != null) {
            out.add(action + " " + r + (condition.isEmpty() ? "" : " " + condition));
          }
        }
      }
      return out;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Statement> statements(SamTemplate t, Map<String, Object> function) {
    List<Statement> out = new ArrayList<>();
    for (Object policy : (List<Object>) function.getOrDefault("Policies", List.of())) {
      assertThat(policy)
          .as("policies are explicit statements, not managed policies or SAM templates")
          .isInstanceOf(Map.class);
      Map<String, Object> p = t.map(policy);
      assertThat(p).as("policy shape").containsOnlyKeys("Statement");
      out.addAll(allows(t, (List<Object>) p.get("Statement")));
    }
    return out;
  }

  /** The Allow statements of a policy document's {@code Statement} list. */
  static List<Statement> allows(SamTemplate t, List<Object> statements) {
    List<Statement> out = new ArrayList<>();
    for (Object s : statements) {
      Map<String, Object> st = t.map(whenConditionHolds(s));
      if (!"Allow".equals(st.get("Effect"))) {
        continue;
      }
      out.add(
          new Statement(
              strings(st.get("Action")),
              objects(st.get("Resource")),
              condition(t, st.get("Condition"))));
    }
    return out;
  }

  /**
   * A statement's {@code Condition} in the canonical form of {@link Permission#condition}: values
   * that reference a parameter as {@code ${Name}}; one under {@code !If} as when it holds.
   */
  @SuppressWarnings("unchecked")
  static String condition(SamTemplate t, Object condition) {
    String out = "";
    for (Map.Entry<String, Object> op : t.map(whenConditionHolds(condition)).entrySet()) {
      for (Map.Entry<String, Object> key : t.map(op.getValue()).entrySet()) {
        List<String> values = objects(key.getValue()).stream().map(LeastPrivilegeIT::text).toList();
        out = Permission.condition(out, op.getKey(), key.getKey(), values);
      }
    }
    return out;
  }

  static String text(Object value) {
    if (value instanceof Map<?, ?> m && m.get("Ref") instanceof String ref) {
      return "${" + ref + "}";
    }
    return String.valueOf(value);
  }

  /** The Allow statements of a member-account.yaml role's inline policies. */
  @SuppressWarnings("unchecked")
  static List<Statement> memberStatements(SamTemplate m, String role) {
    Map<String, Object> props = m.map(m.map(m.resources().get(role)).get("Properties"));
    assertThat(props).as("member-account.yaml has the role " + role).isNotEmpty();
    List<Statement> out = new ArrayList<>();
    for (Object policy : (List<Object>) props.getOrDefault("Policies", List.of())) {
      Map<String, Object> doc = m.map(m.map(policy).get("PolicyDocument"));
      out.addAll(allows(m, (List<Object>) doc.get("Statement")));
    }
    return out;
  }

  /**
   * What a function does only in the stack's own account, never with a member role: its config,
   * audit bus, queues, the record key and assuming the member roles themselves.
   */
  static boolean ownAccountOnly(String line) {
    return line.matches("^(ssm|events|sqs|kms|sts):.*");
  }

  /**
   * What a KMS key's policy grants the function's role by name ({@code !GetAtt
   * <function>Role.Arn}): for a key, the key policy alone grants its use (the record key's MAC
   * calls). Its {@code Resource: '*'} means that key, written as its ARN the way executors declare
   * it.
   */
  @SuppressWarnings("unchecked")
  static List<Statement> keyGrants(SamTemplate t, String function) {
    List<Statement> out = new ArrayList<>();
    Object role = Map.of("Fn::GetAtt", List.of(function + "Role", "Arn"));
    t.resources()
        .forEach(
            (id, r) -> {
              if (!"AWS::KMS::Key".equals(t.map(r).get("Type"))) {
                return;
              }
              Map<String, Object> policy =
                  t.map(t.map(t.map(r).get("Properties")).get("KeyPolicy"));
              for (Object s : (List<Object>) policy.getOrDefault("Statement", List.of())) {
                Map<String, Object> st = t.map(s);
                if (st.containsKey("Fn::If")) {
                  continue; // the operators' verify-only statement (RecordVerifiers)
                }
                Object principal = t.map(st.get("Principal")).get("AWS");
                if ("Allow".equals(st.get("Effect")) && objects(principal).contains(role)) {
                  String arn =
                      "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${"
                          + id
                          + "}";
                  out.add(
                      new Statement(
                          strings(st.get("Action")), List.of(Map.of("Fn::Sub", arn)), ""));
                }
              }
            });
    return out;
  }

  /** The function's policy statements and what key policies grant its role. */
  static List<Statement> grants(SamTemplate t, String function) {
    List<Statement> out = new ArrayList<>(statements(t, t.functions().get(function)));
    out.addAll(keyGrants(t, function));
    return out;
  }

  /**
   * A statement under {@code !If [Condition, statement, !Ref AWS::NoValue]} is checked as granted:
   * the test must prove it for the deployments that turn it on.
   */
  @SuppressWarnings("unchecked")
  static Object whenConditionHolds(Object statement) {
    if (statement instanceof Map<?, ?> m && m.containsKey("Fn::If")) {
      return ((List<Object>) m.get("Fn::If")).get(1);
    }
    return statement;
  }

  @SuppressWarnings("unchecked")
  static List<String> strings(Object o) {
    return o instanceof List<?> l ? (List<String>) l : List.of((String) o);
  }

  @SuppressWarnings("unchecked")
  static List<Object> objects(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of(o);
  }

  static Set<String> recorded(String module) throws IOException {
    Path dir =
        SamTemplate.repo().resolve("functions").resolve(module).resolve("target/recorded-actions");
    assertThat(dir).as("run the whole suite first (mvn -B verify): " + dir).isDirectory();
    Set<String> actions = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(actions::add);
      }
    }
    return actions;
  }

  /**
   * What each function's executors declare: {@code <action> <resource>[ <condition>]}
   * (ExecutorPermissionsTest).
   */
  static Set<String> declared(String module) throws IOException {
    Path file =
        SamTemplate.repo()
            .resolve("functions")
            .resolve(module)
            .resolve("target/declared-permissions/" + module + ".txt");
    assertThat(file).as("run the whole suite first (mvn -B verify): " + file).isRegularFile();
    return new TreeSet<>(Files.readAllLines(file));
  }

  /** The pipeline's own grants (audit, config, fan-out, member roles, the queue's poller). */
  static final Set<String> PIPELINE_GRANTS =
      Set.of(
          "events:PutEvents",
          "ssm:GetParameter",
          "sqs:SendMessage",
          "sqs:ReceiveMessage",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sts:AssumeRole");

  /** A statement resource as its {@code !Sub} string, or null (an {@code !If} or a reference). */
  @SuppressWarnings("unchecked")
  static String sub(Object resource) {
    if (resource instanceof Map<?, ?> m && m.get("Fn::Sub") instanceof String s) {
      return s;
    }
    return null;
  }

  static List<String[]> listFile(String name) throws IOException {
    Path file = SamTemplate.repo().resolve("local/template-check").resolve(name);
    return Files.readAllLines(file).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> l.trim().split("\\s+", 3))
        .toList();
  }

  @Test
  void everyRecordedCallIsAllowedAndEveryGrantIsUsed() throws IOException {
    SamTemplate t = SamTemplate.load();
    List<String[]> exceptions = listFile("iam-exceptions.txt");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> m : MODULES.entrySet()) {
      List<Statement> statements = grants(t, m.getKey());
      List<String> granted = statements.stream().flatMap(s -> s.actions().stream()).toList();
      Set<String> calls = recorded(m.getValue());
      for (String call : calls) {
        if (granted.stream().noneMatch(g -> Glob.matches(g, call))) {
          problems.add(m.getKey() + " calls " + call + " but its policy does not allow it");
        }
      }
      for (String grant : new TreeSet<>(granted)) {
        boolean used = calls.stream().anyMatch(c -> Glob.matches(grant, c));
        boolean excused =
            exceptions.stream().anyMatch(e -> e[0].equals(m.getKey()) && e[1].equals(grant));
        if (!used && !excused) {
          problems.add(m.getKey() + " is granted " + grant + " but no test ever calls it");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * The other way round, from the code: every grant an executor declares is in its function's
   * policy on exactly that resource and under exactly that condition, and every change the policy
   * allows is an executor's (or the pipeline's own). A resource given by a stack parameter ({@code
   * !If}) is not an executor's to declare.
   */
  @Test
  void everyExecutorGrantIsInThePolicyAndEveryChangeItAllowsIsDeclared() throws IOException {
    SamTemplate t = SamTemplate.load();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> m : MODULES.entrySet()) {
      Set<String> granted = new TreeSet<>();
      grants(t, m.getKey()).forEach(s -> granted.addAll(s.lines()));
      compare(m.getKey(), declared(m.getValue()), granted, problems);
    }
    assertThat(problems).isEmpty();
  }

  /**
   * The same for each function's role in docs/member-account.yaml: exactly the declared changes
   * (the record key is never used with a member role), resources and conditions included.
   */
  @Test
  void everyExecutorGrantIsInTheMemberRoleAndEveryChangeItAllowsIsDeclared() throws IOException {
    SamTemplate member = SamTemplate.load("docs/member-account.yaml");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> m : MODULES.entrySet()) {
      String role = MEMBER_ROLES.get(m.getKey());
      Set<String> granted = new TreeSet<>();
      memberStatements(member, role).forEach(s -> granted.addAll(s.lines()));
      Set<String> declared = new TreeSet<>(declared(m.getValue()));
      declared.removeIf(LeastPrivilegeIT::ownAccountOnly);
      compare("member-account.yaml " + role, declared, granted, problems);
    }
    assertThat(problems).isEmpty();
  }

  static void compare(String who, Set<String> declared, Set<String> granted, List<String> out) {
    for (String d : declared) {
      if (!granted.contains(d)) {
        out.add(who + ": the executors need " + d + " but the policy does not grant it");
      }
    }
    for (String g : granted) {
      String action = g.substring(0, g.indexOf(' '));
      // VerifyMac reads (observe verifies records, in dry-run too); GenerateMac is declared by
      // the executors that sign.
      boolean change = !action.matches("^[a-z0-9-]+:(Describe|List|Get|Verify).*");
      if (change && !PIPELINE_GRANTS.contains(action) && !declared.contains(g)) {
        out.add(who + " is granted " + g + " but no executor declares it");
      }
    }
  }

  /**
   * Each member role grants exactly what its function's policy grants, reads included, on the same
   * resources under the same conditions, minus what the function does only in its own account: so
   * the recorded calls that prove the function's policy prove its member role as well.
   */
  @Test
  void eachMemberRoleGrantsWhatItsFunctionDoesInItsOwnAccount() throws IOException {
    SamTemplate t = SamTemplate.load();
    SamTemplate member = SamTemplate.load("docs/member-account.yaml");
    for (Map.Entry<String, String> m : MEMBER_ROLES.entrySet()) {
      Set<String> function = new TreeSet<>();
      statements(t, t.functions().get(m.getKey())).forEach(s -> function.addAll(s.lines()));
      function.removeIf(LeastPrivilegeIT::ownAccountOnly);
      Set<String> role = new TreeSet<>();
      memberStatements(member, m.getValue()).forEach(s -> role.addAll(s.lines()));
      assertThat(role).as(m.getValue()).containsExactlyInAnyOrderElementsOf(function);
    }
  }

  /**
   * Each member role is named {@code <RoleName>-<function>}, the name its function's policy may
   * assume ({@code <MemberRoleName>-<function>}), and trusts exactly its function's role (a
   * parameter that template.yaml outputs), optionally only within the organization.
   */
  @Test
  @SuppressWarnings("unchecked")
  void eachMemberRoleTrustsExactlyItsFunctionsRole() throws IOException {
    SamTemplate t = SamTemplate.load();
    SamTemplate member = SamTemplate.load("docs/member-account.yaml");
    Map<String, Object> outputs = t.map(t.root.get("Outputs"));
    for (Map.Entry<String, String> m : MEMBER_ROLES.entrySet()) {
      String module = MODULES.get(m.getKey());
      Map<String, Object> props =
          member.map(member.map(member.resources().get(m.getValue())).get("Properties"));
      assertThat(props.get("RoleName")).isEqualTo(Map.of("Fn::Sub", "${RoleName}-" + module));
      assertThat(statements(t, t.functions().get(m.getKey())))
          .filteredOn(s -> s.actions().contains("sts:AssumeRole"))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.lines())
                    .containsExactly(
                        "sts:AssumeRole arn:${AWS::Partition}:iam::*:role/${MemberRoleName}-"
                            + module
                            + " StringEquals(aws:ResourceOrgID=${MemberOrganizationId})");
              });
      List<Object> trust =
          (List<Object>) member.map(props.get("AssumeRolePolicyDocument")).get("Statement");
      assertThat(trust).as("one trust statement").hasSize(1);
      Map<String, Object> st = member.map(trust.get(0));
      assertThat(st).containsEntry("Effect", "Allow").containsEntry("Action", "sts:AssumeRole");
      Object principal = member.map(st.get("Principal")).get("AWS");
      assertThat(principal).isInstanceOf(Map.class);
      String parameter = (String) member.map(principal).get("Ref");
      Object roleArn = Map.of("Fn::GetAtt", List.of(m.getKey() + "Role", "Arn"));
      String output =
          outputs.entrySet().stream()
              .filter(o -> roleArn.equals(t.map(o.getValue()).get("Value")))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow(() -> new AssertionError("template.yaml outputs no " + roleArn));
      assertThat(member.map(member.map(member.root.get("Parameters")).get(parameter)))
          .as("%s trusts the parameter %s, which asks for %s", m.getValue(), parameter, output)
          .containsEntry("Description", "Output " + output + " of the steward stack.");
      assertThat(condition(member, st.get("Condition")))
          .isEqualTo("StringEquals(aws:PrincipalOrgID=${OrganizationId})");
    }
  }

  /**
   * The record key signs only for the two functions that write records: no other principal, no
   * grant, no IAM policy (the account root may administer the key, never use it). The operators of
   * the RecordVerifiers parameter may only verify.
   */
  @Test
  @SuppressWarnings("unchecked")
  void onlyTheSchedulerAndTheReconcilerMaySignOrVerifyRecords() {
    SamTemplate t;
    try {
      t = SamTemplate.load();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> key = t.map(t.map(t.resources().get("RecordKey")).get("Properties"));
    assertThat(key)
        .containsEntry("KeySpec", "HMAC_256")
        .containsEntry("KeyUsage", "GENERATE_VERIFY_MAC");
    List<String> macUsers = new ArrayList<>();
    List<Map<String, Object>> conditional = new ArrayList<>();
    for (Object s : (List<Object>) t.map(key.get("KeyPolicy")).get("Statement")) {
      Map<String, Object> st = t.map(s);
      if (st.containsKey("Fn::If")) {
        conditional.add(st);
        continue;
      }
      List<String> actions = strings(st.get("Action"));
      assertThat(actions)
          .as("no wildcard use of the key")
          .doesNotContain("kms:*", "kms:CreateGrant");
      assertThat(actions).noneMatch(a -> a.startsWith("kms:Generate") && a.endsWith("*"));
      if (actions.contains("kms:GenerateMac") || actions.contains("kms:VerifyMac")) {
        macUsers.add(String.valueOf(t.map(st.get("Principal")).get("AWS")));
      }
    }
    assertThat(macUsers)
        .containsExactlyInAnyOrder(
            "{Fn::GetAtt=[NodegroupSchedulerFunctionRole, Arn]}",
            "{Fn::GetAtt=[FargateProfileReconcilerFunctionRole, Arn]}");
    // One statement more, only with the RecordVerifiers parameter: verify, never sign.
    assertThat(conditional)
        .singleElement()
        .satisfies(
            c -> {
              List<Object> branches = (List<Object>) c.get("Fn::If");
              assertThat(branches.get(0)).isEqualTo("HasRecordVerifiers");
              assertThat(t.map(branches.get(1)))
                  .containsEntry("Effect", "Allow")
                  .containsEntry("Action", "kms:VerifyMac")
                  .containsEntry("Principal", Map.of("AWS", Map.of("Ref", "RecordVerifiers")));
              assertThat(branches.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
            });
    for (String function : MODULES.keySet()) {
      assertThat(statements(t, t.functions().get(function)))
          .as("%s's own policy grants nothing on KMS (the key policy does)", function)
          .noneMatch(st -> st.actions().stream().anyMatch(a -> a.startsWith("kms:")));
    }
  }

  @Test
  void noWildcardActionsAndResourceStarOnlyWhereAwsAllowsNothingElse() throws IOException {
    SamTemplate t = SamTemplate.load();
    Set<String> starOnly = new TreeSet<>();
    listFile("iam-resource-star.txt").forEach(l -> starOnly.add(l[0]));
    List<String> problems = new ArrayList<>();
    for (String function : MODULES.keySet()) {
      for (Statement s : statements(t, t.functions().get(function))) {
        for (String action : s.actions()) {
          if (action.equals("*") || action.endsWith(":*")) {
            problems.add(function + " grants " + action);
          }
          if (s.resources().contains("*") && !starOnly.contains(action)) {
            problems.add(function + " grants " + action + " on Resource '*'");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
