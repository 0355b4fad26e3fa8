package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.ledger.SchedulerStore;
import dev.ekssteward.scheduler.ledger.UpdateRecordIndex;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Puts or deletes one parameter of the record index; a parameter gone already is no change.
 * Audited, as every change the function makes.
 */
public final class UpdateRecordIndexExecutor
    extends PortExecutor<SchedulerStore, UpdateRecordIndex> {
  @Inject
  UpdateRecordIndexExecutor(SchedulerStore store) {
    super(
        UpdateRecordIndex.class,
        "Record Index Updated",
        store,
        SchedulerParameters.PUT,
        SchedulerParameters.DELETE);
  }

  @Override
  public Result execute(Target target, UpdateRecordIndex u) {
    Result written = u.value() == null ? port.delete(u.target()) : port.put(u.target(), u.value());
    return written.then(
        done -> {
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("parameter", u.target());
          detail.put("account", u.key().account());
          detail.put("region", u.key().region());
          detail.put("clusters", u.clusters());
          detail.put("deleted", u.value() == null);
          return Result.done(audit(List.of(), detail));
        });
  }
}
