package dev.ekssteward.shared.request;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who sent a request, as STS answered the request's proof: the caller's ARN (for a role session
 * {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}) and account.
 */
public record Caller(String arn, String account, String requestId) {

  /** The audit events' {@code request} field. */
  public Map<String, Object> toDetail() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", requestId);
    out.put("caller", arn);
    out.put("account", account);
    return out;
  }
}
