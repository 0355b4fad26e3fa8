package dev.ekssteward.scheduler.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Write one parameter of the record index (or delete it: {@code value} null), once per run and
 * (account, region) whose clusters changed: Parameter Store takes few writes a second.
 *
 * @param target the parameter's name
 * @param clusters every cluster the (account, region) now has in the index
 */
public record UpdateRecordIndex(String target, IndexKey key, List<String> clusters, String value)
    implements LedgerAction {
  public UpdateRecordIndex {
    clusters = List.copyOf(clusters);
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("account", key.account());
    d.put("region", key.region());
    d.put("clusters", clusters);
    d.put("delete", value == null);
    return d;
  }
}
