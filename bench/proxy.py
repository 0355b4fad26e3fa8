#!/usr/bin/env python3
"""Fleet-simulator proxy: sits between a function and moto, adds a fixed latency to every AWS call,
counts calls by operation, and can answer a fixed share of them with a throttle.

  bench/proxy.py --upstream http://127.0.0.1:5000 [--port 0] [--latency-ms 25]
                 [--throttle-every N] [--throttle-kind request-limit|throttling]
                 [--throttle-services eks]

It prints "listening <port>" on stdout once ready. Control (never counted, no latency):
  GET  /__proxy/stats   -> {"calls": {"eks:ListClusters": 3, ...}, "throttled": {...}, "total": n,
                            "upstreamMs": {"eks:ListClusters": 9.4, ...}, "upstreamMsTotal": ms}
                           (upstreamMs: the time moto took to answer, the added latency excluded)
  POST /__proxy/reset   -> zero the counters
  POST /__proxy/config  -> JSON {"latencyMs": 25, "throttleEvery": 10, "throttleKind": "...",
                           "throttleServices": ["eks"]}
Requests to /moto-api/ pass straight through. Throttling is deterministic: every N-th call to a
throttled service (counting only those calls) is answered without reaching moto, as EKS does:
HTTP 400 InvalidRequestException "Request limit exceeded", or HTTP 400 ThrottlingException.
"""
import argparse
import http.client
import json
import re
import socket
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
              "proxy-authorization", "proxy-authenticate", "content-length"}
JSON_TARGET_PREFIX = {"AmazonSSM": "ssm", "AWSEvents": "events", "AmazonSQS": "sqs"}
EKS_ROUTES = [  # (method, path regex, operation), most specific first
    ("GET", r"^/clusters$", "ListClusters"),
    ("GET", r"^/clusters/[^/]+$", "DescribeCluster"),
    ("GET", r"^/clusters/[^/]+/node-groups$", "ListNodegroups"),
    ("GET", r"^/clusters/[^/]+/node-groups/[^/]+$", "DescribeNodegroup"),
    ("POST", r"^/clusters/[^/]+/node-groups/[^/]+/update-config$", "UpdateNodegroupConfig"),
    ("POST", r"^/clusters/[^/]+/node-groups$", "CreateNodegroup"),
    ("GET", r"^/clusters/[^/]+/fargate-profiles$", "ListFargateProfiles"),
    ("GET", r"^/clusters/[^/]+/fargate-profiles/[^/]+$", "DescribeFargateProfile"),
    ("POST", r"^/clusters/[^/]+/fargate-profiles$", "CreateFargateProfile"),
    ("DELETE", r"^/clusters/[^/]+/fargate-profiles/[^/]+$", "DeleteFargateProfile"),
    ("GET", r"^/tags/.+$", "ListTagsForResource"),
    ("POST", r"^/tags/.+$", "TagResource"),
    ("DELETE", r"^/tags/.+$", "UntagResource"),
    ("POST", r"^/clusters$", "CreateCluster"),
]


class State:
    def __init__(self, latency_ms, throttle_every, throttle_kind, throttle_services):
        self.lock = threading.Lock()
        self.latency_ms = latency_ms
        self.throttle_every = throttle_every
        self.throttle_kind = throttle_kind
        self.throttle_services = set(throttle_services)
        self.reset()

    def reset(self):
        with self.lock:
            self.calls = {}
            self.throttled = {}
            self.seen_throttleable = 0
            self.upstream_ms = {}

    def record(self, operation, service):
        """Counts one call; True when this one is to be answered with a throttle."""
        with self.lock:
            throttle = False
            if self.throttle_every and service in self.throttle_services:
                self.seen_throttleable += 1
                throttle = self.seen_throttleable % self.throttle_every == 0
            counter = self.throttled if throttle else self.calls
            counter[operation] = counter.get(operation, 0) + 1
            return throttle

    def answered(self, operation, ms):
        """Adds the time moto took to answer one call."""
        with self.lock:
            self.upstream_ms[operation] = self.upstream_ms.get(operation, 0.0) + ms

    def stats(self):
        with self.lock:
            return {"calls": dict(sorted(self.calls.items())),
                    "throttled": dict(sorted(self.throttled.items())),
                    "total": sum(self.calls.values()),
                    "totalThrottled": sum(self.throttled.values()),
                    "latencyMs": self.latency_ms, "throttleEvery": self.throttle_every,
                    "throttleKind": self.throttle_kind,
                    "upstreamMs": {k: round(v, 2) for k, v in sorted(self.upstream_ms.items())},
                    "upstreamMsTotal": round(sum(self.upstream_ms.values()), 2)}


