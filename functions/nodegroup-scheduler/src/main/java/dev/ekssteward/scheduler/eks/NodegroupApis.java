package dev.ekssteward.scheduler.eks;

import dev.ekssteward.shared.aws.Target;

/** The {@link NodegroupApi} of each target (account, region). */
public interface NodegroupApis {
  NodegroupApi in(Target target);
}
