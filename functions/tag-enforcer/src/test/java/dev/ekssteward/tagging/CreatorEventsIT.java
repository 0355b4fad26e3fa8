package dev.ekssteward.tagging;

import static dev.ekssteward.tagging.plan.Policies.GOOD;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.ekssteward.shared.testing.LocalAws;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The creator tag each real CloudTrail shape (src/test/resources/creator) leaves on the created
 * resource in moto, through the whole handler. Needs moto's TagResource on node groups and Fargate
 * profiles (local/moto/patches.py).
 */
class CreatorEventsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  TagFleet seed;

  @BeforeEach
  void setUp() {
    seed = TagFleet.standard(aws);
    seed.cluster("dev-1", GOOD);
    seed.nodegroup("dev-1", "ng-a", GOOD);
    seed.profile("dev-1", "team-a", GOOD);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Map<String, Object> event(String file) throws Exception {
    PojoSerializer<Map> serializer = JacksonFactory.getInstance().getSerializer(Map.class);
    try (InputStream in = CreatorEventsIT.class.getResourceAsStream("/creator/" + file)) {
      return serializer.fromJson(in);
    }
  }

  Map<String, String> tags(String kind) {
    return switch (kind) {
      case "cluster" -> seed.clusterTags("dev-1");
      case "nodegroup" -> seed.nodegroupTags("dev-1", "ng-a");
      default -> seed.profileTags("dev-1", "team-a");
    };
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "none",
      value = {
        "eksctl-cluster.json, cluster, jane.doe@example.com",
        "eksctl-nodegroup-iam-user.json, nodegroup, alice",
        "cdk-nodegroup-service-role.json, nodegroup, cloudformation/platform-eks",
        "cloudformation-service-role-no-stack-tag.json, fargateprofile, platform-cfn-deployer",
        "cdk-cluster-provider.json, cluster, platform-eks-ClusterCreationRole360249B6-1Q2W3E4R5T6Y",
        "ci-botocore-session.json, nodegroup, ci-deployer",
        "github-actions-oidc.json, cluster, github-deployer",
        "federated-user.json, cluster, maria",
        "saml-role.json, fargateprofile, omar.haddad@example.com",
        "root.json, cluster, none",
      })
  void theCreatedResourceCarriesItsCreator(String file, String kind, String creator)
      throws Exception {
    Map<String, Object> report = seed.run(event(file));

    assertThat(report.get("status")).isEqualTo("ok");
    if (creator == null) {
      assertThat(tags(kind)).isEqualTo(GOOD);
      assertThat(seed.recorder.mutations()).isEmpty();
    } else {
      assertThat(tags(kind)).containsEntry("created-by", creator).hasSize(GOOD.size() + 1);
      assertThat(seed.recorder.mutations()).containsExactly("eks:TagResource");
    }
  }
}
