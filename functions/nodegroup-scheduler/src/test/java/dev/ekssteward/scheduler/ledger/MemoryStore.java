package dev.ekssteward.scheduler.ledger;

import dev.ekssteward.shared.apply.Result;
import java.util.Map;
import java.util.TreeMap;

/** The scheduler's parameters in memory, as Parameter Store keeps them. */
public final class MemoryStore implements SchedulerStore {
  public final Map<String, String> parameters = new TreeMap<>();
  public int writes;

  @Override
  public String root() {
    return "/eks-steward/scheduler";
  }

  @Override
  public Map<String, String> readAll() {
    return Map.copyOf(parameters);
  }

  @Override
  public Result put(String name, String value) {
    writes++;
    parameters.put(name, value);
    return Result.done();
  }

  @Override
  public Result delete(String name) {
    writes++;
    return parameters.remove(name) == null ? new Result.NotFound(name) : Result.done();
  }
}
