package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.local.runner.JarRuns.Function;
import dev.ekssteward.local.runner.LocalInvokeProcess.Run;
import dev.ekssteward.shared.testing.FanOutDrill;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.ProviderSeed;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The deployable jars are ProGuard-shrunk (functions/proguard.pro): this runs each shrunk jar and
 * its unshrunk shaded original ({@code target/<f>-unshrunk.jar}) through {@code local/invoke}, as a
 * user would, on every event file its function handles, against the same seeded moto, and asserts
 * the replies are the same. Then the shrunk jar alone runs live (it must change moto), a fan-out
 * batch, and paths where moto answers with AWS errors (the SDK's modelled exceptions must still be
 * there to be unmarshalled and caught).
 */
class ShrunkJarIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();
  private static final DemoMoto moto = new DemoMoto(aws);

  private static final Path ROOT = LocalInvokeProcess.ROOT;
  private static final String TICK = JarRuns.TICK;

  @TempDir Path temp;
  private JarRuns jars;

  @BeforeEach
  void runner() {
    jars = new JarRuns(aws, temp);
  }

  @ParameterizedTest
  @EnumSource(Function.class)
  void shrunkJarRepliesAsTheUnshrunkJarToEveryEventThenChangesMotoLive(Function function)
      throws Exception {
    seedDemoFleet();
    Path unshrunk = jars.unshrunkTemplate();
    Path dry = jars.envVars(Map.of());
    int work = 0;
    for (String event : function.events()) {
      Run[] both = jars.both(function, event, dry, unshrunk);
      Run shrunk = both[0];
      Run original = both[1];

      assertThat(shrunk.exit()).as("%s %s: %s", function, event, shrunk.stderr()).isZero();
      assertThat(original.exit()).as("%s %s: %s", function, event, original.stderr()).isZero();
      assertThat(Replies.comparable(shrunk.json()))
          .as("%s on %s: shrunk vs unshrunk reply", function, event)
          .isEqualTo(Replies.comparable(original.json()));
      assertThat(shrunk.json()).containsEntry("dryRun", true);
      work +=
          Replies.size(shrunk.json().get("planned")) + Replies.size(shrunk.json().get("findings"));
    }
    assertThat(work).as("the runs planned or found something").isPositive();

    moto.purgeAuditQueue();
    Run live = jars.invoke(function, TICK, jars.envVars(Map.of("DRY_RUN", "false")), null);
    assertThat(live.exit()).as(live.stderr()).isZero();
    assertThat(live.json()).containsEntry("dryRun", false).containsEntry("status", "ok");
    assertChangedLive(function, live);
  }

  @Test
  void aFanOutBatchRunsThroughTheShrunkJar() throws Exception {
    seedDemoFleet();
    String queue = moto.sqs().createQueue(r -> r.queueName("eks-steward-fanout")).queueUrl();
    // Two targets (this account and a member account assumed through STS): the tick fans out.
    String config = moto.demoConfig();
    String targets =
        "{\"targets\": {\"accounts\": [{\"accountId\": \"%s\", \"roleName\": \"%s\"}]}, "
            .formatted(FanOutDrill.MEMBER_ACCOUNT, FanOutDrill.MEMBER_ROLE);
    moto.putConfig(targets + config.strip().substring(1));
    Path live = jars.envVars(Map.of("DRY_RUN", "false", "FANOUT_QUEUE_URL", queue));

    Run tick = jars.invoke(Function.TAGGING, TICK, live, null);
    assertThat(tick.exit()).as(tick.stderr()).isZero();
    assertThat(tick.json()).containsEntry("status", "fanned-out");
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 5 && messages.size() < 2; i++) {
      messages.addAll(
          moto.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages());
    }
    assertThat(messages).hasSize(2);
    assertThat(moto.clusterTags("staging-1")).doesNotContainKey("cost-center");

    Path batch = temp.resolve("batch.json");
    Files.writeString(batch, Replies.json(FanOutDrill.sqsEvent(messages)));
    Run run = jars.invoke(Function.TAGGING, batch.toString(), live, null);

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.json()).isEqualTo(Map.of("batchItemFailures", List.of()));
    // This account's message did the work: the cluster is tagged now.
    assertThat(moto.clusterTags("staging-1"))
        .containsEntry("cost-center", "0000")
        .containsEntry("env", "staging");
    assertThat(run.stderr()).contains("\"message\":\"report\"");
  }

  @Test
  void awsErrorsFromMotoReachTheShrunkJarAsTheSdksModelledExceptions() throws Exception {
    Path unshrunk = jars.unshrunkTemplate();
    Path dry = jars.envVars(Map.of());

    // SSM (AWS JSON): no config parameter → ParameterNotFoundException → the defaults.
    Map<String, Object> noConfig = jars.same(Function.TAGGING, TICK, dry, unshrunk);
    assertThat(noConfig).containsEntry("config", "defaults").containsEntry("status", "ok");
    // EventBridge (AWS JSON): no audit bus → ResourceNotFoundException → counted, not thrown.
    assertThat(noConfig.get("metrics").toString()).contains("AuditPublishFailed=1.0");

    moto.putConfig(moto.demoConfig());
    // EKS (REST JSON): DescribeCluster on a missing cluster → ResourceNotFoundException.
    assertOnlySkip(
        jars.same(Function.TAGGING, "tagging-create-cluster.json", dry, unshrunk),
        "cluster not found");
    // IAM (query, XML errors): GetOpenIDConnectProvider on a missing one → NoSuchEntityException.
    assertOnlySkip(
        jars.same(Function.THUMBPRINT, "thumbprint-update-thumbprint.json", dry, unshrunk),
        "provider no longer exists");
  }

  /** The reply plans exactly one action, a Skip whose reason contains {@code reason}. */
  private static void assertOnlySkip(Map<String, Object> reply, String reason) {
    assertThat(reply)
        .extracting(r -> r.get("planned"), InstanceOfAssertFactories.LIST)
        .singleElement()
        .asString()
        .contains("type=Skip")
        .contains("reason=" + reason);
  }

  /**
   * The thumbprint rotator's write path through the shrunk jar: a CA change at a local issuer (an
   * extra issuer, trusted through the documented extra trust store) rotates the IAM OIDC provider's
   * thumbprints in moto, the new one first and the old one kept.
   */
  @Test
  void aCaChangeAtAnIssuerRotatesTheProvidersThumbprintThroughTheShrunkJar() throws Exception {
    TestPki.Chain before = TestPki.chain("before");
    TestPki.Chain after = TestPki.chain("after");
    String old = before.thumbprint();
    Path store =
        TestPki.trustStore(temp.resolve("issuers.p12"), List.of(before.root(), after.root()));
    IamClient iam = aws.client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()));
    try (LocalIssuer server = LocalIssuer.start(after)) {
      String issuer = server.origin() + "/tenant/a";
      String arn =
          aws.seeder()
              .seed(
                  FleetSeed.fleet()
                      .config("{\"thumbprints\":{\"extraIssuers\":[\"" + issuer + "\"]}}")
                      .provider(ProviderSeed.issuer(issuer).thumbprints(old)))
              .providerArn(issuer);
      // The extra trust store as a user names it (docs/oidc-thumbprint-rotator.md); the
      // template's JIT flags do not matter to this run.
      String trust =
          "-Deks-steward.extraTrustStore=%s -Deks-steward.extraTrustStorePassword=%s"
              .formatted(store, new String(TestPki.PASSWORD));

      Run run =
          jars.invoke(
              Function.THUMBPRINT,
              TICK,
              jars.envVars(Map.of("DRY_RUN", "false", "JAVA_TOOL_OPTIONS", trust)),
              null);

      assertThat(run.exit()).as(run.stderr()).isZero();
      assertThat(run.json().get("applied")).asString().contains(arn);
      assertThat(
              iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).thumbprintList())
          .containsExactly(after.thumbprint(), old);
    }
  }

  /**
   * What the SDK and our code load by name ({@code Class.forName}, {@code loadClass}, probes for
   * optional modules) is named by a string constant in the code that does it. Every such name in
   * the shrunk jar's code that the unshrunk jar holds must still be in the shrunk jar; otherwise a
   * keep rule is missing (this found the event-stream signer's marker class).
   */
  @ParameterizedTest
  @EnumSource(Function.class)
  void everyClassTheShrunkCodeNamesInAStringIsStillThere(Function function) throws Exception {
    Path target = ROOT.resolve("functions/" + function.module + "/target");
    try (ZipFile shrunk = new ZipFile(target.resolve(function.module + ".jar").toFile());
        ZipFile unshrunk =
            new ZipFile(target.resolve(function.module + "-unshrunk.jar").toFile())) {
      List<String> missing = new ArrayList<>();
      int named = 0;
      for (ZipEntry entry : Collections.list(shrunk.entries())) {
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        for (String s : ClassStrings.of(shrunk.getInputStream(entry).readAllBytes())) {
          String file = s.replace('.', '/') + ".class";
          if (CLASS_NAME.matcher(s).matches() && unshrunk.getEntry(file) != null) {
            named++;
            if (shrunk.getEntry(file) == null) {
              missing.add(s + " (named in " + entry.getName() + ")");
            }
          }
        }
      }
      assertThat(missing).isEmpty();
      // The SDK's HTTP-service and STS credential-factory lookups at least.
      assertThat(named).isGreaterThanOrEqualTo(3);
    }
  }

  private static final Pattern CLASS_NAME =
      Pattern.compile("([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");

  /** What the live tick must have changed in moto (the demo fleet, seeded as in local/demo). */
  private void assertChangedLive(Function function, Run live) throws Exception {
    switch (function) {
      case SCHEDULER -> {
        // Today is a holiday of the office-hours schedule (seedDemoFleet): its groups go down.
        assertThat(moto.nodegroup("dev-1", "general").scalingConfig().desiredSize()).isZero();
        assertThat(moto.nodegroup("dev-1", "batch").scalingConfig().desiredSize()).isZero();
        assertThat(moto.nodegroup("staging-1", "web").scalingConfig().desiredSize()).isZero();
        assertThat(moto.nodegroup("dev-1", "always-on").scalingConfig().desiredSize()).isEqualTo(2);
      }
      case THUMBPRINT -> {
        // Offline, no issuer answers, so no thumbprint may change; the live run still reports
        // that to the audit bus, which delivers it to the demo's tap queue in moto.
        assertThat(live.json().get("applied"))
            .asInstanceOf(InstanceOfAssertFactories.LIST)
            .isEmpty();
        assertThat(moto.auditQueueBodies())
            .anySatisfy(b -> assertThat(b).contains("Thumbprint Check Failed"));
      }
      case FARGATE ->
          assertThat(
                  aws.eks().listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames())
              .contains("team-a", "jobs", "legacy");
      case TAGGING ->
          assertThat(moto.clusterTags("staging-1"))
              .containsEntry("cost-center", "0000")
              .containsEntry("env", "staging");
    }
    assertThat(Replies.size(live.json().get("applied")) + Replies.size(live.json().get("findings")))
        .isPositive();
  }

  // --- the local AWS ----------------------------------------------------------------------------

  /**
   * local/demo's fleet (clusters, node groups, Fargate profiles and their desired state, OIDC
   * providers, the config parameter, the audit bus and its tap queue), seeded as local/demo does.
   * Then one change, so the scheduler has work whatever the time: today (in the schedule's zone and
   * in UTC) is a holiday of the office-hours schedule, and groups just created may go down at once.
   */
  private void seedDemoFleet() throws Exception {
    moto.seed();

    LocalDate berlin = LocalDate.now(ZoneId.of("Europe/Berlin"));
    LocalDate utc = LocalDate.now(ZoneOffset.UTC);
    String config =
        moto.demoConfig()
            .replace("\"gracePeriodMinutes\": 30", "\"gracePeriodMinutes\": 0")
            .replace(
                "\"holidays\": [\"2026-12-25\"]",
                "\"holidays\": [\"%s\", \"%s\"]"
                    .formatted(berlin, utc.equals(berlin) ? "2026-12-25" : utc));
    assertThat(config).contains("\"gracePeriodMinutes\": 0").doesNotContain("[\"2026-12-25\"]");
    moto.putConfig(config);
  }
}
