package dev.ekssteward.scheduler.plan;

/** The tag keys the scheduler reads and writes (the user-facing contract). */
public final class Tags {
  public static final String SCHEDULE = "eks-steward/schedule";
  public static final String EXCLUDE = "eks-steward/exclude";
  public static final String KEEP_UP_UNTIL = "eks-steward/keep-up-until";
  public static final String ORIGINAL_SCALING = "eks-steward/original-scaling";

  private Tags() {}
}
