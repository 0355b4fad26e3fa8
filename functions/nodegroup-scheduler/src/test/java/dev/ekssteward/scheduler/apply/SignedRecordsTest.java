package dev.ekssteward.scheduler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.plan.OriginalScaling;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.trust.RecordKeyException;
import dev.ekssteward.shared.trust.RecordSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one place that writes a signed record: the three callers' refusals read as before. */
class SignedRecordsTest {
  private static final String ARN = "arn:aws:eks:eu-west-1:111122223333:nodegroup/c1/web/x";
  private static final OriginalScaling RECORD =
      OriginalScaling.of(new Sizes(2, 3, 5), Instant.parse("2026-12-01T19:00:00Z"), 1);

  private static final RecordSigner SIGNS =
      new RecordSigner() {
        public byte[] mac(byte[] message) {
          return new byte[32];
        }

        public boolean verify(byte[] message, byte[] mac) {
          return true;
        }
      };

  private static final RecordSigner CANNOT_SIGN =
      new RecordSigner() {
        public byte[] mac(byte[] message) {
          throw new RecordKeyException("key disabled");
        }

        public boolean verify(byte[] message, byte[] mac) {
          throw new RecordKeyException("key disabled");
        }
      };

  /** Answers every tagResource with {@code answer} and remembers the tags it was asked for. */
  private static final class Tagging implements NodegroupApi {
    final Result answer;
    final List<Map<String, String>> tagged = new ArrayList<>();

    Tagging(Result answer) {
      this.answer = answer;
    }

    public Result tagResource(String arn, Map<String, String> tags) {
      tagged.add(tags);
      return answer;
    }

    public List<String> listClusters() {
      throw new UnsupportedOperationException();
    }

    public Cluster describeCluster(String cluster) {
      throw new UnsupportedOperationException();
    }

    public Map<String, String> clusterTags(String clusterArn) {
      throw new UnsupportedOperationException();
    }

    public List<String> listNodegroups(String cluster) {
      throw new UnsupportedOperationException();
    }

    public Nodegroup describeNodegroup(String cluster, String nodegroup) {
      throw new UnsupportedOperationException();
    }

    public Result untagResource(String arn, Set<String> keys) {
      throw new UnsupportedOperationException();
    }

    public Result updateScaling(String cluster, String nodegroup, Sizes sizes, String token) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void withoutASignatureNothingIsWrittenAndTheCallerSaysWhy() {
    Tagging eks = new Tagging(Result.done());

    Result r = new SignedRecords(CANNOT_SIGN).write(eks, ARN, RECORD, "no scale: ", "unused: ");

    assertThat(r).isEqualTo(new Result.Refused("no scale: key disabled"));
    assertThat(eks.tagged).isEmpty();
  }

  @Test
  void theSignedRecordIsTaggedOnTheGroup() {
    Tagging eks = new Tagging(Result.done());

    Result r = new SignedRecords(SIGNS).write(eks, ARN, RECORD, "unsigned: ", "refused: ");

    assertThat(r).isInstanceOf(Result.Done.class);
    assertThat(eks.tagged).hasSize(1);
    assertThat(eks.tagged.get(0).get(Contract.ORIGINAL_SCALING_TAG)).contains(RECORD.encode());
  }

  @Test
  void aRefusedTagIsSaidInTheCallersWordsOrPassedOnAsItIs() {
    Tagging eks = new Tagging(new Result.Refused("too many tags"));
    SignedRecords records = new SignedRecords(SIGNS);

    assertThat(records.write(eks, ARN, RECORD, "unsigned: ", "so left them: "))
        .isEqualTo(new Result.Refused("so left them: too many tags"));
    assertThat(records.write(eks, ARN, RECORD, "unsigned: ", null))
        .isEqualTo(new Result.Refused("too many tags"));
    assertThat(
            new SignedRecords(SIGNS)
                .write(new Tagging(new Result.Busy("409")), ARN, RECORD, "u", "r"))
        .isEqualTo(new Result.Busy("409"));
  }
}
