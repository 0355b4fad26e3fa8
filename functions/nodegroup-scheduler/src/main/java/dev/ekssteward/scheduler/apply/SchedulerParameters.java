package dev.ekssteward.scheduler.apply;

import dev.ekssteward.shared.apply.Permission;

/** The IAM grants on the scheduler's own parameters, as the template's statement names them. */
final class SchedulerParameters {
  static final String RESOURCE =
      "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${ConfigPrefix}"
          + "/scheduler/*";
  static final Permission PUT = new Permission("ssm:PutParameter", RESOURCE);
  static final Permission DELETE = new Permission("ssm:DeleteParameter", RESOURCE);

  private SchedulerParameters() {}
}
