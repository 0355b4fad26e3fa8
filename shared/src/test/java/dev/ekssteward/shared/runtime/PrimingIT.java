package dev.ekssteward.shared.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PrimingIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  @Test
  void primingBuildsClientsButCallsNoAwsApi() {
    CallRecorder calls = new CallRecorder("shared");
    AwsClients clients =
        new AwsClients(aws.settings(true), "priming-test", List.of(calls), Waits.none().backoff());

    Priming.register(v -> clients.prime()).prime();

    assertThat(calls.calls()).isEmpty();
    assertThat(clients.eks(clients.home())).isSameAs(clients.eks(clients.home()));
  }
}
