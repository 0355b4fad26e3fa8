package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.thumbprint.model.IssuerCheck;
import dev.ekssteward.thumbprint.model.Probe;
import dev.ekssteward.thumbprint.tls.IssuerTrust;
import dev.ekssteward.thumbprint.tls.ProbeFailure;
import dev.ekssteward.thumbprint.tls.ThumbprintProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import javax.inject.Inject;

/**
 * Probes the issuers that need it, a few at a time, so one slow issuer does not hold up the rest.
 * An issuer whose provider is missing and will not be created is not contacted at all.
 */
final class Probes {
  private final ThumbprintProbe probe;

  @Inject
  Probes(ThumbprintProbe probe) {
    this.probe = probe;
  }

  List<IssuerCheck> check(List<IssuerCheck> checks, StewardConfig config) {
    boolean create = config.thumbprints().createMissingProviders();
    Predicate<IssuerCheck> wanted = c -> c.provider() != null || create;
    long count = checks.stream().filter(wanted).count();
    if (count == 0) {
      return checks;
    }
    IssuerTrust trust;
    try {
      trust = IssuerTrust.load(System.getenv());
    } catch (ProbeFailure e) {
      return checks.stream()
          .map(c -> wanted.test(c) ? with(c, new Probe.Failed(e.getMessage())) : c)
          .toList();
    }
    int threads = Math.max(1, Math.min(config.thumbprints().maxConcurrency(), (int) count));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Probe>> futures = new ArrayList<>();
      for (IssuerCheck c : checks) {
        futures.add(
            wanted.test(c)
                ? pool.submit(() -> probe.probe(c.issuer(), trust, config.thumbprints()))
                : null);
      }
      List<IssuerCheck> out = new ArrayList<>();
      for (int i = 0; i < checks.size(); i++) {
        Future<Probe> f = futures.get(i);
        out.add(f == null ? checks.get(i) : with(checks.get(i), result(f)));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Probe result(Future<Probe> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      return new Probe.Failed("check failed: " + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe.Failed("interrupted");
    }
  }

  private static IssuerCheck with(IssuerCheck c, Probe p) {
    return new IssuerCheck(c.issuer(), c.cluster(), c.provider(), p);
  }
}
