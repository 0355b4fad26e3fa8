package dev.ekssteward.tagging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where moto cannot be compared with, the fake follows AWS (DESIGN.md §5): an unknown Auto Scaling
 * group is not found, and a group holds at most 50 tags, none with the reserved {@code aws:}
 * prefix.
 */
class FakeTaggingApiTest {
  static final Target HOME = Target.home(FakeTaggingApi.REGION);

  final FakeTaggingApi api = new FakeTaggingApi();

  @Test
  void anUnknownGroupIsNotFound() {
    assertThat(api.tagAutoScalingGroup(HOME, "eks-x", Map.of("a", "b")))
        .isEqualTo(
            new Result.NotFound("AutoScalingGroup not found - AutoScaling Group eks-x not found"));
  }

  @Test
  void aGroupRefusesReservedKeysAndMoreThanFiftyTags() {
    api.addAsg("eks-1", "dev-1");
    Map<String, String> fifty = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      fifty.put("k" + i, "v");
    }

    Result reserved = api.tagAutoScalingGroup(HOME, "eks-1", Map.of("aws:x", "y"));
    Result tooMany = api.tagAutoScalingGroup(HOME, "eks-1", fifty);
    Result fine = api.tagAutoScalingGroup(HOME, "eks-1", Map.of("team", "search"));

    assertThat(reserved).isInstanceOf(Result.Refused.class);
    assertThat(tooMany)
        .isEqualTo(
            new Result.Refused(
                "LimitExceededException: The number of tags exceeds the limit of 50"));
    assertThat(fine).isInstanceOf(Result.Done.class);
    assertThat(api.asgTags("eks-1"))
        .containsOnlyKeys("eks:cluster-name", "team")
        .containsEntry("team", new FakeTaggingApi.AsgTag("search", true));
  }
}
