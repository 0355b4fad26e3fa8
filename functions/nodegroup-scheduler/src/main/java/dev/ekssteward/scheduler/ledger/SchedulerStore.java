package dev.ekssteward.scheduler.ledger;

import dev.ekssteward.shared.apply.Result;
import java.util.Map;

/**
 * The scheduler's own parameters in Parameter Store, under {@code <CONFIG_PREFIX>/scheduler}: the
 * pause a Release Request writes and the index of where size records stand. The function's own
 * account and region; the SDK adapter implements it over SSM, tests over memory.
 */
public interface SchedulerStore {
  /** {@code <CONFIG_PREFIX>/scheduler}. */
  String root();

  /** Every parameter under {@link #root()}, by full name (one call per 10). */
  Map<String, String> readAll();

  /** PutParameter (String, Standard tier, overwrite). */
  Result put(String name, String value);

  /** DeleteParameter; a parameter that is gone already is NotFound. */
  Result delete(String name);
}
