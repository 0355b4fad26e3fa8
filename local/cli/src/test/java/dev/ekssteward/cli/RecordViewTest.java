package dev.ekssteward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.trust.RecordKeyException;
import dev.ekssteward.shared.trust.RecordSigner;
import dev.ekssteward.shared.trust.Sealed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How status and explain show a size record, with and without the key. */
class RecordViewTest {
  static final String ARN = "arn:aws:eks:eu-west-1:123456789012:nodegroup/dev-1/web/0a1b";
  static final String SIGNED = Sealed.value("2-3-5@2026-12-07T18:00Z max=1", "A".repeat(43));

  static Nodegroup down(String record) {
    return new Nodegroup(
        "dev-1",
        "web",
        ARN,
        "ACTIVE",
        new Sizes(0, 0, 1),
        Map.of(Contract.ORIGINAL_SCALING_TAG, record),
        Instant.parse("2026-11-01T00:00:00Z"),
        List.of(),
        null,
        null);
  }

  /** Answers every check with {@code verdict}, or cannot be used when null. */
  static RecordSigner key(Boolean verdict) {
    return new RecordSigner() {
      @Override
      public byte[] mac(byte[] message) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean verify(byte[] message, byte[] mac) {
        if (verdict == null) {
          throw new RecordKeyException("AccessDeniedException");
        }
        return verdict;
      }
    };
  }

  @Test
  void withoutAKeyARecordIsWhatTheTagSays() {
    RecordView v = RecordView.of(down(SIGNED), null);
    assertThat(v.words()).isEqualTo("record (unverified)");
    assertThat(v.suspect()).isFalse();
    assertThat(v.record().sizes()).isEqualTo(new Sizes(2, 3, 5));
  }

  @Test
  void withTheKeyItIsSignedOrNotTrusted() {
    assertThat(RecordView.of(down(SIGNED), key(true)).words()).isEqualTo("record (signed)");
    RecordView forged = RecordView.of(down(SIGNED), key(false));
    assertThat(forged.words()).isEqualTo("record NOT trusted: bad signature");
    assertThat(forged.suspect()).isTrue();
    assertThat(RecordView.of(down("2-3-5@2026-12-07T18:00Z"), key(true)).words())
        .isEqualTo("record NOT trusted: unsigned");
  }

  @Test
  void aKeyThatCannotBeUsedLeavesTheRecordUnverifiedNotSuspect() {
    RecordView v = RecordView.of(down(SIGNED), key(null));
    assertThat(v.words()).isEqualTo("record (unverified: cannot verify: AccessDeniedException)");
    assertThat(v.suspect()).isFalse();
  }

  @Test
  void anUnreadableRecordNeedsAttention() {
    RecordView v = RecordView.of(down("lots"), null);
    assertThat(v.words()).startsWith("record unreadable: ");
    assertThat(v.suspect()).isTrue();
  }
}
