package dev.ekssteward.scheduler.asg;

/** One tag of an Auto Scaling group: its value and whether new instances get it too. */
public record AsgTag(String value, boolean propagateAtLaunch) {
  public AsgTag {
    value = value == null ? "" : value;
  }
}
