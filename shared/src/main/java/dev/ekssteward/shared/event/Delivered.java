package dev.ekssteward.shared.event;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/**
 * An EventBridge delivery as our reader fills it: the library's {@link ScheduledEvent}, with the
 * event's time kept as the text it arrived as. Setting {@code time} would build a Joda {@code
 * DateTime}, whose first use costs a cold start 20-27 ms (measured); nothing here needs it.
 */
public final class Delivered extends ScheduledEvent {
  private final String timeText;

  public Delivered(String timeText) {
    this.timeText = timeText;
  }

  /** The event's {@code time} field as delivered (ISO-8601), or null. */
  public String timeText() {
    return timeText;
  }
}
