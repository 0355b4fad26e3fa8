package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.config.TargetsConfig.Account;
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
  private final String function;

  /**
   * {@code partition} is the function's own: member roles and regions can only be in the same one
   * (a role cannot be assumed across partitions). {@code function} (e.g. {@code tag-enforcer})
   * names the member role it assumes: {@code <configured role>-<function>}.
   */
  public Targets(String homeRegion, String homeAccount, String partition, String function) {
    this.homeRegion = homeRegion;
    this.homeAccount = homeAccount;
    this.partition = partition;
    this.function = function;
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
          out.add(new Target(account.accountId(), region, account.roleArnFor(partition, function)));
        }
      }
    }
    return out;
  }

  /**
   * The configured targets of one account (null: any) and region (null: any); none when it is out
   * of scope.
   */
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
