package dev.ekssteward.cli;

import dev.ekssteward.scheduler.ScheduleConfigCheck;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.config.ConfigCheck;
import dev.ekssteward.shared.config.ConfigException;
import dev.ekssteward.shared.config.ConfigLoader;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * One run of the CLI: its streams, environment and clock, and, built only when a command needs
 * them, the settings and AWS clients of the shared module (the same credential chain, retries and
 * endpoint override as the functions; {@code AWS_ENDPOINT_URL} points them at the local AWS).
 */
final class Session {
  /**
   * The functions' own config checks, run after parsing. Every check a function registers
   * (SharedModule's {@code Set<ConfigCheck>}) belongs here: today only the scheduler has one.
   */
  static final Set<ConfigCheck> CHECKS = Set.of(new ScheduleConfigCheck());

  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;
  final Clock clock;
  private Settings settings;
  private AwsClients clients;

  Session(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.clock = clock;
  }

  /** --region, else AWS_REGION / AWS_DEFAULT_REGION, else the profile's region. */
  String region(Args args) {
    if (args.option("region") != null) {
      return args.option("region");
    }
    for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion().id();
    } catch (SdkClientException e) {
      throw new UsageException("no region: give --region or set AWS_REGION");
    }
  }

  /**
   * The settings a function would read from this environment (CONFIG_PREFIX, AWS_ENDPOINT_URL),
   * with the region of {@link #region} and the record key of {@code --record-key}.
   */
  Settings settings(Args args) {
    if (settings == null) {
      Map<String, String> fn = new HashMap<>();
      for (String name : List.of("CONFIG_PREFIX", "AWS_ENDPOINT_URL")) {
        if (env.get(name) != null) {
          fn.put(name, env.get(name));
        }
      }
      fn.put("AWS_REGION", region(args));
      fn.put("DRY_RUN", "true");
      if (args.option("record-key") != null) {
        fn.put("RECORD_KEY_ID", args.option("record-key"));
      }
      try {
        settings = Settings.from(fn);
      } catch (ConfigException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return settings;
  }

  AwsClients clients(Args args) {
    if (clients == null) {
      clients = new AwsClients(settings(args), "cli", List.of(), Waits.real().backoff());
    }
    return clients;
  }

  /**
   * The config the functions run with: {@code --config <file>} (checked as {@code validate} checks
   * it), else {@code <CONFIG_PREFIX>/config} in Parameter Store, loaded by the functions' own
   * loader. An invalid one is a {@link ConfigException} with the functions' message.
   */
  ConfigLoader.Loaded config(Args args) {
    String file = args.option("config");
    if (file != null) {
      String text = read(file);
      ConfigLoader offline = new ConfigLoader(null, CHECKS, clock);
      return new ConfigLoader.Loaded(
          offline.validated(StewardConfig.parse(text, file), file), file);
    }
    return new ConfigLoader(clients(args), CHECKS, clock).load();
  }

  static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException | RuntimeException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
