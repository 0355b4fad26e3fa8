package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.request.CallerCheck;

/** What the pipeline tests build their pipelines with. */
final class PipelineTestSupport {
  /** The test controllers take no Wake or Release requests, so no proof is ever checked. */
  static final CallerCheck NO_REQUESTS =
      proof -> {
        throw new AssertionError("this pipeline takes no requests, so no proof is checked");
      };

  private PipelineTestSupport() {}
}
