package dev.ekssteward.local.runner;

import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecordKeys;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.FleetSeedJson;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The moto local/demo seeds: seeding it (the demo's fleet description, the shared seeder), and its
 * reads and writes (ShrunkJarIT).
 */
final class DemoMoto {
  static final String PREFIX = "/eks-steward";
  static final String AUDIT_QUEUE = "eks-steward-audit-tap"; // local/demo-fleet/fleet.json

  private final LocalAws aws;

  DemoMoto(LocalAws aws) {
    this.aws = aws;
  }

  /** Seeds this moto with the demo fleet, as local/demo does (its SeedCommand, in-process). */
  void seed() {
    aws.seeder()
        .seed(FleetSeedJson.read(LocalInvokeProcess.ROOT.resolve("local/demo-fleet/fleet.json")));
    RecordKeys.ensure(aws); // the template's RecordKey, as local/demo creates it
  }

  String demoConfig() throws IOException {
    return Files.readString(LocalInvokeProcess.ROOT.resolve("local/demo-fleet/config.json"));
  }

  void putConfig(String json) {
    aws.seeder().seed(FleetSeed.fleet().config(json)); // under PREFIX, the default
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
