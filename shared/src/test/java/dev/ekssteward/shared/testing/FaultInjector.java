package dev.ekssteward.shared.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * Test-only SDK interceptor that makes AWS calls of the function under test fail, so the
 * reliability harness can prove what happens at every call. Calls are counted once per API call
 * (not per SDK attempt), in the order the function makes them; the audit bus's {@code
 * events:PutEvents} is not counted and never failed unless {@link #includingAudit()} (a failed
 * delivery goes to the log, see AuditPublisher).
 *
 * <p>Where a fault is raised decides who retries it:
 *
 * <ul>
 *   <li>{@link #blipAt}, {@link #burstAt} and {@link #always}: inside the SDK's attempt loop
 *       ({@code beforeTransmission}, request never sent; {@link Kind#TIMEOUT} in {@code
 *       modifyHttpResponse}, after moto processed the request), so the SDK's own retry policy and
 *       backoff run exactly as against AWS, then the function's {@code Retry}.
 *   <li>{@link #crashAt}: the invocation "dies" at call N. Call N and every later call fail in
 *       {@code beforeExecution}, i.e. with the exception the function sees once the SDK has given
 *       up (no SDK backoff, which would only cost time); a {@link Kind#TIMEOUT} at call N is first
 *       processed by moto and its response lost, as a crash after sending does.
 * </ul>
 */
public final class FaultInjector implements ExecutionInterceptor {
  /** How a call fails. */
  public enum Kind {
    /** HTTP 500 InternalFailure from the service. */
    SERVER_ERROR,
    /** Read timeout: the request reached the service, its answer was lost (ambiguous). */
    TIMEOUT,
    /** HTTP 400 ThrottlingException / Throttling. */
    THROTTLE,
    /** EKS's HTTP 400 InvalidRequestException "Request limit exceeded" (throttle elsewhere). */
    REQUEST_LIMIT,
    /** HTTP 403 AccessDenied: an account whose role cannot be assumed. */
    ACCESS_DENIED,
    /** Connection refused: an endpoint or region that cannot be reached. */
    ENDPOINT_DOWN;

    /** Whether the service may have carried out the request although the caller saw a failure. */
    public boolean ambiguous() {
      return this == TIMEOUT;
    }
  }

  /** One counted call: its 1-based number, IAM-style action, client region and request. */
  public record Call(int number, String action, String region, SdkRequest request) {
    /** A request field by its API name ({@code RoleArn}, {@code clusterName}). */
    public Optional<String> field(String name) {
      return request.getValueForField(name, Object.class).map(String::valueOf);
    }
  }

  private enum Mode {
    COUNT,
    CRASH,
    BLIP,
    BURST,
    ALWAYS
  }

  private static final ExecutionAttribute<Plan> PLAN = new ExecutionAttribute<>("faultPlan");

  /** What to do with one execution's attempts. */
  private static final class Plan {
    boolean failEveryAttempt;
    boolean failFirstAttempt;
    boolean loseFirstResponse;
    int attempts;
    int number;
  }

  private final Mode mode;
  private final int n;
  private final int burst;
  private final Kind kind;
  private final Predicate<Call> which;
  private boolean mutationsOnly;
  private boolean includeAudit;
  private int count;
  private int burstLeft;
  private boolean crashed;
  private final List<String> faulted = new ArrayList<>();
  private final List<String> counted = new ArrayList<>();

  private FaultInjector(Mode mode, int n, int burst, Kind kind, Predicate<Call> which) {
    this.mode = mode;
    this.n = n;
    this.burst = burst;
    this.burstLeft = burst;
    this.kind = kind;
    this.which = which;
  }

  /** Counts calls, fails none. */
  public static FaultInjector counting() {
    return new FaultInjector(Mode.COUNT, 0, 0, null, c -> false);
  }

  /** The invocation dies at call {@code n}: it and every later call fail with {@code kind}. */
  public static FaultInjector crashAt(int n, Kind kind) {
    return new FaultInjector(Mode.CRASH, n, 0, kind, c -> false);
  }

  /** Every call of {@code action} ({@code ssm:GetParameter}) fails with {@code kind}. */
  public static FaultInjector always(Kind kind, String action) {
    return always(kind, c -> c.action().equals(action));
  }

  /** Every sts:AssumeRole of {@code roleArn} is denied: a member account that cannot be reached. */
  public static FaultInjector denyingAssumeRole(String roleArn) {
    return always(
        Kind.ACCESS_DENIED,
        c -> c.action().equals("sts:AssumeRole") && c.field("RoleArn").orElse("").equals(roleArn));
  }

  /** Only the first attempt of call {@code n} fails: a transient blip the retries absorb. */
  public static FaultInjector blipAt(int n, Kind kind) {
    return new FaultInjector(Mode.BLIP, n, 0, kind, c -> false);
  }

  /** The next {@code attempts} SDK attempts from call {@code n} on fail (a throttling burst). */
  public static FaultInjector burstAt(int n, int attempts, Kind kind) {
    return new FaultInjector(Mode.BURST, n, attempts, kind, c -> false);
  }

  /** Every attempt of every call matching {@code which} fails (an unreachable account/region). */
  public static FaultInjector always(Kind kind, Predicate<Call> which) {
    return new FaultInjector(Mode.ALWAYS, 0, 0, kind, which);
  }

  /** Counts (and numbers) only mutating calls; a crash still stops every later call. */
  public FaultInjector mutationsOnly() {
    this.mutationsOnly = true;
    return this;
  }

  /** Also counts and fails the audit bus's PutEvents. */
  public FaultInjector includingAudit() {
    this.includeAudit = true;
    return this;
  }

  /** How many calls were counted. */
  public synchronized int calls() {
    return count;
  }

  /** The actions of the counted calls, in order. */
  public synchronized List<String> counted() {
    return List.copyOf(counted);
  }

  /** One entry per failed attempt: {@code #n action KIND}. */
  public synchronized List<String> faulted() {
    return List.copyOf(faulted);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String action = Actions.of(attributes);
    if (!includeAudit && action.equals("events:PutEvents")) {
      return;
    }
    Plan plan = new Plan();
    Kind fail = null;
    synchronized (this) {
      Call call = null;
      if (!mutationsOnly || Actions.mutates(action)) {
        count++;
        counted.add(action);
        call = new Call(count, action, region(attributes), context.request());
      }
      switch (mode) {
        case COUNT -> {}
        case CRASH -> {
          if (call != null && call.number() == n) {
            crashed = true;
            if (kind == Kind.TIMEOUT) {
              plan.loseFirstResponse = true;
              plan.failEveryAttempt = true;
            } else {
              fail = kind;
            }
          } else if (crashed) {
            fail = kind;
          }
        }
        case BLIP -> plan.failFirstAttempt = call != null && call.number() == n;
        case BURST -> plan.failEveryAttempt = call != null && call.number() >= n;
        case ALWAYS -> plan.failEveryAttempt = call != null && which.test(call);
      }
      if (fail != null) {
        faulted.add("#" + count + " " + action + " " + fail);
      }
      plan.number = count;
    }
    if (fail != null) {
      throw Faults.of(fail, attributes);
    }
    attributes.putAttribute(PLAN, plan);
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Plan plan = attributes.getAttribute(PLAN);
    if (plan == null) {
      return;
    }
    plan.attempts++;
    boolean fail;
    synchronized (this) {
      if (plan.loseFirstResponse && plan.attempts == 1) {
        return;
      }
      fail = plan.failEveryAttempt || (plan.failFirstAttempt && plan.attempts == 1);
      if (mode == Mode.BURST && fail) {
        fail = burstLeft-- > 0;
      }
      if (fail) {
        faulted.add("#" + plan.number + " " + Actions.of(attributes) + " " + kind);
      }
    }
    if (fail && kind == Kind.TIMEOUT && !plan.failEveryAttempt) {
      plan.loseFirstResponse = true; // sent, then its answer is lost
      return;
    }
    if (fail) {
      throw Faults.of(kind, attributes);
    }
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Plan plan = attributes.getAttribute(PLAN);
    if (plan != null && plan.loseFirstResponse && plan.attempts == 1) {
      synchronized (this) {
        faulted.add("#" + plan.number + " " + Actions.of(attributes) + " TIMEOUT after sending");
      }
      throw Faults.of(Kind.TIMEOUT, attributes);
    }
    return context.httpResponse();
  }

  private static String region(ExecutionAttributes attributes) {
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    return region == null ? null : region.id();
  }

  @Override
  public String toString() {
    return mode + (n > 0 ? "@" + n : "") + (burst > 0 ? "x" + burst : "") + " " + kind;
  }
}
