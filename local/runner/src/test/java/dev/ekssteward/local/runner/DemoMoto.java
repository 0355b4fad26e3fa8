package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.local.runner.LocalInvokeProcess.Run;
import dev.ekssteward.shared.testing.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The moto local/demo.py seeds: seeding it, and its reads and writes (ShrunkJarIT, ColdPathIT). */
final class DemoMoto {
  static final String PREFIX = "/eks-steward";
  static final String AUDIT_QUEUE = "eks-steward-audit-tap"; // local/demo-fleet/fleet.json

  private final LocalAws aws;

  DemoMoto(LocalAws aws) {
    this.aws = aws;
  }

  /** Seeds this moto with the demo fleet, as local/demo does ({@code local/demo.py seed}). */
  void seed(Path temp) throws Exception {
    Run seed =
        LocalInvokeProcess.command(
            aws,
            temp,
            JarRuns.KEYS,
            List.of(
                "python3", LocalInvokeProcess.ROOT.resolve("local/demo.py").toString(), "seed"));
    assertThat(seed.exit()).as(seed.stdout() + seed.stderr()).isZero();
  }

  String demoConfig() throws IOException {
    return Files.readString(LocalInvokeProcess.ROOT.resolve("local/demo-fleet/config.json"));
  }

  void putConfig(String json) {
    aws.ssm()
        .putParameter(
            r -> r.name(PREFIX + "/config").type(ParameterType.STRING).overwrite(true).value(json));
  }

  SqsClient sqs() {
    return aws.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
  }

  void purgeAuditQueue() {
    String url = sqs().getQueueUrl(r -> r.queueName(AUDIT_QUEUE)).queueUrl();
    sqs().purgeQueue(r -> r.queueUrl(url));
  }

  List<String> auditQueueBodies() {
    String url = sqs().getQueueUrl(r -> r.queueName(AUDIT_QUEUE)).queueUrl();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sqs()
          .receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10))
          .messages()
          .forEach(m -> bodies.add(m.body()));
    }
    return bodies;
  }

  Nodegroup nodegroup(String cluster, String name) {
    return aws.eks().describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name)).nodegroup();
  }

  Map<String, String> clusterTags(String cluster) {
    return aws.eks().describeCluster(r -> r.name(cluster)).cluster().tags();
  }
}
