package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static dev.ekssteward.scheduler.MotoFleet.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.request.ProvenRequest;
import dev.ekssteward.shared.request.RequestProof;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.Proofs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What someone who may put events on the requests bus, but holds no proof of who they are (or
 * another's, or an old one), can make the scheduler do: nothing but a {@code Request Refused} audit
 * event naming the field. Each test starts from a fleet that is down at 23:00, which the same
 * request with a valid proof restores ({@link #aProvenWakeRestoresAndNamesItsCaller}), so a silent
 * refusal would show.
 */
class RequestAdversaryIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final Instant NOW = at(0, "23:00");

  private MotoFleet fleet;

  @BeforeEach
  void down() {
    fleet = new MotoFleet(aws).settling();
    fleet.seed(MotoFleet.office());
    fleet.tick(at(0, "19:05"));
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));
  }

  static Map<String, Object> wake(Map<String, Object> detail) {
    return Map.of(
        "version",
        "0",
        "id",
        "wake-1",
        "detail-type",
        "Wake Request",
        "source",
        "eks-steward.requests",
        "account",
        LocalAws.ACCOUNT,
        "time",
        NOW.toString(),
        "region",
        LocalAws.REGION,
        "resources",
        List.of(),
        "detail",
        detail);
  }

  static final Map<String, Object> WEB =
      Map.of("cluster", "dev-1", "nodegroups", List.of("web"), "minutes", 60);

  @Test
  void aProvenWakeRestoresAndNamesItsCaller() {
    Map<String, Object> report = fleet.run(NOW, wake(WEB), false);

    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    for (String type : List.of("Nodegroup Kept Up", "Nodegroup Scaled Up")) {
      assertThat(fleet.sent.audits(type))
          .as(type)
          .singleElement()
          .satisfies(
              a ->
                  assertThat(a.detail().get("request"))
                      .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                      .containsEntry("caller", Proofs.OPERATOR_ARN)
                      .containsEntry("account", LocalAws.ACCOUNT)
                      .containsKey("id"));
    }
  }

  @Test
  void aWakeWithoutProofIsRefusedAndAudited() {
    assertRefused(wake(WEB), "detail.proof: is required");
  }

  @Test
  void aProofOfAnotherActionIsRefused() {
    assertRefused(
        tampered(q -> q.replace("Action=GetCallerIdentity", "Action=GetSessionToken")),
        "only Action=GetCallerIdentity");
  }

  @Test
  void aProofWithAnExtraParameterIsRefused() {
    assertRefused(tampered(q -> q + "&DurationSeconds=900"), "'DurationSeconds' is not allowed");
    assertRefused(
        tampered(q -> q + "&Action=GetCallerIdentity"), "parameter 'Action' is given twice");
  }

  @Test
  void aProofAsAUrlOfAnotherHostIsRefusedAndNothingIsCalled() {
    assertRefused(
        tampered(q -> "https://sts.attacker.example/?" + q),
        "must be the query string of a presigned STS GetCallerIdentity request");
  }

  @Test
  void anExpiredProofIsRefused() {
    Map<String, Object> old =
        Proofs.proven(aws, wake(WEB), NOW.minusSeconds(16 * 60), Proofs.operator(aws));
    assertRefused(old, "detail.proof: expired");
  }

  @Test
  void aProofFromTheFutureIsRefused() {
    Map<String, Object> ahead =
        Proofs.proven(aws, wake(WEB), NOW.plusSeconds(6 * 60), Proofs.operator(aws));
    assertRefused(ahead, "is in the future");
  }

  @Test
  void aProofThatDoesNotSignTheRequestsBindingIsRefused() {
    // Presigned without the binding header: it would prove the caller of any request at all.
    Map<String, Object> detail = new LinkedHashMap<>(WEB);
    detail.put(
        RequestProof.FIELD,
        ProvenRequest.presign(
                "x",
                Proofs.operator(aws),
                LocalAws.REGION,
                aws.endpoint(),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .replaceAll("%3B" + RequestProof.HEADER, "")
            .replaceAll(RequestProof.HEADER + "%3B", ""));
    assertRefused(wake(detail), "X-Amz-SignedHeaders must include host and " + RequestProof.HEADER);
  }

  @Test
  void aProofSignedForAnotherRegionIsRefused() {
    Map<String, Object> detail = new LinkedHashMap<>(WEB);
    detail.put(
        RequestProof.FIELD,
        ProvenRequest.presign(
            ProvenRequest.binding("Wake Request", WEB),
            Proofs.operator(aws),
            "us-east-1",
            aws.endpoint(),
            Clock.fixed(NOW, ZoneOffset.UTC)));
    assertRefused(wake(detail), "signed for STS in us-east-1");
  }

  @Test
  void anOversizedProofIsRefused() {
    assertRefused(
        tampered(
            q -> q + "&X-Amz-Security-Token=" + String.join("", Collections.nCopies(9000, "A"))),
        "longer than 8192 characters");
  }

  @Test
  void aWakeOfMoreThanAHundredGroupsIsIgnoredEvenWithAProof() {
    List<String> many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "ng-" + i).toList();
    Map<String, Object> report =
        fleet.run(NOW, wake(Map.of("cluster", "dev-1", "nodegroups", many)), false);

    assertThat(report.get("status")).isEqualTo("ignored");
    assertThat((String) report.get("reason")).contains("detail.nodegroups: at most 100 names");
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));
  }

  /** A proven wake whose proof query {@code change} rewrites. */
  private Map<String, Object> tampered(UnaryOperator<String> change) {
    Map<String, Object> proven = fleet.proven(NOW, wake(WEB));
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = new LinkedHashMap<>((Map<String, Object>) proven.get("detail"));
    detail.put(RequestProof.FIELD, change.apply((String) detail.get(RequestProof.FIELD)));
    Map<String, Object> out = new LinkedHashMap<>(proven);
    out.put("detail", detail);
    return out;
  }

  private void assertRefused(Map<String, Object> event, String reason) {
    Map<String, Object> report = fleet.runAsSent(NOW, event, false, List.of());

    assertThat(report.get("status")).isEqualTo("refused");
    assertThat((String) report.get("reason")).contains(reason);
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(fleet.recorder.calls())
        .as("not even the config is read")
        .containsExactly("events:PutEvents");
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));
    assertThat(fleet.sent.audits("Request Refused"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.detail())
                    .containsEntry("request", "wake")
                    .containsEntry("senderAccount", LocalAws.ACCOUNT)
                    .containsEntry("function", "nodegroup-scheduler")
                    .hasEntrySatisfying("reason", r -> assertThat((String) r).contains(reason)));
    assertThat(fleet.sent.audits()).hasSize(1);
  }
}
