package dev.ekssteward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself, offline: help, exit statuses, validate, output formats. */
class StewardTest {
  @TempDir Path dir;

  @Test
  void helpNamesEveryCommandAndExitStatus() {
    Cli help = Cli.offline("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.stdout())
        .contains("status", "wake <cluster>", "release", "explain <cluster>/<nodegroup>")
        .contains("validate <config.json>", "--output table|json")
        .contains("0  ok", "1  findings", "2  usage error", "3  AWS error");
    assertThat(Cli.offline("help").stdout()).isEqualTo(help.stdout());
  }

  @Test
  void usageErrorsExit2WithTheReasonOnStderr() {
    Cli none = Cli.offline();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.stderr()).isEqualTo("steward: no command (local/steward --help)\n");
    assertThat(Cli.offline("stauts").stderr()).contains("unknown command 'stauts'");
    assertThat(Cli.offline("validate", "a.json", "--output", "yaml").stderr())
        .contains("--output must be json or table, was 'yaml'");
    assertThat(Cli.offline("validate").exit()).isEqualTo(2);
    assertThat(Cli.offline("explain", "dev-1").stderr())
        .contains("expected <cluster>/<nodegroup>, was 'dev-1'");
    assertThat(Cli.offline("wake", "dev-1").stderr())
        .contains("give the requests bus: --stack <stack name> or --bus");
    assertThat(Cli.offline("release", "--stack", "s").stderr())
        .contains("release takes exactly one of --for <hours>h and --until <time>");
    assertThat(Cli.offline("release", "--stack", "s", "--for", "90m").stderr())
        .contains("release --for is whole hours (like 24h), was '90m'");
    assertThat(Cli.offline("status", "--strikt").exit()).isEqualTo(2);
  }

  /**
   * A request the scheduler would ignore is refused before it is proven or sent (no credentials, no
   * bus needed), in the words of the parser the scheduler runs on it.
   */
  @Test
  void aRequestTheSchedulerWouldIgnoreIsAUsageErrorInItsWords() {
    String ignored = "steward: the scheduler would ignore this request: ";
    Cli week = Cli.offline("wake", "dev-1", "--for", "169h", "--bus", "b");
    assertThat(week.exit()).isEqualTo(2);
    assertThat(week.stderr())
        .isEqualTo(
            ignored + "detail.minutes: must be between 1 and 10080 (local/steward --help)\n");
    assertThat(week.stdout()).isEmpty();

    String many = String.join(",", java.util.Collections.nCopies(101, "ng"));
    assertThat(Cli.offline("wake", "dev-1", "--nodegroups", many, "--bus", "b").stderr())
        .startsWith(ignored + "detail.nodegroups: at most 100 names, was 101");
    assertThat(Cli.offline("release", "--for", "8785h", "--bus", "b").stderr())
        .startsWith(ignored + "detail.hours: must be between 1 and 8784");
    Cli past = Cli.offline("release", "--until", "2020-01-01T00:00:00Z", "--bus", "b");
    assertThat(past.exit()).isEqualTo(2);
    assertThat(past.stderr()).startsWith(ignored + "detail.until: must be after the event's time");
    assertThat(Cli.offline("release", "--for", "24h", "--cluster", "", "--bus", "b").stderr())
        .startsWith(ignored + "detail.cluster: must not be empty");
  }

  /** --stack finds the bus by the name the template gives it, so no CloudFormation call. */
  @Test
  void theStackOptionNamesTheBusTheTemplateCreates() throws Exception {
    String template = Files.readString(Path.of("../../template.yaml"));
    assertThat(template)
        .contains("  RequestBus:\n    Type: AWS::Events::EventBus")
        .contains("      Name: !Sub ${AWS::StackName}-requests\n");
    assertThat(RequestCommand.bus(Args.parse("wake", "dev-1", "--stack", "prod")))
        .isEqualTo("prod-requests");
  }

