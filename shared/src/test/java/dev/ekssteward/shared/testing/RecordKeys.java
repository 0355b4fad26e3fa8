package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.trust.Sealed;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * The stack's record key in the local AWS, as template.yaml creates it (HMAC_256,
 * GENERATE_VERIFY_MAC), under the alias {@link LocalAws#environment} names as {@code
 * RECORD_KEY_ID}. Only modules that depend on the KMS SDK (the ones that sign) may call it.
 */
public final class RecordKeys {
  public static final String ALIAS = "alias/eks-steward-records";

  private RecordKeys() {}

  /** Creates the key unless it exists; returns its ARN. */
  public static String ensure(LocalAws aws) {
    try (KmsClient kms =
        aws.client(KmsClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
      try {
        return kms.describeKey(r -> r.keyId(ALIAS)).keyMetadata().arn();
      } catch (NotFoundException e) {
        String arn =
            kms.createKey(
                    r ->
                        r.keySpec(KeySpec.HMAC_256)
                            .keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)
                            .description("eks-steward records (test)"))
                .keyMetadata()
                .arn();
        kms.createAlias(r -> r.aliasName(ALIAS).targetKeyId(arn));
        return arn;
      }
    }
  }

  /**
   * The tag value {@code body} sealed by the stack's key for {@code arn}, as the steward writes it
   * (the test stands in for an earlier run of the steward).
   */
  public static String seal(LocalAws aws, String tagKey, String arn, String body) {
    ensure(aws);
    try (KmsClient kms =
        aws.client(KmsClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
      byte[] mac =
          kms.generateMac(
                  r ->
                      r.keyId(ALIAS)
                          .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                          .message(SdkBytes.fromByteArray(Sealed.message(tagKey, arn, body))))
              .mac()
              .asByteArray();
      return Sealed.value(body, Base64.getUrlEncoder().withoutPadding().encodeToString(mac));
    }
  }

  /** Disables the key, as someone might in the stack's account. */
  public static void disable(LocalAws aws) {
    ensure(aws);
    try (KmsClient kms =
        aws.client(KmsClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
      // By key id: moto 5.2's DisableKey does not resolve an ARN (KeyError, HTTP 500).
      String id = kms.describeKey(r -> r.keyId(ALIAS)).keyMetadata().keyId();
      kms.disableKey(r -> r.keyId(id));
    }
  }
}
