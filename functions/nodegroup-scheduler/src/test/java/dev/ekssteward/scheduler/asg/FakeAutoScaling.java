package dev.ekssteward.scheduler.asg;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Auto Scaling group tags in memory, for every target alike; deleting absent tags is no error. */
public final class FakeAutoScaling implements AutoScalingApis, AutoScalingApi {
  public final Map<String, Map<String, AsgTag>> groups = new LinkedHashMap<>();

  public void group(String name, Map<String, AsgTag> tags) {
    groups.put(name, new LinkedHashMap<>(tags));
  }

  @Override
  public AutoScalingApi in(Target target) {
    return this;
  }

  @Override
  public Map<String, Map<String, AsgTag>> tags(Collection<String> names, Set<String> keys) {
    Map<String, Map<String, AsgTag>> out = new LinkedHashMap<>();
    for (String name : names) {
      Map<String, AsgTag> found = new LinkedHashMap<>();
      groups
          .getOrDefault(name, Map.of())
          .forEach(
              (k, v) -> {
                if (keys.contains(k)) {
                  found.put(k, v);
                }
              });
      if (!found.isEmpty()) {
        out.put(name, found);
      }
    }
    return out;
  }

  @Override
  public Result deleteTags(String group, Set<String> keys) {
    if (!groups.containsKey(group)) {
      return new Result.NotFound("AutoScalingGroup not found: " + group);
    }
    keys.forEach(groups.get(group)::remove);
    return Result.done();
  }

  @Override
  public Result putTags(String group, Map<String, AsgTag> tags) {
    if (!groups.containsKey(group)) {
      return new Result.NotFound("AutoScalingGroup not found: " + group);
    }
    groups.get(group).putAll(tags);
    return Result.done();
  }
}
