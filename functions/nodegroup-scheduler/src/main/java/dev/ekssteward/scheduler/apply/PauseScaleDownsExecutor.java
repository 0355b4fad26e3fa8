package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.ledger.PauseScaleDowns;
import dev.ekssteward.scheduler.ledger.SchedulerStore;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/** Writes a Release Request's pause ({@code <CONFIG_PREFIX>/scheduler/pause}); audited. */
public final class PauseScaleDownsExecutor extends PortExecutor<SchedulerStore, PauseScaleDowns> {
  @Inject
  PauseScaleDownsExecutor(SchedulerStore store) {
    super(PauseScaleDowns.class, "Scale-Downs Paused", store, SchedulerParameters.PUT);
  }

  @Override
  public Result execute(Target target, PauseScaleDowns p) {
    return port.put(p.target(), p.pause().encode())
        .then(
            done -> {
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("until", p.until().toString());
              detail.put("cluster", p.cluster() == null ? "*" : p.cluster());
              detail.put("parameter", p.target());
              detail.put("reason", "Release Request");
              return Result.done(audit(List.of(), detail));
            });
  }
}
