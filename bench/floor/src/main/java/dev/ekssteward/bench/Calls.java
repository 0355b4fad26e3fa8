package dev.ekssteward.bench;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The calls-only baseline: the AWS calls one function makes on the schedule tick against the
 * seeded demo fleet, the same operations the same number of times, made one after the other on one
 * thread with clients built like the floor's, and nothing else (no config parsing, planning,
 * report or audit logic). Its cold start is what any program doing that function's calls through
 * the SDK pays at least; the function's own code is the difference. Argument: the function's name.
 */
public final class Calls {
  static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();

  private Calls() {}

  public static void main(String[] args) throws Exception {
    int calls =
        switch (args[0]) {
          case "nodegroup-scheduler" -> scheduler();
          case "oidc-thumbprint-rotator" -> thumbprints();
          case "fargate-profile-reconciler" -> fargate();
          case "tag-enforcer" -> tags();
          case "nodegroup-scheduler-evening" -> Records.evening(true);
          case "nodegroup-scheduler-evening-nokms" -> Records.evening(false);
          case "nodegroup-scheduler-morning" -> Records.morning(true);
          case "nodegroup-scheduler-morning-nokms" -> Records.morning(false);
          default -> throw new IllegalArgumentException("unknown function " + args[0]);
        };
    System.out.println("{\"calls\":" + calls + "}");
  }

