package dev.ekssteward.cli;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.plan.OriginalScaling;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.trust.RecordSigner;
import dev.ekssteward.shared.trust.Sealed;
import dev.ekssteward.shared.trust.Seals;
import dev.ekssteward.shared.trust.Trust;

/**
 * A group's size record ({@code eks-steward/original-scaling}) as the scheduler reads it ({@link
 * OriginalScaling}, {@link Sealed}), and, when a record key is given, whether it carries the
 * stack's signature ({@link Seals#verify}, one KMS VerifyMac). Without a key it is "unverified":
 * anyone who may tag the group can write a record, so an unverified one is only what the tag says.
 *
 * @param record the parsed record, or null (none, or unreadable)
 * @param problem why the tag cannot be read, or null
 * @param trust what the key said, or null when not verified
 */
record RecordView(OriginalScaling record, String problem, Trust trust) {
  static RecordView of(Nodegroup g, RecordSigner signer) {
    String raw = g.tags().get(Contract.ORIGINAL_SCALING_TAG);
    if (raw == null) {
      return new RecordView(null, null, null);
    }
    Sealed sealed = Sealed.parse(raw);
    OriginalScaling record;
    try {
      record = OriginalScaling.parse(sealed.body());
    } catch (IllegalArgumentException e) {
      return new RecordView(null, "unreadable: " + e.getMessage(), null);
    }
    Trust trust =
        signer == null
            ? null
            : Seals.verify(signer, Contract.ORIGINAL_SCALING_TAG, g.arn(), sealed);
    return new RecordView(record, null, trust);
  }

  boolean present() {
    return record != null || problem != null;
  }

  /**
   * What explain lets the planner assume: the key's verdict when there was one, else that the
   * record is the steward's (the output says it was not checked).
   */
  Trust forPlan() {
    return trust != null && !unverifiable()
        ? trust
        : Trust.legacy("assumed the steward's: not verified");
  }

  /** A record the scheduler would not act on, or one that cannot be read. */
  boolean suspect() {
    return problem != null || (trust != null && !trust.trusted() && !unverifiable());
  }

  /**
   * The key could not be used (on AWS its policy lets only the scheduler's and the reconciler's
   * roles use it, docs/cli.md): nothing is known of the record, so it is no finding either.
   */
  private boolean unverifiable() {
    return trust != null && trust.reason().startsWith("cannot verify");
  }

  /** "record (unverified)", "record (signed)", "record NOT trusted: bad signature", ... */
  String words() {
    if (problem != null) {
      return "record " + problem;
    }
    if (record == null) {
      return "no record";
    }
    if (trust == null) {
      return "record (unverified)";
    }
    if (unverifiable()) {
      return "record (unverified: " + trust.reason() + ")";
    }
    return trust.trusted()
        ? "record (" + trust.reason() + ")"
        : "record NOT trusted: " + trust.reason();
  }
}
