package dev.ekssteward.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.LocalOptions;
import dev.ekssteward.shared.testing.seed.SeededFleet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.CreateFargateProfileRequest;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.eks.model.FargateProfileSelector;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The local AWS answers as AWS does where plain moto does not (local/moto/patches.py): EKS tags on
 * node groups and Fargate profiles, EKS and IAM input validation; and, switched on per test, the
 * opt-in realism (lifecycle states, request-limit faults, private subnets, tag rules). Each error
 * is checked as the SDK sees it: HTTP status and error code.
 */
class MotoPatchesIT {
  /** Plain moto's start-up values: each test switches on the realism it checks. */
  @RegisterExtension static final LocalAws aws = LocalAws.plainMoto();

  private static final String ROLE = "arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks-demo";
  private static final String THUMBPRINT = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
  private static final String OTHER_THUMBPRINT = "06B25927C42A721631C1EFD9431E648FA62E1E39";

  /** Generous against a busy machine; the transitions themselves last 1 s. */
  private static final Duration TRANSITION_WAIT = Duration.ofSeconds(10);

  private EksClient eks;
  private IamClient iam;

  @BeforeEach
  void cluster() {
    eks = aws.eks();
    iam = aws.client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()), "us-east-1");
    aws.seeder().seed(FleetSeed.fleet().cluster(ClusterSeed.cluster("dev-1")));
  }

  /**
   * A presigned GetCallerIdentity (a request's proof) is routed to STS by its credential scope and
   * answered for the key in X-Amz-Credential: the assumed role's session, not moto's default user.
   * The signature is not verified (as nowhere in moto).
   */
  @Test
  void aPresignedGetCallerIdentityNamesTheSessionThatSignedIt() {
    var who = Proofs.session(aws, "operator", "jane");
    java.time.Instant now = java.time.Instant.now();
    String query =
        dev.ekssteward.shared.request.ProvenRequest.presign(
            "binding", who, LocalAws.REGION, aws.endpoint(), java.time.Clock.systemUTC());
    var check =
        new dev.ekssteward.shared.request.StsCallerCheck(
            aws.endpoint(), LocalAws.REGION, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));

    assertThat(check.check(new dev.ekssteward.shared.request.RequestProof(query, "binding", "r")))
        .isEqualTo(
            new dev.ekssteward.shared.request.CallerCheck.Proven(
                new dev.ekssteward.shared.request.Caller(
                    "arn:aws:sts::" + LocalAws.ACCOUNT + ":assumed-role/operator/jane",
                    LocalAws.ACCOUNT,
                    "r")));
  }

  @Test
  void nodegroupTagsRoundTripAndShowInDescribe() {
    String arn = nodegroup("ng-a", scaling(1, 3, 2)).nodegroupArn();

    eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("team", "search", "env", "dev")));
    eks.untagResource(r -> r.resourceArn(arn).tagKeys("env"));

    assertThat(eks.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .isEqualTo(Map.of("team", "search"));
    assertThat(eks.describeNodegroup(r -> r.clusterName("dev-1").nodegroupName("ng-a")))
        .satisfies(d -> assertThat(d.nodegroup().tags()).isEqualTo(Map.of("team", "search")));
  }

  @Test
  void fargateProfileTagsRoundTripAndShowInDescribe() {
    String arn = fargateProfile("team-a", 1).fargateProfileArn();

    eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("team", "payments", "tmp", "x")));
    eks.untagResource(r -> r.resourceArn(arn).tagKeys("tmp"));

    assertThat(eks.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .isEqualTo(Map.of("team", "payments"));
    assertThat(
            eks.describeFargateProfile(r -> r.clusterName("dev-1").fargateProfileName("team-a"))
                .fargateProfile()
                .tags())
        .isEqualTo(Map.of("team", "payments"));
  }

  @Test
  void everyClusterHasItsOwnOidcIssuer() {
    SeededFleet seeded = aws.seeder().seed(FleetSeed.fleet().cluster(ClusterSeed.cluster("dev-2")));

    String first = issuer("dev-1");
    String second = seeded.cluster("dev-2").issuer();

    assertThat(first).matches("https://oidc\\.eks\\.eu-west-1\\.amazonaws\\.com/id/[0-9A-F]{32}");
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void tagsOnUnknownArnAreNotFound() {
    String arn = nodegroup("ng-a", scaling(1, 3, 2)).nodegroupArn() + "0";

    assertAwsError(
        () -> eks.listTagsForResource(r -> r.resourceArn(arn)), 404, "NotFoundException");
    assertAwsError(
        () -> eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("a", "b"))),
        404,
        "NotFoundException");
  }

  @Test
  void listingTheGroupsOrProfilesOfAnUnknownClusterIsNotFound() {
    assertAwsError(
        () -> eks.listNodegroups(r -> r.clusterName("gone")), 404, "ResourceNotFoundException");
    assertAwsError(
        () -> eks.listFargateProfiles(r -> r.clusterName("gone")),
        404,
        "ResourceNotFoundException");
  }

  @Test
  void reservedAwsTagPrefixIsABadRequest() {
    String arn = nodegroup("ng-a", scaling(1, 3, 2)).nodegroupArn();

    assertAwsError(
        () -> eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("aws:x", "y"))),
        400,
        "BadRequestException");
  }

  @Test
  void updateNodegroupConfigRejectsWhatEksRejectsAndKeepsTheOldSizes() {
    nodegroup("ng-a", scaling(1, 3, 2));

    assertInvalidScaling(scaling(0, 0, 0), "max capacity can't be less than 1");
    assertInvalidScaling(NodegroupScalingConfig.builder().minSize(4).build(), "Minimum capacity 4");
    assertInvalidScaling(
        NodegroupScalingConfig.builder().desiredSize(5).build(), "Desired capacity 5");
    assertInvalidScaling(scaling(2, 3, 1), "Desired capacity 1 can't be lower than min size 2");

    assertThat(sizes("ng-a")).isEqualTo(scaling(1, 3, 2));
  }

  @Test
  void updateNodegroupConfigStoresTheNightStateWithoutTouchingOtherGroups() {
    nodegroup("ng-a", null);
    nodegroup("ng-b", null);

    eks.updateNodegroupConfig(
        r -> r.clusterName("dev-1").nodegroupName("ng-a").scalingConfig(scaling(0, 2, 0)));

    assertThat(sizes("ng-a")).isEqualTo(scaling(0, 2, 0));
    assertThat(sizes("ng-b")).isEqualTo(scaling(2, 2, 2));
  }

  @Test
  void createFargateProfileRejectsReservedNamesAndTooManySelectors() {
    assertAwsError(() -> fargateProfile("eks-team-a", 1), 400, "InvalidParameterException");
    assertAwsError(() -> fargateProfile("team-a", 6), 400, "InvalidParameterException");

    assertThat(eks.listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames())
        .isEmpty();
  }

  @Test
  void createFargateProfileStopsAtTenPerCluster() {
    for (int i = 0; i < 10; i++) {
      fargateProfile("p" + i, 5);
    }

    assertAwsError(() -> fargateProfile("p10", 1), 400, "ResourceLimitExceededException");
  }

  @Test
  void createOpenIdConnectProviderValidatesThumbprints() {
    assertAwsError(() -> createProvider(Collections.nCopies(6, THUMBPRINT)), 400, "InvalidInput");
    assertAwsError(() -> createProvider(List.of(THUMBPRINT.substring(1))), 400, "ValidationError");
    assertAwsError(
        () -> createProvider(List.of("z" + THUMBPRINT.substring(1))), 400, "InvalidInput");

    assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
  }

  @Test
  void updateThumbprintValidatesAndReplacesTheWholeList() {
    String arn = createProvider(List.of(THUMBPRINT));

    assertAwsError(() -> updateThumbprints(arn, List.of()), 400, "InvalidInput");
    assertAwsError(
        () -> updateThumbprints(arn, Collections.nCopies(6, THUMBPRINT)), 400, "InvalidInput");
    assertAwsError(() -> updateThumbprints(arn, List.of("abc")), 400, "ValidationError");
    assertThat(thumbprints(arn)).containsExactly(THUMBPRINT);

    updateThumbprints(arn, List.of(OTHER_THUMBPRINT));

    assertThat(thumbprints(arn)).containsExactly(OTHER_THUMBPRINT);
  }

  // --- Opt-in realism (local/moto/options.py), switched per test through LocalAws.options ---

  @Test
  void optionsSwitchPerTestAndResetRestoresTheDefaults() throws Exception {
    Map<String, Object> defaults = aws.options();

    Map<String, Object> changed = aws.options(Map.of("transitionSeconds", 2, "tagRules", true));

    assertThat(changed)
        .containsEntry("transitionSeconds", new BigDecimal("2.0"))
        .containsEntry("tagRules", true)
        .containsEntry("privateSubnets", false);
    assertThatThrownBy(() -> aws.options(Map.of("transitionSecs", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown options");
    assertThatThrownBy(() -> aws.options(Map.of("requestLimitShare", 1.5)))
        .isInstanceOf(IllegalArgumentException.class);
    aws.reset();
    assertThat(aws.options()).isEqualTo(defaults).containsEntry("tagRules", false);
    assertThat(defaults).containsEntry("transitionSeconds", new BigDecimal("0.0"));
  }

  @Test
  void sqsTimersRunAtTheScaleAskedForAndResetToRealTime() throws Exception {
    software.amazon.awssdk.services.sqs.SqsClient sqs =
        aws.client(
            software.amazon.awssdk.services.sqs.SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.create()));
    String queue = sqs.createQueue(r -> r.queueName("timers")).queueUrl();
    aws.options(Map.of("sqsTimeScale", 0.01));

    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("delayed").delaySeconds(300));
    assertThat(sqs.receiveMessage(r -> r.queueUrl(queue)).messages()).isEmpty();
    Thread.sleep(3_500);
    var got = sqs.receiveMessage(r -> r.queueUrl(queue).visibilityTimeout(200)).messages();
    assertThat(got).extracting(m -> m.body()).containsExactly("delayed");
    assertThat(sqs.receiveMessage(r -> r.queueUrl(queue)).messages()).isEmpty();
    Thread.sleep(2_500);
    assertThat(sqs.receiveMessage(r -> r.queueUrl(queue)).messages()).hasSize(1);

    aws.reset();
    String again = sqs.createQueue(r -> r.queueName("timers")).queueUrl();
    sqs.sendMessage(r -> r.queueUrl(again).messageBody("real").delaySeconds(5));
    Thread.sleep(1_000);
    assertThat(sqs.receiveMessage(r -> r.queueUrl(again)).messages()).isEmpty();
    assertThat(aws.options()).containsEntry("sqsTimeScale", new BigDecimal("1.0"));
  }

  @Test
  void aClusterStaysCreatingAndTakesNoGroupsOrProfilesMeanwhile() {
    aws.options(Map.of("transitionSeconds", 1));

    String status =
        eks.createCluster(
                r -> r.name("dev-2").roleArn(ROLE).resourcesVpcConfig(v -> v.subnetIds("s")))
            .cluster()
            .statusAsString();

    assertThat(status).isEqualTo("CREATING");
    assertAwsError(() -> nodegroupIn("dev-2", "ng-a"), 400, "InvalidRequestException");
    assertAwsError(() -> profileIn("dev-2", "team-a"), 400, "InvalidRequestException");
    awaitStatus(() -> eks.describeCluster(r -> r.name("dev-2")).cluster().statusAsString());
    assertThat(nodegroupIn("dev-2", "ng-a").statusAsString()).isEqualTo("CREATING");
  }

  @Test
  void updateNodegroupConfigOnlyWhenActiveAndTheGroupStaysUpdating() {
    aws.options(Map.of("transitionSeconds", 1));
    nodegroup("ng-a", scaling(1, 3, 2));

    assertAwsError(() -> nightState("ng-a"), 409, "ResourceInUseException");
    awaitStatus(() -> group("ng-a").statusAsString());
    Update update = nightState("ng-a");

    assertThat(update.statusAsString()).isEqualTo("InProgress");
    assertThat(group("ng-a").statusAsString()).isEqualTo("UPDATING");
    assertThat(sizes("ng-a")).isEqualTo(scaling(0, 3, 0));
    assertAwsError(() -> nightState("ng-a"), 409, "ResourceInUseException");
    assertAwsError(
        () -> eks.updateNodegroupVersion(r -> r.clusterName("dev-1").nodegroupName("ng-a")),
        409,
        "ResourceInUseException");
    awaitStatus(() -> group("ng-a").statusAsString());
    assertThat(
            eks.describeUpdate(r -> r.name("dev-1").nodegroupName("ng-a").updateId(update.id()))
                .update()
                .statusAsString())
        .isEqualTo("Successful");
  }

  @Test
  void aRepeatedRequestTokenGetsTheSameUpdateEvenWhileUpdating() {
    nodegroup("ng-a", scaling(1, 3, 2));
    aws.options(Map.of("nodegroupTransitionSeconds", 1));
    NodegroupScalingConfig night = scaling(0, 1, 0);

    Update first = updateWithToken("ng-a", night, "down-1");
    // The same request again (a retry whose first answer was lost): EKS's clientRequestToken.
    Update again = updateWithToken("ng-a", night, "down-1");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(group("ng-a").statusAsString()).isEqualTo("UPDATING");
    assertAwsError(() -> updateWithToken("ng-a", night, "down-2"), 409, "ResourceInUseException");
    assertAwsError(
        () -> updateWithToken("ng-a", scaling(0, 1, 1), "down-1"),
        400,
        "InvalidParameterException");
    assertThat(sizes("ng-a")).isEqualTo(night);
  }

  @Test
  void aRepeatedCreateTokenGetsTheSameFargateProfileInsteadOfAConflict() {
    aws.options(Map.of("fargateProfileTransitionSeconds", 1));
    FargateProfile first = profileWithToken("team-a", "team-a", "create-1");
    // The same request again (a retry whose first answer was lost), while it is still CREATING.
    FargateProfile again = profileWithToken("team-a", "team-a", "create-1");

    assertThat(again.fargateProfileArn()).isEqualTo(first.fargateProfileArn());
    assertThat(again.statusAsString()).isEqualTo("CREATING");
    assertAwsError(
        () -> profileWithToken("team-a", "other", "create-1"), 400, "InvalidParameterException");
    awaitStatus(() -> profile("team-a").statusAsString());
    assertThat(profileWithToken("team-a", "team-a", "create-1").statusAsString())
        .isEqualTo("ACTIVE");
    // Without the token (or with another) the name is taken, as on AWS.
    assertAwsError(
        () -> profileWithToken("team-a", "team-a", "create-2"), 409, "ResourceInUseException");
    assertThat(eks.listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames())
        .containsExactly("team-a");
  }

  @Test
  void aDegradedGroupStillTakesScalingAndStaysDegradedUntilAScaleOutSucceeds() {
    aws.options(Map.of("nodegroupTransitionSeconds", 1));
    nodegroup("ng-a", scaling(1, 3, 2));
    assertThatThrownBy(() -> aws.nodegroupStatus("dev-1", "ng-a", "DEGRADED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CREATING");
    aws.settle();

    aws.nodegroupStatus("dev-1", "ng-a", "DEGRADED");

    assertThat(group("ng-a").statusAsString()).isEqualTo("DEGRADED");
    assertThat(group("ng-a").health().issues())
        .singleElement()
        .satisfies(i -> assertThat(i.codeAsString()).isEqualTo("AsgInstanceLaunchFailures"));
    Update update = nightState("ng-a");
    assertThat(update.statusAsString()).isEqualTo("InProgress");
    assertThat(group("ng-a").statusAsString()).isEqualTo("UPDATING");
    assertAwsError(() -> nightState("ng-a"), 409, "ResourceInUseException");
    aws.settle();
    assertThat(group("ng-a").statusAsString()).isEqualTo("DEGRADED");
    assertThat(sizes("ng-a")).isEqualTo(scaling(0, 3, 0));
    assertAwsError(
        () -> eks.updateNodegroupVersion(r -> r.clusterName("dev-1").nodegroupName("ng-a")),
        409,
        "ResourceInUseException");

    aws.nodegroupStatus("dev-1", "ng-a", "ACTIVE");

    assertThat(group("ng-a").statusAsString()).isEqualTo("ACTIVE");
    assertThat(group("ng-a").health().issues()).isEmpty();
    assertThatThrownBy(() -> aws.nodegroupStatus("dev-1", "ng-a", "DELETE_FAILED"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> aws.nodegroupStatus("dev-1", "nope", "DEGRADED"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTransitionsEndpointSaysHowLongUntilEverythingHasSettled() {
    LocalOptions local = new LocalOptions(aws.endpoint());
    assertThat(local.pendingTransitionSeconds()).isZero();
    aws.options(Map.of("nodegroupTransitionSeconds", 2));

    nodegroup("ng-a", scaling(1, 3, 2));

    assertThat(local.pendingTransitionSeconds()).isBetween(0.5, 2.0);
    aws.settle();
    assertThat(local.pendingTransitionSeconds()).isZero();
    assertThat(group("ng-a").statusAsString()).isEqualTo("ACTIVE");
  }

  @Test
  void postingToTheTransitionsEndpointEndsEveryTransitionAtOnce() {
    LocalOptions local = new LocalOptions(aws.endpoint());
    aws.options(Map.of("nodegroupTransitionSeconds", 3600));
    nodegroup("ng-a", scaling(1, 3, 2));
    assertThat(group("ng-a").statusAsString()).isEqualTo("CREATING");

    local.endTransitions();

    assertThat(local.pendingTransitionSeconds()).isZero();
    assertThat(group("ng-a").statusAsString()).isEqualTo("ACTIVE");
  }

  @Test
  void updateNodegroupVersionUpdatesAndLeavesTheGroupUpdating() {
    nodegroup("ng-a", scaling(1, 3, 2));
    aws.options(Map.of("nodegroupTransitionSeconds", 1));

    Update update =
        eks.updateNodegroupVersion(
                r -> r.clusterName("dev-1").nodegroupName("ng-a").releaseVersion("1.31.0-x"))
            .update();

    assertThat(update.typeAsString()).isEqualTo("VersionUpdate");
    assertThat(update.statusAsString()).isEqualTo("InProgress");
    assertThat(group("ng-a").statusAsString()).isEqualTo("UPDATING");
    assertThat(group("ng-a").releaseVersion()).isEqualTo("1.31.0-x");
  }

  @Test
  void updateClusterConfigLeavesTheClusterUpdatingAndClosedToNewGroups() {
    aws.options(Map.of("clusterTransitionSeconds", 1));

    Update update =
        eks.updateClusterConfig(r -> r.name("dev-1").logging(l -> l.clusterLogging(List.of())))
            .update();

    assertThat(update.statusAsString()).isEqualTo("InProgress");
    assertThat(eks.describeCluster(r -> r.name("dev-1")).cluster().statusAsString())
        .isEqualTo("UPDATING");
    assertAwsError(
        () ->
            eks.updateClusterConfig(r -> r.name("dev-1").logging(l -> l.clusterLogging(List.of()))),
        409,
        "ResourceInUseException");
    assertAwsError(() -> nodegroup("ng-a", null), 400, "InvalidRequestException");
    awaitStatus(() -> eks.describeCluster(r -> r.name("dev-1")).cluster().statusAsString());
    assertThat(
            eks.describeUpdate(r -> r.name("dev-1").updateId(update.id()))
                .update()
                .statusAsString())
        .isEqualTo("Successful");
  }

  @Test
  void deletedGroupsAndClustersStayDeletingThenAreGone() {
    nodegroup("ng-a", scaling(1, 3, 2));
    aws.options(Map.of("transitionSeconds", 1));

    String status =
        eks.deleteNodegroup(r -> r.clusterName("dev-1").nodegroupName("ng-a"))
            .nodegroup()
            .statusAsString();

    assertThat(status).isEqualTo("DELETING");
    assertThat(eks.listNodegroups(r -> r.clusterName("dev-1")).nodegroups()).contains("ng-a");
    assertAwsError(() -> eks.deleteCluster(r -> r.name("dev-1")), 409, "ResourceInUseException");
    awaitGone(() -> group("ng-a"));
    assertThat(eks.deleteCluster(r -> r.name("dev-1")).cluster().statusAsString())
        .isEqualTo("DELETING");
    assertThat(eks.listClusters().clusters()).contains("dev-1");
    awaitGone(() -> eks.describeCluster(r -> r.name("dev-1")));
    assertThat(eks.listClusters().clusters()).doesNotContain("dev-1");
  }

  @Test
  void onlyOneFargateProfilePerClusterMayBeCreatingOrDeleting() {
    aws.options(Map.of("fargateProfileTransitionSeconds", 1));
    assertThat(profileIn("dev-1", "team-a").statusAsString()).isEqualTo("CREATING");

    assertAwsError(() -> profileIn("dev-1", "team-b"), 409, "ResourceInUseException");
    assertAwsError(() -> deleteProfile("team-a"), 409, "ResourceInUseException");
    awaitStatus(() -> profile("team-a").statusAsString());
    profileIn("dev-1", "team-b");
    awaitStatus(() -> profile("team-b").statusAsString());
    assertThat(deleteProfile("team-a").statusAsString()).isEqualTo("DELETING");
    AwsServiceException e =
        assertAwsError(() -> deleteProfile("team-b"), 409, "ResourceInUseException");
    assertThat(e.awsErrorDetails().errorMessage())
        .contains("currently has Fargate profile team-a in status DELETING");
    awaitGone(() -> profile("team-a"));
    assertThat(eks.listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames())
        .containsExactly("team-b");
  }

  @Test
  void requestLimitFaultsAreInvalidRequestsTheSdkDoesNotRetry() {
    aws.options(Map.of("requestLimitShare", 1.0));

    AwsServiceException e = assertAwsError(eks::listClusters, 400, "InvalidRequestException");

    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Request limit exceeded");
    assertThat(e.numAttempts()).isEqualTo(1);
    assertThat(Retry.isRequestLimit(e)).as("our own backoff recognises it").isTrue();
    assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
    aws.options(Map.of("requestLimitShare", 0.5, "requestLimitSeed", 42));
    List<Boolean> first = limitedCalls(20);
    aws.options(Map.of("requestLimitShare", 0.5, "requestLimitSeed", 42));
    assertThat(limitedCalls(20)).isEqualTo(first).contains(true, false);
    aws.options(Map.of("requestLimitShare", 0.0));
    assertThat(limitedCalls(5)).containsOnly(false);
  }

  @Test
  void fargateProfilesRefusePublicSubnets() {
    Ec2Client ec2 = aws.client(Ec2Client.builder().httpClient(UrlConnectionHttpClient.create()));
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String privateSubnet = subnet(ec2, vpc, "10.0.1.0/24");
    String publicSubnet = subnet(ec2, vpc, "10.0.2.0/24");
    String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
    ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
    String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
    ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
    ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(publicSubnet));
    aws.options(Map.of("privateSubnets", true));

    AwsServiceException e =
        assertAwsError(
            () -> profileOn("team-a", privateSubnet, publicSubnet),
            400,
            "InvalidParameterException");

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo(
            "Subnet " + publicSubnet + " provided in Fargate Profile is not a private subnet");
    assertThat(profileOn("team-a", privateSubnet).subnets()).containsExactly(privateSubnet);
    // Without an explicit association a subnet follows its VPC's main route table.
    String main =
        ec2.describeRouteTables(
                r ->
                    r.filters(
                        f -> f.name("vpc-id").values(vpc),
                        f -> f.name("association.main").values("true")))
            .routeTables()
            .get(0)
            .routeTableId();
    ec2.createRoute(r -> r.routeTableId(main).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
    assertAwsError(() -> profileOn("team-b", privateSubnet), 400, "InvalidParameterException");
  }

  @Test
  void tagRulesRefuseWhatEksRefusesWithEachOperationsErrorCode() {
    String arn = nodegroup("ng-a", scaling(1, 3, 2)).nodegroupArn();
    eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("cost,centre", "a;b")));
    aws.options(Map.of("tagRules", true));

    assertAwsError(
        () -> eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("cost,centre", "x"))),
        400,
        "BadRequestException");
    assertAwsError(
        () -> eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("team", "a;b"))),
        400,
        "BadRequestException");
    assertAwsError(
        () -> eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("k".repeat(129), "x"))),
        400,
        "BadRequestException");
    assertAwsError(
        () -> eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("team", "v".repeat(257)))),
        400,
        "BadRequestException");
    eks.tagResource(
        r -> r.resourceArn(arn).tags(Map.of("Équipe ü 1", "a+b=c.d_e:f/g@h", "k".repeat(128), "")));
    assertThat(eks.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .containsEntry("Équipe ü 1", "a+b=c.d_e:f/g@h");
    assertAwsError(
        () ->
            eks.createCluster(
                r ->
                    r.name("dev-2")
                        .roleArn(ROLE)
                        .resourcesVpcConfig(v -> v.subnetIds("s"))
                        .tags(Map.of("aws:owner", "x"))),
        400,
        "InvalidParameterException");
    assertAwsError(
        () ->
            eks.createNodegroup(
                r ->
                    r.clusterName("dev-1")
                        .nodegroupName("ng-b")
                        .nodeRole(ROLE)
                        .subnets("s")
                        .tags(Map.of("team;x", "a"))),
        400,
        "InvalidParameterException");
    Map<String, String> tooMany = new HashMap<>();
    IntStream.range(0, 51).forEach(i -> tooMany.put("k" + i, "v"));
    assertAwsError(
        () ->
            eks.createFargateProfile(
                r ->
                    r.clusterName("dev-1")
                        .fargateProfileName("team-a")
                        .podExecutionRoleArn(ROLE)
                        .selectors(s -> s.namespace("a"))
                        .tags(tooMany)),
        400,
        "InvalidParameterException");
    assertThat(eks.listClusters().clusters()).containsExactly("dev-1");
  }

  private software.amazon.awssdk.services.eks.model.Nodegroup nodegroup(
      String name, NodegroupScalingConfig scaling) {
    return eks.createNodegroup(
            r ->
                r.clusterName("dev-1")
                    .nodegroupName(name)
                    .nodeRole(ROLE)
                    .subnets("s")
                    .scalingConfig(scaling))
        .nodegroup();
  }

  private software.amazon.awssdk.services.eks.model.FargateProfile fargateProfile(
      String name, int selectors) {
    List<FargateProfileSelector> list =
        java.util.stream.IntStream.range(0, selectors)
            .mapToObj(i -> FargateProfileSelector.builder().namespace("ns-" + i).build())
            .toList();
    return eks.createFargateProfile(
            r ->
                r.clusterName("dev-1")
                    .fargateProfileName(name)
                    .podExecutionRoleArn(ROLE)
                    .selectors(list))
        .fargateProfile();
  }

  private software.amazon.awssdk.services.eks.model.Nodegroup nodegroupIn(
      String cluster, String name) {
    return eks.createNodegroup(
            r -> r.clusterName(cluster).nodegroupName(name).nodeRole(ROLE).subnets("s"))
        .nodegroup();
  }

  private FargateProfile profileIn(String cluster, String name) {
    return eks.createFargateProfile(
            r ->
                r.clusterName(cluster)
                    .fargateProfileName(name)
                    .podExecutionRoleArn(ROLE)
                    .selectors(s -> s.namespace(name)))
        .fargateProfile();
  }

  private FargateProfile profileOn(String name, String... subnets) {
    return createProfile(name, r -> r.subnets(subnets).selectors(s -> s.namespace(name)));
  }

  private FargateProfile profileWithToken(String name, String namespace, String token) {
    return createProfile(
        name, r -> r.selectors(s -> s.namespace(namespace)).clientRequestToken(token));
  }

  private FargateProfile createProfile(
      String name, java.util.function.Consumer<CreateFargateProfileRequest.Builder> rest) {
    return eks.createFargateProfile(
            r ->
                rest.accept(
                    r.clusterName("dev-1").fargateProfileName(name).podExecutionRoleArn(ROLE)))
        .fargateProfile();
  }

  private FargateProfile deleteProfile(String name) {
    return eks.deleteFargateProfile(r -> r.clusterName("dev-1").fargateProfileName(name))
        .fargateProfile();
  }

  private FargateProfile profile(String name) {
    return eks.describeFargateProfile(r -> r.clusterName("dev-1").fargateProfileName(name))
        .fargateProfile();
  }

  private software.amazon.awssdk.services.eks.model.Nodegroup group(String name) {
    return eks.describeNodegroup(r -> r.clusterName("dev-1").nodegroupName(name)).nodegroup();
  }

  private Update nightState(String nodegroup) {
    return eks.updateNodegroupConfig(
            r -> r.clusterName("dev-1").nodegroupName(nodegroup).scalingConfig(scaling(0, 3, 0)))
        .update();
  }

  private static String subnet(Ec2Client ec2, String vpc, String cidr) {
    return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr)).subnet().subnetId();
  }

  /** Which of n listings the local AWS answered with its request-limit fault. */
  private List<Boolean> limitedCalls(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i -> {
              try {
                eks.listClusters();
                return false;
              } catch (InvalidRequestException e) {
                return true;
              }
            })
        .toList();
  }

  private Update updateWithToken(String nodegroup, NodegroupScalingConfig scaling, String token) {
    return eks.updateNodegroupConfig(
            r ->
                r.clusterName("dev-1")
                    .nodegroupName(nodegroup)
                    .scalingConfig(scaling)
                    .clientRequestToken(token))
        .update();
  }

  /** Polls until the status is ACTIVE: transitions in these tests last 1 s. */
  private static void awaitStatus(Supplier<String> status) {
    long deadline = System.nanoTime() + TRANSITION_WAIT.toNanos();
    while (!"ACTIVE".equals(status.get())) {
      assertThat(System.nanoTime()).as("still not ACTIVE").isLessThan(deadline);
      pause();
    }
  }

  /** Polls until the describe call answers 404 (the deletion has run its time). */
  private static void awaitGone(Runnable describe) {
    long deadline = System.nanoTime() + TRANSITION_WAIT.toNanos();
    while (true) {
      try {
        describe.run();
      } catch (ResourceNotFoundException e) {
        return;
      }
      assertThat(System.nanoTime()).as("still there").isLessThan(deadline);
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String issuer(String cluster) {
    return eks.describeCluster(r -> r.name(cluster)).cluster().identity().oidc().issuer();
  }

  private static NodegroupScalingConfig scaling(int min, int max, int desired) {
    return NodegroupScalingConfig.builder().minSize(min).maxSize(max).desiredSize(desired).build();
  }

  private NodegroupScalingConfig sizes(String nodegroup) {
    return eks.describeNodegroup(r -> r.clusterName("dev-1").nodegroupName(nodegroup))
        .nodegroup()
        .scalingConfig();
  }

  private void assertInvalidScaling(NodegroupScalingConfig scaling, String message) {
    AwsServiceException e =
        assertAwsError(
            () ->
                eks.updateNodegroupConfig(
                    r -> r.clusterName("dev-1").nodegroupName("ng-a").scalingConfig(scaling)),
            400,
            "InvalidParameterException");
    assertThat(e.awsErrorDetails().errorMessage()).contains(message);
  }

  private String createProvider(List<String> thumbprints) {
    return iam.createOpenIDConnectProvider(
            r ->
                r.url("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC")
                    .clientIDList("sts.amazonaws.com")
                    .thumbprintList(thumbprints))
        .openIDConnectProviderArn();
  }

  private void updateThumbprints(String arn, List<String> thumbprints) {
    iam.updateOpenIDConnectProviderThumbprint(
        r -> r.openIDConnectProviderArn(arn).thumbprintList(thumbprints));
  }

  private List<String> thumbprints(String arn) {
    return iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).thumbprintList();
  }

  private static AwsServiceException assertAwsError(
      ThrowingCallable call, int status, String code) {
    AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call);
    assertThat(e).as("expected %s (HTTP %d)", code, status).isNotNull();
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    return e;
  }

  @Test
  void macsNeedAnEnabledKey() {
    String key = RecordKeys.ensure(aws);
    var kms =
        aws.client(
            software.amazon.awssdk.services.kms.KmsClient.builder()
                .httpClient(
                    software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()));
    var message = software.amazon.awssdk.core.SdkBytes.fromUtf8String("m");
    var mac =
        kms.generateMac(r -> r.keyId(key).macAlgorithm("HMAC_SHA_256").message(message)).mac();

    String id = kms.describeKey(r -> r.keyId(key)).keyMetadata().keyId(); // moto: not the ARN
    kms.disableKey(r -> r.keyId(id));

    assertThatThrownBy(
            () -> kms.generateMac(r -> r.keyId(key).macAlgorithm("HMAC_SHA_256").message(message)))
        .isInstanceOf(software.amazon.awssdk.services.kms.model.DisabledException.class);
    assertThatThrownBy(
            () ->
                kms.verifyMac(
                    r -> r.keyId(key).macAlgorithm("HMAC_SHA_256").message(message).mac(mac)))
        .isInstanceOf(software.amazon.awssdk.services.kms.model.DisabledException.class);
    kms.enableKey(r -> r.keyId(id));
    assertThat(
            kms.verifyMac(r -> r.keyId(key).macAlgorithm("HMAC_SHA_256").message(message).mac(mac))
                .macValid())
        .isTrue();
  }
}
