package dev.ekssteward.scheduler.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Write the pause of a Release Request, before its restores: later ticks then do not scale down
 * {@code cluster} (null: any cluster) until {@code until}, and restore what the release missed.
 *
 * @param target the parameter's name ({@code <CONFIG_PREFIX>/scheduler/pause})
 * @param pause the whole stored pause with this request in it
 */
public record PauseScaleDowns(String target, Instant until, String cluster, Pause pause)
    implements LedgerAction {
  @Override
  public Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("until", until.toString());
    d.put("cluster", cluster == null ? "*" : cluster);
    return d;
  }
}
