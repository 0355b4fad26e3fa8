package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.scheduler.plan.OriginalScaling;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.trust.RecordKeyException;
import dev.ekssteward.shared.trust.RecordSigner;
import dev.ekssteward.shared.trust.Seals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Writes a record on its node group signed with the record key, as the scale-down, the autoscaler
 * pause and the re-signing do before anything else: the morning restores only what a verified
 * record remembers, so no signature means no write (and the caller changes nothing more).
 */
final class SignedRecords {
  private final RecordSigner signer;

  @Inject
  SignedRecords(RecordSigner signer) {
    this.signer = signer;
  }

  /**
   * The IAM grants of an executor that writes a signed record ({@link #write}: KMS GenerateMac, the
   * record's tag on the group), then {@code more} for what it does after.
   */
  static Permission[] grants(Permission... more) {
    List<Permission> all = new ArrayList<>();
    all.add(Permission.recordKey("GenerateMac"));
    all.add(NodegroupAudit.recordTags("TagResource"));
    all.addAll(List.of(more));
    return all.toArray(Permission[]::new);
  }

  /**
   * Tags {@code record}, signed for {@code nodegroupArn}, on the group. When it cannot be signed:
   * refused with {@code unsigned} and the reason; when EKS refuses the tag: refused with {@code
   * refused} and EKS's message (null passes EKS's refusal on as it is).
   */
  Result write(
      NodegroupApi api,
      String nodegroupArn,
      OriginalScaling record,
      String unsigned,
      String refused) {
    String value;
    try {
      value = Seals.seal(signer, Contract.ORIGINAL_SCALING_TAG, nodegroupArn, record.encode());
    } catch (RecordKeyException e) {
      return new Result.Refused(unsigned + e.getMessage());
    }
    Result written = api.tagResource(nodegroupArn, Map.of(Contract.ORIGINAL_SCALING_TAG, value));
    return refused != null && written instanceof Result.Refused r
        ? new Result.Refused(refused + r.message())
        : written;
  }
}
