package dev.ekssteward.shared.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.LocalRecordSigner;
import org.junit.jupiter.api.Test;

/** The seal binds a value to one tag key, one resource and one key; nothing else verifies. */
class SealsTest {
  static final String KEY = "eks-steward/original-scaling";
  static final String ARN = "arn:aws:eks:eu-west-1:123456789012:nodegroup/dev-1/web/0a1b-2c3d";
  static final String BODY = "2-3-5@2026-11-25T18:05Z max=1";
  static final LocalRecordSigner SIGNER = LocalRecordSigner.KEY;

  private static Trust verify(String tagKey, String arn, String value) {
    return Seals.verify(SIGNER, tagKey, arn, Sealed.parse(value));
  }

  @Test
  void aSealedValueVerifiesForItsKeyAndResourceOnly() {
    String value = Seals.seal(SIGNER, KEY, ARN, BODY);

    assertThat(value).matches("2-3-5@2026-11-25T18:05Z max=1 mac=v1\\.[A-Za-z0-9_-]{43}");
    assertThat(verify(KEY, ARN, value)).isEqualTo(Trust.SIGNED);
    assertThat(verify(KEY, ARN.replace("/web/", "/batch/"), value).reason())
        .isEqualTo("bad signature");
    assertThat(verify(KEY, ARN.replace("0a1b-2c3d", "9f8e-7d6c"), value).trusted()).isFalse();
    assertThat(verify("eks-steward/managed", ARN, value).trusted()).isFalse();
    assertThat(verify(KEY, ARN, value.replace("2-3-5", "9-9-9")).reason())
        .isEqualTo("bad signature");
    assertThat(Seals.verify(LocalRecordSigner.other("x"), KEY, ARN, Sealed.parse(value)).reason())
        .isEqualTo("bad signature");
  }

  @Test
  void unsignedMalformedAndUnusableAreNamed() {
    assertThat(verify(KEY, ARN, BODY)).isEqualTo(Trust.not("unsigned"));
    assertThat(verify(KEY, ARN, BODY + " mac=v1.***").reason()).startsWith("bad signature");
    assertThat(verify(KEY, ARN, BODY + " mac=v1.AAAA").reason()).contains("not 32 bytes");
    String v2 = Seals.seal(SIGNER, KEY, ARN, BODY).replace("mac=v1.", "mac=v2.");
    assertThat(verify(KEY, ARN, v2).reason()).contains("unknown scheme 'v2'");
    String value = Seals.seal(SIGNER, KEY, ARN, BODY);
    assertThat(
            Seals.verify(LocalRecordSigner.unusable("key disabled"), KEY, ARN, Sealed.parse(value)))
        .isEqualTo(Trust.not("cannot verify: key disabled"));
  }

  @Test
  void theLongestRecordFitsInATagValue() {
    String value =
        Seals.seal(SIGNER, KEY, ARN, "999999-999999-999999@2026-11-25T18:05Z max=999999");
    assertThat(value.length()).isLessThanOrEqualTo(256);
    assertThat(Sealed.parse(value).body())
        .isEqualTo("999999-999999-999999@2026-11-25T18:05Z max=999999");
  }
}
