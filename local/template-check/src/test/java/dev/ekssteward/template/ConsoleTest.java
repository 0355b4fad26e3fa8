package dev.ekssteward.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the CloudFormation console shows: every parameter in a group, with a label; outputs say what
 * they are.
 */
class ConsoleTest {
  @Test
  @SuppressWarnings("unchecked")
  void everyParameterIsInExactlyOneGroupAndHasALabel() throws Exception {
    SamTemplate t = SamTemplate.load();
    Map<String, Object> parameters = t.map(t.root.get("Parameters"));
    Map<String, Object> ui =
        t.map(t.map(t.root.get("Metadata")).get("AWS::CloudFormation::Interface"));
    List<String> grouped = new ArrayList<>();
    for (Object g : (List<Object>) ui.get("ParameterGroups")) {
      grouped.addAll((List<String>) t.map(g).get("Parameters"));
    }

    assertThat(grouped).doesNotHaveDuplicates();
    assertThat(grouped).containsExactlyInAnyOrderElementsOf(parameters.keySet());
    assertThat(t.map(ui.get("ParameterLabels")).keySet())
        .containsExactlyInAnyOrderElementsOf(parameters.keySet());
    // A label is {default: text} and nothing else (an unquoted comma in YAML's flow style makes
    // a second key, which CloudFormation refuses).
    List<Object> labels = new ArrayList<>(t.map(ui.get("ParameterLabels")).values());
    for (Object g : (List<Object>) ui.get("ParameterGroups")) {
      labels.add(t.map(g).get("Label"));
    }
    for (Object label : labels) {
      assertThat(t.map(label)).containsOnlyKeys("default");
      assertThat(t.map(label).get("default")).isInstanceOf(String.class);
    }
  }

  @Test
  void everyOutputSaysWhatItIs() throws Exception {
    SamTemplate t = SamTemplate.load();
    Map<String, Object> outputs = t.map(t.root.get("Outputs"));

    assertThat(outputs).isNotEmpty();
    outputs.forEach(
        (name, o) -> assertThat(t.map(o).get("Description")).as(name).isInstanceOf(String.class));
  }
}