  /** The credential chain's message, as the SDK words it, becomes what to set and why not. */
  @Test
  void aMissingCredentialSaysWhatToSetAndTheProfilesReason() {
    String chain =
        "Unable to load credentials from any of the providers in the chain"
            + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(),"
            + " ProfileCredentialsProvider(profileName=ops), ContainerCredentialsProvider()]) :"
            + " [SystemPropertyCredentialsProvider(): Unable to load credentials from system"
            + " settings., ProfileCredentialsProvider(profileName=ops): Profile file contained no"
            + " credentials for profile 'ops': ProfileFile(sections=[]),"
            + " ContainerCredentialsProvider(): Cannot fetch credentials from container.]";
    assertThat(Steward.aws(chain))
        .isEqualTo(
            "no credentials: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                + " (docs/cli.md); profile ops: Profile file contained no credentials for profile"
                + " 'ops': ProfileFile(sections=[])");
    // status and explain meet it inside the config loader's message.
    assertThat(
            Steward.aws(
                "cannot read /eks-steward/config; the run will be retried: ssm:GetParameter"
                    + " failed: "
                    + chain))
        .isEqualTo(Steward.aws(chain));
    assertThat(Steward.aws("Access Denied (Service: Eks, Status Code: 403)"))
        .isEqualTo("Access Denied (Service: Eks, Status Code: 403)");
  }

  @Test
  void validateAcceptsAValidConfig() throws Exception {
    Path file = write("good.json", Files.readString(Path.of("../../local/demo-fleet/config.json")));
    Cli valid = Cli.offline("validate", file.toString());
    assertThat(valid.exit()).isZero();
    assertThat(valid.stdout()).isEqualTo(file + ": valid\n");
    assertThat(Cli.offline("validate", file.toString(), "--output", "json").json())
        .containsEntry("valid", true)
        .containsEntry("errors", List.of());
  }

  /**
   * Both kinds of error the functions refuse a config for: the shared parser's ({@code
   * StewardConfig.parse}) and a function's own check (the scheduler's window syntax), in the
   * functions' words, with the file where they name the parameter.
   */
  @Test
  void validatePrintsTheFunctionsErrorTextAndExits1() throws Exception {
    Path file =
        write(
            "bad.json",
            """
            {"scheduler": {"gracePeriodMinutes": -5,
              "schedules": {"office": {"timezone": "Europe/Berlin", "uptime": ["Mon-Fri 7-19"]}}}}
            """);
    Cli parseError = Cli.offline("validate", file.toString());
    assertThat(parseError.exit()).isEqualTo(1);
    assertThat(parseError.stdout()).isEqualTo("invalid " + file + ": " + PARSE_ERROR + "\n");

    Path windows =
        write(
            "windows.json",
            """
            {"scheduler": {"schedules": {"office": {"timezone": "Europe/Berlin",
              "uptime": ["Mon-Fri 07:00-19:00", "Mon-Fri 7-19"]}}}}
            """);
    Cli checkError = Cli.offline("validate", windows.toString(), "--output", "json");
    assertThat(checkError.exit()).isEqualTo(1);
    assertThat(checkError.json())
        .containsEntry("valid", false)
        .containsEntry("message", "invalid " + windows + ": " + CHECK_ERROR)
        .containsEntry(
            "errors",
            List.of(
                Map.of(
                    "path",
                    "$.scheduler.schedules.office.uptime[1]",
                    "reason",
                    CHECK_ERROR.substring(CHECK_ERROR.indexOf(": ") + 2))));
  }

  @Test
  void validateOfAFileThatIsNotThereIsAUsageError() {
    Cli missing = Cli.offline("validate", dir.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.stderr()).startsWith("steward: cannot read " + dir.resolve("nope.json"));
  }

  /** What StewardConfig.parse says of a negative grace period (the parser's own words). */
  static final String PARSE_ERROR =
      "$.scheduler.gracePeriodMinutes: must be between 0 and 10080, was -5";

  /** What the scheduler's ScheduleConfigCheck says of a window without minutes. */
  static final String CHECK_ERROR =
      "$.scheduler.schedules.office.uptime[1]: window 'Mon-Fri 7-19' is not like 'Mon-Fri"
          + " 07:00-19:00' (days, then HH:MM-HH:MM)";

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