  static <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    String endpoint = System.getenv("AWS_ENDPOINT_URL");
    builder
        .region(Region.of(System.getenv("AWS_REGION")))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))));
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder.build();
  }

  static SsmClient ssm;

  /** GetParameter of one name under the config prefix, through one SSM client, as the functions. */
  static int config(String name) {
    if (ssm == null) {
      ssm = client(SsmClient.builder().httpClient(HTTP));
    }
    try {
      ssm.getParameter(r -> r.name(System.getenv("CONFIG_PREFIX") + name));
    } catch (ParameterNotFoundException e) {
      // A missing parameter is still the call.
    }
    return 1;
  }

  /** The scheduler's state, as SsmSchedulerStore.readAll reads it: recursive, page by page. */
  static int ledger() {
    String root = System.getenv("CONFIG_PREFIX") + "/scheduler";
    int calls = 0;
    String next = null;
    do {
      String token = next;
      next = ssm.getParametersByPath(r -> r.path(root).recursive(true).nextToken(token)).nextToken();
      calls++;
    } while (next != null);
    return calls;
  }

  static List<String> clusters(EksClient eks) {
    return eks.listClusters(r -> r.maxResults(100)).clusters();
  }

  static int publish(int events) {
    EventBridgeClient bus = client(EventBridgeClient.builder().httpClient(HTTP));
    List<PutEventsRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      entries.add(
          PutEventsRequestEntry.builder()
              .eventBusName(System.getenv("AUDIT_BUS"))
              .source("eks-steward")
              .detailType("Baseline")
              .resources("arn:aws:eks:region:account:cluster/c" + i)
              .detail("{\"function\":\"calls-only\",\"dryRun\":true,\"n\":" + i + "}")
              .build());
    }
    bus.putEvents(r -> r.entries(entries));
    return 1;
  }

  /**
   * GetParameter; GetParametersByPath under {@code <prefix>/scheduler} (the scheduler's ledger:
   * the release pause and the index of size records, read once a run); ListClusters; per cluster
   * ListNodegroups, DescribeNodegroup each, and the cluster's tags: ListTagsForResource
   * (DescribeCluster when it has no node group).
   */
  static int scheduler() {
    int calls = config("/config") + ledger();
    EksClient eks = client(EksClient.builder().httpClient(HTTP));
    calls++;
    for (String name : clusters(eks)) {
      String arn = null;
      for (String group : eks.listNodegroups(r -> r.clusterName(name)).nodegroups()) {
        arn = eks.describeNodegroup(r -> r.clusterName(name).nodegroupName(group)).nodegroup()
            .nodegroupArn();
        calls++;
      }
      if (arn == null) {
        eks.describeCluster(r -> r.name(name)).cluster().tags();
      } else {
        String cluster = arn.substring(0, arn.indexOf(":nodegroup/")) + ":cluster/" + name;
        eks.listTagsForResource(r -> r.resourceArn(cluster)).tags();
      }
      calls += 2;
    }
    return calls;
  }

  /**
   * GetParameter; ListOpenIDConnectProviders; ListClusters; per cluster DescribeCluster; per
   * provider GetOpenIDConnectProvider; per issuer a discovery-document fetch; one PutEvents.
   */
  static int thumbprints() throws Exception {
    int calls = config("/config");
    // As the function: IAM is global, the client simply takes the target's region.
    IamClient iam = client(IamClient.builder().httpClient(HTTP));
    List<OpenIDConnectProviderListEntry> providers =
        iam.listOpenIDConnectProviders().openIDConnectProviderList();
    EksClient eks = client(EksClient.builder().httpClient(HTTP));
    calls += 2;
    List<String> issuers = new ArrayList<>();
    for (String name : clusters(eks)) {
      Cluster cluster = eks.describeCluster(r -> r.name(name)).cluster();
      issuers.add(cluster.identity().oidc().issuer());
      calls++;
    }
    for (OpenIDConnectProviderListEntry p : providers) {
      String url = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(p.arn())).url();
      calls++;
      if (issuers.stream().noneMatch(i -> i.endsWith(url))) {
        issuers.add("https://" + url);
      }
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init((java.security.KeyStore) null);
    for (String issuer : issuers) {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      probe(issuer, tls);
    }
    return calls + publish(issuers.size() + 1);
  }

  private static void probe(String issuer, SSLContext tls) {
    try {
      HttpsURLConnection c =
          (HttpsURLConnection)
              new URL(issuer + "/.well-known/openid-configuration").openConnection(Proxy.NO_PROXY);
      c.setSSLSocketFactory(tls.getSocketFactory());
      c.setConnectTimeout(2000);
      c.setReadTimeout(2000);
      c.getResponseCode();
      c.disconnect();
    } catch (IOException e) {
      // The demo's issuers do not resolve here; the attempt is the work.
    }
  }

  /**
   * GetParameter (config, then each cluster's desired state); ListClusters; the profiles; the
   * cluster's tags (eks-steward/exclude): ListTagsForResource on the cluster ARN a profile's ARN
   * gives, DescribeCluster where the cluster has no profile.
   */
  static int fargate() {
    int calls = config("/config");
    EksClient eks = client(EksClient.builder().httpClient(HTTP));
    calls++;
    for (String name : clusters(eks)) {
      calls += config("/fargate/" + name);
      calls++;
      String profileArn = null;
      for (String profile : eks.listFargateProfiles(r -> r.clusterName(name)).fargateProfileNames()) {
        profileArn =
            eks.describeFargateProfile(r -> r.clusterName(name).fargateProfileName(profile))
                .fargateProfile()
                .fargateProfileArn();
        calls++;
      }
      if (profileArn == null) {
        eks.describeCluster(r -> r.name(name));
      } else {
        String clusterArn =
            profileArn.substring(0, profileArn.indexOf(":fargateprofile/")) + ":cluster/" + name;
        eks.listTagsForResource(r -> r.resourceArn(clusterArn));
      }
      calls++;
    }
    return calls + publish(2);
  }

  /**
   * The scheduler's reads, then each cluster's ASGs and Fargate profiles; two PutEvents, as the
   * function publishes a scope's audit events as its apply ends and the sweep's summary last.
   */
  static int tags() {
    int calls = config("/config");
    EksClient eks = client(EksClient.builder().httpClient(HTTP));
    AutoScalingClient asg = client(AutoScalingClient.builder().httpClient(HTTP));
    calls++;
    for (String name : clusters(eks)) {
      eks.describeCluster(r -> r.name(name)).cluster().tags();
      calls += 2;
      List<String> groups = new ArrayList<>();
      for (String group : eks.listNodegroups(r -> r.clusterName(name)).nodegroups()) {
        Nodegroup ng =
            eks.describeNodegroup(r -> r.clusterName(name).nodegroupName(group)).nodegroup();
        ng.resources().autoScalingGroups().forEach(g -> groups.add(g.name()));
        calls++;
      }
      asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames(groups));
      calls += 2;
      for (String profile : eks.listFargateProfiles(r -> r.clusterName(name)).fargateProfileNames()) {
        eks.describeFargateProfile(r -> r.clusterName(name).fargateProfileName(profile));
        calls++;
      }
    }
    return calls + publish(8) + publish(1);
  }
}
