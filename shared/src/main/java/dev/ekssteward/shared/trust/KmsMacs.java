package dev.ekssteward.shared.trust;

import dev.ekssteward.shared.aws.AwsClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

/**
 * The KMS calls of {@link KmsRecordSigner}: the only class with KMS SDK types. A key that cannot be
 * used (missing, disabled, wrong usage, denied: a 4xx other than throttling) is a {@link
 * RecordKeyException}; throttling and 5xx are left to the SDK's retries and then thrown, so the run
 * is retried.
 */
final class KmsMacs {
  private final KmsClient kms;
  private final String key;

  KmsMacs(AwsClients clients, String key) {
    this.kms = clients.service("kms", clients.home(), KmsClient::builder);
    this.key = key;
  }

  byte[] mac(byte[] message) {
    try {
      return kms.generateMac(
              r ->
                  r.keyId(key)
                      .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                      .message(SdkBytes.fromByteArray(message)))
          .mac()
          .asByteArray();
    } catch (KmsException e) {
      throw unusable(e);
    }
  }

  boolean verify(byte[] message, byte[] mac) {
    try {
      return kms.verifyMac(
              r ->
                  r.keyId(key)
                      .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                      .message(SdkBytes.fromByteArray(message))
                      .mac(SdkBytes.fromByteArray(mac)))
          .macValid();
    } catch (KmsInvalidMacException e) {
      return false; // KMS answers a wrong MAC with this error, not with MacValid false
    } catch (KmsException e) {
      throw unusable(e);
    }
  }

  private static RuntimeException unusable(KmsException e) {
    if (e.isThrottlingException() || e.statusCode() >= 500) {
      return e;
    }
    var details = e.awsErrorDetails();
    return new RecordKeyException(
        details == null
            ? "the record key refused: " + e.getMessage()
            : "the record key refused (" + details.errorCode() + "): " + details.errorMessage());
  }
}