def operation_of(method, path, headers, body):
    """service:Operation of one AWS request (JSON, REST-JSON and query protocols)."""
    auth = headers.get("Authorization", "")
    scope = re.search(r"Credential=[^/]+/\d+/[^/]+/([^/]+)/", auth)
    service = scope.group(1) if scope else "unknown"
    target = headers.get("X-Amz-Target")
    if target and "." in target:
        prefix, op = target.rsplit(".", 1)
        return JSON_TARGET_PREFIX.get(prefix.split("_")[0], service) + ":" + op, service
    if service == "eks":
        route = urllib.parse.urlsplit(path).path
        for m, pattern, op in EKS_ROUTES:
            if m == method and re.match(pattern, route):
                return "eks:" + op, service
        return "eks:" + method + " " + route, service
    if body:
        action = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action")
        if action:
            return service + ":" + action[0], service
    return service + ":" + method, service


def make_handler(state, upstream):
    up = urllib.parse.urlsplit(upstream)
    local = threading.local()

    def connection():
        if getattr(local, "conn", None) is None:
            local.conn = http.client.HTTPConnection(up.hostname, up.port, timeout=120)
            local.conn.connect()
            local.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return local.conn

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        wbufsize = -1  # headers and body leave in one segment (with Nagle off, no 40 ms stalls)

        def setup(self):
            super().setup()
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, *args):
            pass

        def _body(self):
            n = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(n) if n else b""

        def _reply(self, status, headers, body):
            self.send_response(status)
            for k, v in headers:
                if k.lower() not in HOP_BY_HOP:
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()

        def _control(self, body):
            if self.path == "/__proxy/stats":
                out = state.stats()
            elif self.path == "/__proxy/reset":
                state.reset()
                out = {"reset": True}
            elif self.path == "/__proxy/config":
                cfg = json.loads(body or b"{}")
                with state.lock:
                    state.latency_ms = cfg.get("latencyMs", state.latency_ms)
                    state.throttle_every = cfg.get("throttleEvery", state.throttle_every)
                    state.throttle_kind = cfg.get("throttleKind", state.throttle_kind)
                    state.throttle_services = set(cfg.get("throttleServices",
                                                          state.throttle_services))
                out = state.stats()
            else:
                return self._reply(404, [], b"{}")
            self._reply(200, [("Content-Type", "application/json")], json.dumps(out).encode())

        def _forward(self):
            body = self._body()
            if self.path.startswith("/__proxy/"):
                return self._control(body)
            counted = not self.path.startswith("/moto-api")
            if counted:
                op, service = operation_of(self.command, self.path, self.headers, body)
                throttle = state.record(op, service)
                if state.latency_ms:
                    time.sleep(state.latency_ms / 1000.0)
                if throttle:
                    return self._throttle()
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            for attempt in (1, 2):
                try:
                    c = connection()
                    start = time.perf_counter()
                    c.request(self.command, self.path, body=body, headers=headers)
                    r = c.getresponse()
                    data = r.read()
                    if counted:
                        state.answered(op, (time.perf_counter() - start) * 1000)
                    break
                except (http.client.HTTPException, OSError):
                    local.conn = None  # moto closed a kept-alive connection: reconnect once
                    if attempt == 2:
                        return self._reply(502, [], b"upstream failed")
            self._reply(r.status, r.getheaders(), data)

        def _throttle(self):
            if state.throttle_kind == "throttling":
                body = {"__type": "ThrottlingException", "message": "Rate exceeded"}
                kind = "ThrottlingException"
            else:
                body = {"message": "Request limit exceeded"}
                kind = "InvalidRequestException"
            self._reply(400, [("Content-Type", "application/json"), ("x-amzn-ErrorType", kind)],
                        json.dumps(body).encode())

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = _forward

    return Handler


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--upstream", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--latency-ms", type=float, default=25.0)
    p.add_argument("--throttle-every", type=int, default=0)
    p.add_argument("--throttle-kind", choices=["request-limit", "throttling"],
                   default="request-limit")
    p.add_argument("--throttle-services", nargs="*", default=["eks"])
    a = p.parse_args()
    state = State(a.latency_ms, a.throttle_every, a.throttle_kind, a.throttle_services)
    server = ThreadingHTTPServer(("127.0.0.1", a.port), make_handler(state, a.upstream))
    server.daemon_threads = True
    server.request_queue_size = 128
    print("listening", server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
