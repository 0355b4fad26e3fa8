package dev.ekssteward.shared.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code scheduler.prices}: USD per instance-hour by EC2 instance type, and a {@code default} for
 * types not listed; the scheduler multiplies the node-hours a schedule avoided by them for the
 * {@code EstimatedSavingsUSD} metric. From config rather than the Price List API: that API answers
 * only in us-east-1, eu-central-1 and ap-south-1, with large documents, and a schedule tick should
 * not call it (docs/nodegroup-scheduler.md#savings).
 *
 * @param perType price per instance type ({@code m5.large})
 * @param fallback price of an unlisted type, or null: no estimate for it
 */
public record InstancePrices(Map<String, Double> perType, Double fallback) {
  public static final String DEFAULT_KEY = "default";

  /** A price above this is a typo (the largest on-demand types cost a few hundred USD an hour). */
  static final BigDecimal MAX = BigDecimal.valueOf(10_000);

  private static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9-]*\\.[a-z0-9-]+$");

  public static final InstancePrices NONE = new InstancePrices(Map.of(), null);

  public InstancePrices {
    perType = Map.copyOf(perType);
  }

  /** The price of an instance-hour of {@code instanceType}, or null when unknown. */
  public Double of(String instanceType) {
    Double price = instanceType == null ? null : perType.get(instanceType);
    return price != null ? price : fallback;
  }

  static InstancePrices read(Node node) {
    Map<String, Double> perType = new LinkedHashMap<>();
    Double[] fallback = {null};
    node.entries(
        (key, price) -> {
          Double value = price(price);
          if (key.equals(DEFAULT_KEY)) {
            fallback[0] = value;
          } else if (!TYPE.matcher(key).matches()) {
            price.error("is not an EC2 instance type such as m5.large (or \"default\")");
          } else if (value != null) {
            perType.put(key, value);
          }
          return null;
        });
    return new InstancePrices(perType, fallback[0]);
  }

  private static Double price(Node node) {
    if (!(node.raw() instanceof BigDecimal n)) {
      node.error("must be a number (USD per instance-hour)");
      return null;
    }
    if (n.signum() < 0 || n.compareTo(MAX) > 0) {
      node.error("must be between 0 and " + MAX + " USD per instance-hour, was " + n);
      return null;
    }
    return n.doubleValue();
  }
}
