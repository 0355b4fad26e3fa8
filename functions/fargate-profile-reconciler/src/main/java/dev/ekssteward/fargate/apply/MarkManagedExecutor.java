package dev.ekssteward.fargate.apply;

import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.plan.ProfileAction.MarkManaged;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.trust.RecordKeyException;
import dev.ekssteward.shared.trust.RecordSigner;
import dev.ekssteward.shared.trust.Seals;
import java.util.Map;
import javax.inject.Inject;

/** Tags a profile of the desired state with the managed mark, signed for its ARN. */
public final class MarkManagedExecutor extends PortExecutor<FargateApi, MarkManaged> {
  /** What the mark says; the signature makes it ours. */
  static final String MANAGED = "true";

  private final RecordSigner signer;

  @Inject
  public MarkManagedExecutor(FargateApi api, RecordSigner signer) {
    super(
        MarkManaged.class,
        "Fargate Profile Marked Managed",
        api,
        Permission.recordKey("GenerateMac"),
        ProfileAudit.MARK);
    this.signer = signer;
  }

  @Override
  public Result execute(Target target, MarkManaged m) {
    String mark;
    try {
      mark = Seals.seal(signer, Contract.MANAGED_TAG, m.arn(), MANAGED);
    } catch (RecordKeyException e) {
      return new Result.Refused("could not sign the managed mark: " + e.getMessage());
    }
    return ProfileAudit.audited(
        port.tag(target, m.arn(), Map.of(Contract.MANAGED_TAG, mark)), event(), m);
  }
}
