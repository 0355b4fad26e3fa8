package dev.ekssteward.thumbprint.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbprintsTest {
  static String t(char c) {
    return String.valueOf(c).repeat(40);
  }

  @Test
  void currentComesFirstThenExistingNewestFirst() {
    assertThat(Thumbprints.rotate(List.of(t('a')), List.of(t('b'), t('c'))))
        .containsExactly(t('a'), t('b'), t('c'));
  }

  @Test
  void capsAtFiveDroppingTheOldestButNeverTheCurrent() {
    List<String> existing = List.of(t('1'), t('2'), t('3'), t('4'), t('5'));

    assertThat(Thumbprints.rotate(List.of(t('a')), existing))
        .containsExactly(t('a'), t('1'), t('2'), t('3'), t('4'));
    assertThat(Thumbprints.rotate(List.of(t('a'), t('b')), existing))
        .containsExactly(t('a'), t('b'), t('1'), t('2'), t('3'));
  }

  @Test
  void deduplicatesIgnoringCaseAndWritesLowerCase() {
    assertThat(Thumbprints.rotate(List.of(t('a')), List.of(t('A'), t('B'), t('b'))))
        .containsExactly(t('a'), t('b'));
  }

  @Test
  void dropsMalformedEntries() {
    assertThat(Thumbprints.rotate(List.of(t('a')), List.of("not-a-thumbprint", t('g'), t('b'))))
        .containsExactly(t('a'), t('b'));
  }

  @Test
  void comparesSetsIgnoringCaseOrderAndDuplicates() {
    assertThat(Thumbprints.sameSet(List.of(t('a'), t('b')), List.of(t('B'), t('A'), t('a'))))
        .isTrue();
    assertThat(Thumbprints.sameSet(List.of(t('a')), List.of(t('a'), t('b')))).isFalse();
  }

  @Test
  void writableMeansOneToFiveValidEntries() {
    assertThat(Thumbprints.writable(List.of())).isFalse();
    assertThat(Thumbprints.writable(List.of(t('a')))).isTrue();
    assertThat(Thumbprints.writable(List.of(t('1'), t('2'), t('3'), t('4'), t('5'), t('6'))))
        .isFalse();
    assertThat(Thumbprints.writable(List.of("abc"))).isFalse();
  }
}
