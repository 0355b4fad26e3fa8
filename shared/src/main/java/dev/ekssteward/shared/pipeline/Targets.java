package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.config.TargetsConfig.Account;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.Trigger.ParameterChange;
import dev.ekssteward.shared.event.Trigger.WakeRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The (account, region) pairs in scope for one invocation: the configured regions (default: the
 * function's own) times the function's own account plus the configured member accounts.
 */
public final class Targets {
  private final String homeRegion;
  private final String homeAccount;
  private final String partition;

  /**
   * {@code partition} is the function's own: member roles and regions can only be in the same one
   * (a role cannot be assumed across partitions).
   */
  public Targets(String homeRegion, String homeAccount, String partition) {
    this.homeRegion = homeRegion;
    this.homeAccount = homeAccount;
    this.partition = partition;
  }

  public String homeAccount() {
    return homeAccount;
  }

  public Target home() {
    return new Target(homeAccount, homeRegion, null);
  }

  public List<String> regions(StewardConfig config) {
    List<String> regions = config.targets().regions();
    return regions.isEmpty() ? List.of(homeRegion) : regions;
  }

  public List<Target> all(StewardConfig config) {
    List<Target> out = new ArrayList<>();
    for (String region : regions(config)) {
      out.add(new Target(homeAccount, region, null));
      for (Account account : config.targets().accounts()) {
        if (!account.accountId().equals(homeAccount)) {
          out.add(new Target(account.accountId(), region, account.roleArnIn(partition)));
        }
      }
    }
    return out;
  }

  /** Schedule ticks cover everything; AWS events cover only the account and region they name. */
  public List<Target> forTrigger(Trigger trigger, StewardConfig config) {
    String account;
    String region;
    if (trigger instanceof CloudTrailCall c) {
      account = c.account();
      region = c.region();
    } else if (trigger instanceof ParameterChange p) {
      // Desired state lives in our own account and region; it may describe any target region.
      return all(config).stream().filter(t -> t.roleArn() == null).toList();
    } else if (trigger instanceof WakeRequest w) {
      account = w.account();
      region = w.region();
    } else {
      return all(config);
    }
    return matching(config, account, region);
  }

  /** The configured target for one account and region, or none when it is out of scope. */
  public List<Target> matching(StewardConfig config, String account, String region) {
    return all(config).stream()
        .filter(t -> region == null || t.region().equals(region))
        .filter(
            t ->
                account == null
                    || account.equals(t.accountId())
                    || (t.roleArn() == null && homeAccount == null))
        .toList();
  }
}
