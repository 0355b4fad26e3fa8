package dev.ekssteward.tagging.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.ekssteward.shared.config.TagLimits;
import dev.ekssteward.shared.event.Deliveries;
import dev.ekssteward.shared.event.Trigger;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The creator rule table over whole CloudTrail-via-EventBridge events (src/test/resources/creator),
 * parsed as the function parses them: the shapes eksctl, CDK, CloudFormation service roles, SSO,
 * SAML, federated users and CI pipelines leave in CloudTrail.
 */
class CreatorEventsTest {

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Trigger.CloudTrailCall call(String file) throws Exception {
    PojoSerializer<Map> serializer = JacksonFactory.getInstance().getSerializer(Map.class);
    try (InputStream in = CreatorEventsTest.class.getResourceAsStream("/creator/" + file)) {
      assertThat(in).as(file).isNotNull();
      return (Trigger.CloudTrailCall) Deliveries.read(serializer.fromJson(in));
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "none",
      value = {
        // a person's own call: the IAM user, the role session, the federated user
        "iam-user-cli.json, alice",
        "sso-user-console.json, jane.doe@example.com",
        "saml-role.json, omar.haddad@example.com",
        "federated-user.json, maria",
        // CloudFormation with the caller's credentials (eksctl): the caller, not the stack
        "eksctl-cluster.json, jane.doe@example.com",
        "eksctl-nodegroup-iam-user.json, alice",
        // CloudFormation as a service role: the stack its tags name, else that role
        "cdk-nodegroup-service-role.json, cloudformation/platform-eks",
        "cloudformation-service-role-no-stack-tag.json, platform-cfn-deployer",
        // sessions a tool named: the role
        "cdk-cluster-provider.json, platform-eks-ClusterCreationRole360249B6-1Q2W3E4R5T6Y",
        "ci-botocore-session.json, ci-deployer",
        "github-actions-oidc.json, github-deployer",
        // nobody to name
        "root.json, none",
      })
  void eachRealShapeGetsItsCreator(String file, String creator) throws Exception {
    Trigger.CloudTrailCall call = call(file);

    String value = Creator.of(call.caller());

    assertThat(value).isEqualTo(creator);
    if (value != null) {
      assertThat(TagLimits.valueProblem(value)).isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "eksctl-cluster.json, eksctl-dev-1-cluster",
    "eksctl-nodegroup-iam-user.json, eksctl-dev-1-nodegroup-ng-a",
    "cdk-nodegroup-service-role.json, platform-eks"
  })
  void theStackIsReadFromTheCallsTags(String file, String stack) throws Exception {
    assertThat(call(file).caller().stack()).isEqualTo(stack);
  }
}
