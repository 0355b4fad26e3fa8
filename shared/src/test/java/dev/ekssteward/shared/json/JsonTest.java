package dev.ekssteward.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

  @Test
  void parsesEveryKindOfValue() {
    Object tree =
        Json.parse(
            "{\"s\":\"a\\\"b\\u00e9\\n\",\"n\":-1.5e2,\"i\":42,\"t\":true,\"f\":false,\"z\":null,"
                + "\"a\":[1,[],{}]}");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "a\"bé\n");
    expected.put("n", new BigDecimal("-1.5e2"));
    expected.put("i", new BigDecimal("42"));
    expected.put("t", true);
    expected.put("f", false);
    expected.put("z", null);
    expected.put("a", List.of(new BigDecimal("1"), List.of(), Map.of()));
    assertThat(tree).isEqualTo(expected);
  }

  @Test
  void writesWhatItParses() {
    String text = "{\"a\":[1,\"x\\ty\",true,null],\"b\":{\"c\":-0.5}}";

    assertThat(Json.write(Json.parse(text))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1,}|expected a field name at offset 7",
        "[1 2]|expected ',' or ']' at offset 3",
        "{\"a\":1}x|unexpected text after the JSON value at offset 7",
        "{\"a\":01}|malformed number at offset 5",
        "{\"a\":1,\"a\":2}|duplicate field \"a\" at offset 7",
        "\"abc|unterminated string at offset 4",
        "tru|unexpected token at offset 0",
        "x|unexpected character 'x' at offset 0",
        "''|unexpected end of document at offset 0",
      })
  void rejectsMalformedDocumentsWithTheOffset(String text, String message) {
    assertThatThrownBy(() -> Json.parse(text))
        .isInstanceOf(JsonException.class)
        .hasMessage(message);
  }

  @Test
  void boundsNestingDepth() {
    String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);

    assertThatThrownBy(() -> Json.parse(deep))
        .isInstanceOf(JsonException.class)
        .hasMessageStartingWith("nesting deeper than 64");
  }

  @Test
  void parseObjectRequiresAnObject() {
    assertThatThrownBy(() -> Json.parseObject("[]"))
        .hasMessage("document must be a JSON object at offset 0");
  }
}
