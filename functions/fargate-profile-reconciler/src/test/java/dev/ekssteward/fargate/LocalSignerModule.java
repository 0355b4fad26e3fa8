package dev.ekssteward.fargate;

import dagger.Module;
import dagger.Provides;
import dev.ekssteward.shared.testing.LocalRecordSigner;
import dev.ekssteward.shared.trust.RecordSigner;

/** The record key in memory, for the test twin of the component (the in-memory EKS). */
@Module
final class LocalSignerModule {
  private LocalSignerModule() {}

  @Provides
  static RecordSigner recordSigner() {
    return LocalRecordSigner.KEY;
  }
}
