package dev.ekssteward.cli;

import dev.ekssteward.shared.config.ConfigException;
import dev.ekssteward.shared.pipeline.TransientFailureException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The operator CLI, {@code local/steward}: one command per run, its result on stdout (table or
 * JSON), progress and errors on stderr, and an exit status scripts can branch on ({@link Exit}).
 */
public final class Steward {
  static final String HELP =
      """
      usage: local/steward <command> [options]

      Commands:
        status                      every scheduled node group: schedule and where it comes from,
                                    up/down, down since, recorded sizes, next change, its record;
                                    then the Fargate reconciler's drift and the tag enforcer's
                                    compliance summary (their own planners; nothing is applied)
            [--config <file>] [--record-key <key-id>] [--strict]
        wake <cluster>              a proven Wake Request on the stack's requests bus
            [--nodegroups a,b] [--for 2h] (--stack <name> | --bus <name|arn>) [--dry-run]
        release                     a proven Release Request: restore every recorded group and
                                    pause scale-downs
            (--for 24h | --until <time>) [--cluster <c>] (--stack <name> | --bus <name|arn>)
            [--dry-run]
        explain <cluster>/<nodegroup>
                                    which schedule applies, from where (tag, cluster tag,
                                    default), and what the scheduler would do at that time
            [--at <time>] [--config <file>] [--record-key <key-id>]
        validate <config.json>      the functions' own config validation, offline, same messages

      Options for every command:
        --output table|json         table (default) for people, json for scripts
        --region <region>           default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region
        --help, -h                  this text

        --config <file>             use this config instead of <CONFIG_PREFIX>/config in Parameter
                                    Store (CONFIG_PREFIX, default /eks-steward)
        --record-key <key-id>       the stack's record key (KMS key id, ARN or alias): checks each
                                    size record's signature with KMS VerifyMac; without it records
                                    are shown "(unverified)"
        --strict                    status exits 1 when a group needs attention
        --dry-run                   wake/release print the proven request and send nothing

      Credentials and region come from the usual AWS chain (environment, profile, container);
      AWS_ENDPOINT_URL points every call at a local AWS (moto). Requests are proven for the STS of
      --region, which must be the stack's region.

      Exit status:
        0  ok
        1  findings: invalid config (validate), groups needing attention (status --strict),
           node group not found (explain)
        2  usage error: unknown command or option, bad value, unreadable file, a request
           the scheduler would ignore (its reason is printed; nothing is sent)
        3  AWS error: credentials, permissions, network, or a request EventBridge refused
      """;

  private Steward() {}

  public static void main(String[] argv) {
    System.exit(run(argv, System.out, System.err, System.getenv(), Clock.systemUTC()));
  }

  static int run(
      String[] argv, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    Session session = new Session(out, err, env, clock);
    try {
      Args args = Args.parse(argv);
      if (args.flag("help") || "help".equals(args.command())) {
        out.print(HELP);
        return Exit.OK;
      }
      if (args.command() == null) {
        throw new UsageException("no command");
      }
      Output output = new Output(Output.format(args.option("output")), out, err);
      return switch (args.command()) {
        case "status" -> StatusCommand.run(args, session, output);
        case "wake" -> RequestCommand.wake(args, session, output);
        case "release" -> RequestCommand.release(args, session, output);
        case "explain" -> ExplainCommand.run(args, session, output);
        case "validate" -> ValidateCommand.run(args, session, output);
        default -> throw new UsageException("unknown command '" + args.command() + "'");
      };
    } catch (UsageException e) {
      err.println("steward: " + e.getMessage() + " (local/steward --help)");
      return Exit.USAGE;
    } catch (ConfigException e) {
      // The config the functions would refuse: they change nothing, and neither do we. One that
      // could not be read at all (access denied) is an AWS error.
      err.println("steward: " + e.getMessage());
      return e.getMessage().startsWith("cannot read ") ? Exit.AWS : Exit.FINDINGS;
    } catch (SdkException | TransientFailureException e) {
      err.println("steward: AWS: " + aws(e.getMessage()));
      return Exit.AWS;
    }
  }

  private static final Pattern PROFILE =
      Pattern.compile(
          "ProfileCredentialsProvider\\(profileName=([^)]*)\\): (.*?)(?:, \\w+\\(\\): |\\]$)");

  /**
   * The SDK's message, except for its credential chain's: that one names every provider it tried
   * (six, ~1,500 characters); an operator needs to know what to set, and a profile's own reason.
   */
  static String aws(String message) {
    // Also inside the config loader's "cannot read ...; the run will be retried: ..." wrapping,
    // which speaks to Lambda, not to someone at a terminal.
    if (message == null || !message.contains("Unable to load credentials from any of the")) {
      return message;
    }
    Matcher profile = PROFILE.matcher(message);
    return "no credentials: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        + " (docs/cli.md)"
        + (profile.find() ? "; profile " + profile.group(1) + ": " + profile.group(2) : "");
  }
}
