package dev.ekssteward.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.template.LeastPrivilegeIT.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rotator may write only EKS issuers' providers of the regions the stack is told about: its own
 * region, and those in the ManagedRegions parameter (one conditioned resource each), in both
 * templates. No region wildcard: IAM's {@code *} also spans a {@code /}, so {@code oidc.eks.*}
 * could match a provider whose URL only ends like an EKS issuer.
 */
class ManagedRegionsTest {
  private static final String HOME =
      "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/oidc.eks.${AWS::Region}"
          + ".${AWS::URLSuffix}/id/*";
  private static final String OTHER =
      "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/oidc.eks.${Region}"
          + ".${AWS::URLSuffix}/id/*";
  private static final List<String> WRITES =
      List.of(
          "iam:UpdateOpenIDConnectProviderThumbprint",
          "iam:CreateOpenIDConnectProvider",
          "iam:TagOpenIDConnectProvider");

  @Test
  void theStacksTemplateGrantsItsRegionAndEachManagedRegion() throws IOException {
    SamTemplate t = SamTemplate.load();
    List<Statement> rotator =
        LeastPrivilegeIT.statements(t, t.functions().get("ThumbprintRotatorFunction"));

    assertRegions(t, rotator, "template.yaml");
  }

  @Test
  void theMemberRotatorRoleGrantsItsRegionAndEachManagedRegion() throws IOException {
    SamTemplate m = SamTemplate.load("docs/member-account.yaml");

    assertRegions(m, LeastPrivilegeIT.memberStatements(m, "RotatorRole"), "member-account.yaml");
  }

  @Test
  void noTemplateGrantsARegionWildcardOnEksIssuers() throws IOException {
    for (String file : List.of("template.yaml", "docs/member-account.yaml")) {
      assertThat(Files.readString(SamTemplate.repo().resolve(file)))
          .as(file)
          .doesNotContain("oidc-provider/oidc.eks.*");
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertRegions(SamTemplate t, List<Statement> statements, String file) {
    for (String action : WRITES) {
      Statement s =
          statements.stream()
              .filter(st -> st.actions().contains(action))
              .findFirst()
              .orElseThrow(() -> new AssertionError(file + " grants no " + action));
      List<Object> resources = s.resources();
      assertThat(resources.get(0)).as(file + " " + action).isEqualTo(Map.of("Fn::Sub", HOME));
      List<Integer> selected = new ArrayList<>();
      for (Object r : resources) {
        if (!(r instanceof Map<?, ?> m && m.containsKey("Fn::If"))) {
          continue;
        }
        List<Object> branches = (List<Object>) m.get("Fn::If");
        if (!String.valueOf(branches.get(0)).startsWith("ManagedRegion")) {
          continue; // an extra issuer's host
        }
        List<Object> sub = (List<Object>) t.map(branches.get(1)).get("Fn::Sub");
        assertThat(sub.get(0)).as(file + " " + action).isEqualTo(OTHER);
        Map<String, Object> vars = t.map(sub.get(1));
        List<Object> select = (List<Object>) t.map(vars.get("Region")).get("Fn::Select");
        assertThat(String.valueOf(select.get(1))).contains("ManagedRegions");
        selected.add(((Number) select.get(0)).intValue());
        assertThat(branches.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
      }
      assertThat(selected).as(file + " " + action).containsExactly(0, 1, 2, 3, 4);
    }
  }
}
