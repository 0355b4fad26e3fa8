package dev.ekssteward.scheduler.asg;

import dev.ekssteward.shared.aws.Target;

/** The {@link AutoScalingApi} of each target (account, region). */
public interface AutoScalingApis {
  AutoScalingApi in(Target target);
}
