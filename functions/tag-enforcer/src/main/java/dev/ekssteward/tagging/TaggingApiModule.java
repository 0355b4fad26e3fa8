package dev.ekssteward.tagging;

import dagger.Binds;
import dagger.Module;
import dev.ekssteward.tagging.aws.SdkTaggingApi;
import dev.ekssteward.tagging.aws.TaggingApi;

/** Production binding of the port; the test twin binds an in-memory EKS and Auto Scaling. */
@Module
public abstract class TaggingApiModule {
  @Binds
  abstract TaggingApi api(SdkTaggingApi api);
}
