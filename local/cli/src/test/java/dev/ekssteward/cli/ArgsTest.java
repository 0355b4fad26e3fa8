package dev.ekssteward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
  @Test
  void readsCommandOperandsOptionsAndFlags() {
    Args a = Args.parse("wake", "dev-1", "--nodegroups", "a,b", "--for=2h", "--dry-run");
    assertThat(a.command()).isEqualTo("wake");
    assertThat(a.operands()).containsExactly("dev-1");
    assertThat(a.list("nodegroups")).containsExactly("a", "b");
    assertThat(a.duration("for")).isEqualTo(Duration.ofHours(2));
    assertThat(a.flag("dry-run")).isTrue();
    assertThat(a.flag("strict")).isFalse();
  }

  @Test
  void durationsAreHoursAndMinutes() {
    assertThat(Args.parse("x", "--for", "1h30m").duration("for")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Args.parse("x", "--for", "45m").duration("for")).isEqualTo(Duration.ofMinutes(45));
    assertThat(Args.parse("x").duration("for")).isNull();
    assertThatThrownBy(() -> Args.parse("x", "--for", "2 hours").duration("for"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--for must look like 2h, 90m or 1h30m, was '2 hours'");
    assertThatThrownBy(() -> Args.parse("x", "--for", "0h").duration("for"))
        .hasMessage("--for must be longer than zero");
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThatThrownBy(() -> Args.parse("status", "--output"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--output needs a value");
    assertThatThrownBy(() -> Args.parse("status", "--strict=yes"))
        .hasMessage("--strict takes no value");
    assertThatThrownBy(() -> Args.parse("status", "--region", "a", "--region", "b"))
        .hasMessage("--region is given twice");
    assertThatThrownBy(() -> Args.parse("x", "--nodegroups", "a,,b").list("nodegroups"))
        .hasMessage("--nodegroups has an empty name: 'a,,b'");
  }

  @Test
  void aCommandAcceptsOnlyItsOwnOptions() {
    assertThatThrownBy(() -> Args.parse("status", "--strikt"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option --strikt");
    Args a = Args.parse("status", "--at", "2026-12-07T20:00:00Z");
    assertThatThrownBy(() -> a.allow(Set.of("strict")))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option --at for 'status'");
    assertThat(Args.parse("status", "--output", "json", "--strict").allow(Set.of("strict")))
        .isNotNull();
    assertThatThrownBy(() -> Args.parse("explain").operands(1, "one operand"))
        .hasMessage("'explain' takes one operand");
    assertThat(Args.parse("explain", "a/b").operands(1, "x")).isEqualTo(List.of("a/b"));
  }
}
