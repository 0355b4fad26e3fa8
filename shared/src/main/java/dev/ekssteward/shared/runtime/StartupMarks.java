package dev.ekssteward.shared.runtime;

import java.lang.management.ManagementFactory;

/**
 * Where a cold start's time goes: with {@code STEWARD_STARTUP_MARKS=true} (or {@code
 * -Dsteward.startupMarks=true}) each mark prints one line to stderr, {@code startup-mark <ms since
 * the JVM started> <thread> <what>}. Off (the default, and in production) a mark is one boolean
 * check. Used for the breakdown in docs/performance.md.
 */
public final class StartupMarks {
  public static final String ENV = "STEWARD_STARTUP_MARKS";

  /** The same switch as a system property (it passes local/invoke in JAVA_TOOL_OPTIONS). */
  public static final String PROPERTY = "steward.startupMarks";

  private static final boolean ON =
      "true".equalsIgnoreCase(System.getenv(ENV)) || Boolean.getBoolean(PROPERTY);
  // The JVM's own start time (ProcessHandle's is only as exact as the kernel's boot time: 1 s).
  private static final long START = ON ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0;

  private StartupMarks() {}

  public static void mark(String what) {
    if (ON) {
      // A StringBuilder, not javac's invokedynamic concatenation: bootstrapping that on the first
      // mark would put the marks' own cost into the phase they measure.
      System.err.println(
          new StringBuilder("startup-mark ")
              .append(System.currentTimeMillis() - START)
              .append(' ')
              .append(Thread.currentThread().getName())
              .append(' ')
              .append(what));
    }
  }
}
