package dev.ekssteward.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code scheduler.prices}: USD per instance-hour by type, and a default. */
class InstancePricesTest {
  @Test
  void pricesByTypeWithTheDefaultForTheRest() {
    InstancePrices p =
        StewardConfig.parse(
                "{\"scheduler\": {\"prices\": {\"m5.large\": 0.096, \"u-6tb1.metal\": 54.6,"
                    + " \"t3.medium\": 0, \"default\": 0.1}}}",
                "cfg")
            .scheduler()
            .prices();

    assertThat(p.perType())
        .isEqualTo(Map.of("m5.large", 0.096, "u-6tb1.metal", 54.6, "t3.medium", 0.0));
    assertThat(p.of("m5.large")).isEqualTo(0.096);
    assertThat(p.of("t3.medium")).isZero();
    assertThat(p.of("c7g.xlarge")).isEqualTo(0.1);
    assertThat(p.of(null)).isEqualTo(0.1);
  }

  @Test
  void withoutPricesThereIsNoEstimate() {
    InstancePrices p = StewardConfig.parse("{}", "cfg").scheduler().prices();

    assertThat(p).isEqualTo(InstancePrices.NONE);
    assertThat(p.of("m5.large")).isNull();
    assertThat(
            StewardConfig.parse("{\"scheduler\": {\"prices\": {\"m5.large\": 0.096}}}", "cfg")
                .scheduler()
                .prices()
                .of("m5.xlarge"))
        .isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"m5.large\": -0.1}|$.scheduler.prices.m5.large: must be between 0 and 10000 USD per"
            + " instance-hour, was -0.1",
        "{\"default\": 100000}|$.scheduler.prices.default: must be between 0 and 10000 USD per"
            + " instance-hour, was 100000",
        "{\"m5.large\": \"0.096\"}|$.scheduler.prices.m5.large: must be a number (USD per"
            + " instance-hour)",
        "{\"M5 large\": 1}|$.scheduler.prices.M5 large: is not an EC2 instance type such as"
            + " m5.large (or \"default\")",
        "[0.1]|$.scheduler.prices: must be an object",
      })
  void namesThePriceAndTheReason(String prices, String error) {
    assertThatThrownBy(
            () -> StewardConfig.parse("{\"scheduler\": {\"prices\": " + prices + "}}", "cfg"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.errors()).extracting(Object::toString).containsExactly(error));
  }
}
