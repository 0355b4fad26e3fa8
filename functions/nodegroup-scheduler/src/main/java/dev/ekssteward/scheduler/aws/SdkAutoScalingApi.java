package dev.ekssteward.scheduler.aws;

import dev.ekssteward.scheduler.asg.AsgTag;
import dev.ekssteward.scheduler.asg.AutoScalingApi;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Answers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/** {@link AutoScalingApi} over the Auto Scaling SDK client of one target. */
public final class SdkAutoScalingApi implements AutoScalingApi {
  static final String GROUP = "auto-scaling-group";

  private final AutoScalingClient autoscaling;

  public SdkAutoScalingApi(AutoScalingClient autoscaling) {
    this.autoscaling = autoscaling;
  }

  @Override
  public Map<String, Map<String, AsgTag>> tags(Collection<String> groups, Set<String> keys) {
    Map<String, Map<String, AsgTag>> out = new LinkedHashMap<>();
    if (groups.isEmpty()) {
      return out;
    }
    List<Filter> filters =
        List.of(
            Filter.builder().name(GROUP).values(groups).build(),
            Filter.builder().name("key").values(keys).build());
    String next = null;
    do {
      String token = next;
      DescribeTagsResponse page =
          autoscaling.describeTags(r -> r.filters(filters).nextToken(token));
      for (TagDescription t : page.tags()) {
        out.computeIfAbsent(t.resourceId(), g -> new LinkedHashMap<>())
            .put(t.key(), new AsgTag(t.value(), Boolean.TRUE.equals(t.propagateAtLaunch())));
      }
      next = page.nextToken();
    } while (next != null);
    return out;
  }

  @Override
  public Result deleteTags(String group, Set<String> keys) {
    List<Tag> tags = new ArrayList<>();
    keys.forEach(k -> tags.add(Tag.builder().resourceId(group).resourceType(GROUP).key(k).build()));
    return Answers.of(() -> autoscaling.deleteTags(r -> r.tags(tags)));
  }

  @Override
  public Result putTags(String group, Map<String, AsgTag> tags) {
    List<Tag> put = new ArrayList<>();
    tags.forEach(
        (k, t) ->
            put.add(
                Tag.builder()
                    .resourceId(group)
                    .resourceType(GROUP)
                    .key(k)
                    .value(t.value())
                    .propagateAtLaunch(t.propagateAtLaunch())
                    .build()));
    return Answers.of(() -> autoscaling.createOrUpdateTags(r -> r.tags(put)));
  }
}
