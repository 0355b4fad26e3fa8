package dev.ekssteward.scheduler.schedule;

/** A schedule value or window that cannot be used; the message is the reason users see. */
public final class InvalidSchedule extends RuntimeException {
  public InvalidSchedule(String reason) {
    super(reason, null, false, false);
  }
}
