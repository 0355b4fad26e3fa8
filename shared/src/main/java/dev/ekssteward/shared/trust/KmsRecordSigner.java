package dev.ekssteward.shared.trust;

import dev.ekssteward.shared.aws.AwsClients;

/**
 * {@link RecordSigner} over KMS GenerateMac/VerifyMac with the stack's HMAC_256 key ({@code
 * RECORD_KEY_ID}), called with the function's own credentials in its own account and region. No KMS
 * class is loaded and no client built before the first record that must be signed or verified
 * ({@link KmsMacs} holds every SDK reference), so a tick that acts on no record never pays for KMS.
 */
public final class KmsRecordSigner implements RecordSigner {
  private final AwsClients clients;
  private volatile KmsMacs macs;

  public KmsRecordSigner(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public byte[] mac(byte[] message) {
    return macs().mac(message);
  }

  @Override
  public boolean verify(byte[] message, byte[] mac) {
    return macs().verify(message, mac);
  }

  private KmsMacs macs() {
    String key = clients.settings().recordKeyId();
    if (key == null) {
      throw new RecordKeyException("RECORD_KEY_ID is not set");
    }
    KmsMacs built = macs;
    if (built == null) {
      built = new KmsMacs(clients, key);
      macs = built; // two threads may build one each; both are equal (the client is cached)
    }
    return built;
  }
}
