package dev.ekssteward.shared.testing.seed;

import dev.ekssteward.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The opt-in realism of the local AWS ({@code /eks-steward/options}, local/moto/README.md): read
 * and switched over HTTP. Unchecked, so tests can switch options inside lambdas and fixtures.
 */
public final class LocalOptions {
  private final URI endpoint;

  public LocalOptions(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** Every option's current value; empty when the server is plain moto (no such endpoint). */
  public Optional<Map<String, Object>> current() {
    return exchange("GET", null);
  }

  /**
   * Changes the named options (null restores one's start-up value).
   *
   * @return every option's value afterwards
   * @throws IllegalArgumentException for an unknown option or a value it does not take
   */
  public Map<String, Object> change(Map<String, ?> changes) {
    return exchange("POST", Json.write(changes))
        .orElseThrow(() -> new IllegalStateException(endpoint + " has no /eks-steward/options"));
  }

  /**
   * Seconds until the last EKS transition under way in the local AWS ends (0: none, or plain moto):
   * {@code GET /eks-steward/transitions}.
   */
  public double pendingTransitionSeconds() {
    return exchange("/eks-steward/transitions", "GET", null)
        .map(m -> ((Number) m.get("pendingSeconds")).doubleValue())
        .orElse(0.0);
  }

  /**
   * Ends every EKS transition under way in the local AWS now ({@code POST
   * /eks-steward/transitions}): the next request sees each resource as if its time had come.
   */
  public void endTransitions() {
    exchange("/eks-steward/transitions", "POST", "{}")
        .orElseThrow(
            () -> new IllegalStateException(endpoint + " has no /eks-steward/transitions"));
  }

  /**
   * Sets a node group's status as EKS does after a failed scale-out ({@code DEGRADED}, with its
   * health issue) or a successful one ({@code ACTIVE}): {@code POST /eks-steward/nodegroup-status}.
   * UpdateNodegroupConfig is still accepted while DEGRADED, and the group is DEGRADED again after
   * the update.
   *
   * @return the group's status and health afterwards
   * @throws IllegalArgumentException for another status, an unknown group or one in a transition
   */
  public Map<String, Object> nodegroupStatus(
      String account, String region, String cluster, String nodegroup, String status) {
    Map<String, Object> ask = new LinkedHashMap<>();
    ask.put("account", account);
    ask.put("region", region);
    ask.put("cluster", cluster);
    ask.put("nodegroup", nodegroup);
    ask.put("status", status);
    return exchange("/eks-steward/nodegroup-status", "POST", Json.write(ask))
        .orElseThrow(
            () -> new IllegalStateException(endpoint + " has no /eks-steward/nodegroup-status"));
  }

  private Optional<Map<String, Object>> exchange(String method, String body) {
    return exchange("/eks-steward/options", method, body);
  }

  private Optional<Map<String, Object>> exchange(String path, String method, String body) {
    try {
      HttpURLConnection c = (HttpURLConnection) endpoint.resolve(path).toURL().openConnection();
      c.setRequestMethod(method);
      if (body != null) {
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = c.getResponseCode();
      if (status == 404) {
        return Optional.empty();
      }
      InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
      Map<String, Object> answer =
          Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (status == 400) {
        throw new IllegalArgumentException(String.valueOf(answer.get("message")));
      }
      if (status != 200) {
        throw new IOException("local AWS options: HTTP " + status + " " + answer);
      }
      return Optional.of(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
