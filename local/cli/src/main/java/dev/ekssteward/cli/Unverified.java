package dev.ekssteward.cli;

import dev.ekssteward.shared.trust.RecordKeyException;
import dev.ekssteward.shared.trust.RecordSigner;

/**
 * The record key when none was given: every check is "cannot verify", so a record or mark is never
 * taken for the steward's (the planners then do nothing with it, as the functions would with a key
 * they cannot use).
 */
final class Unverified implements RecordSigner {
  static final Unverified KEY = new Unverified();

  @Override
  public byte[] mac(byte[] message) {
    throw new RecordKeyException("no --record-key given");
  }

  @Override
  public boolean verify(byte[] message, byte[] mac) {
    throw new RecordKeyException("no --record-key given");
  }
}
