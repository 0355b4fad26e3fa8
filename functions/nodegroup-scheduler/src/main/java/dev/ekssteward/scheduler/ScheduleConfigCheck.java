package dev.ekssteward.scheduler;

import dev.ekssteward.scheduler.schedule.InvalidSchedule;
import dev.ekssteward.scheduler.schedule.ScheduleValue;
import dev.ekssteward.scheduler.schedule.Window;
import dev.ekssteward.shared.config.ConfigCheck;
import dev.ekssteward.shared.config.ConfigError;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.config.StewardConfig;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * Rejects config whose schedule windows do not parse, or whose defaultSchedule is neither a defined
 * schedule nor a valid inline window: invalid config means no mutation at all.
 */
public final class ScheduleConfigCheck implements ConfigCheck {
  /** Public for the operator CLI's {@code validate}, which runs the same checks offline. */
  @Inject
  public ScheduleConfigCheck() {}

  @Override
  public List<ConfigError> check(StewardConfig config) {
    SchedulerConfig scheduler = config.scheduler();
    List<ConfigError> errors = new ArrayList<>();
    scheduler
        .schedules()
        .forEach(
            (name, definition) -> {
              List<String> uptime = definition.uptime();
              for (int i = 0; i < uptime.size(); i++) {
                try {
                  Window.parse(uptime.get(i));
                } catch (InvalidSchedule e) {
                  errors.add(
                      new ConfigError(
                          "$.scheduler.schedules." + name + ".uptime[" + i + "]", e.getMessage()));
                }
              }
            });
    String fallback = scheduler.defaultSchedule();
    if (fallback != null && !scheduler.schedules().containsKey(fallback)) {
      try {
        ScheduleValue.parse(fallback, scheduler);
      } catch (InvalidSchedule e) {
        errors.add(new ConfigError("$.scheduler.defaultSchedule", e.getMessage()));
      }
    }
    return errors;
  }
}
