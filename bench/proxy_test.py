"""Smoke test of the fleet simulator's proxy (python3 -m unittest proxy_test, from bench/; bench/run
runs it first): it adds the latency, counts calls by operation, forwards bodies intact, and
throttles exactly every N-th call of a throttled service with EKS's own error shape, and times
the upstream's answers without the latency it adds."""
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))


class Echo(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _any(self):
        n = int(self.headers.get("Content-Length") or 0)
        text = self.rfile.read(n).decode()
        if "slow" in text:
            time.sleep(0.05)  # an upstream that takes a known time to answer
        body = json.dumps({"path": self.path, "method": self.command, "body": text}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_DELETE = _any


def auth(service):
    return {"Authorization": f"AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/{service}/"
                             "aws4_request, SignedHeaders=host, Signature=x"}


class ProxyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.upstream = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
        threading.Thread(target=cls.upstream.serve_forever, daemon=True).start()
        cls.proxy = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "proxy.py"), "--upstream",
             f"http://127.0.0.1:{cls.upstream.server_address[1]}", "--latency-ms", "60",
             "--throttle-every", "3"], stdout=subprocess.PIPE, text=True)
        cls.port = int(cls.proxy.stdout.readline().split()[1])

    @classmethod
    def tearDownClass(cls):
        cls.proxy.terminate()
        cls.proxy.wait(5)
        cls.upstream.shutdown()

    def call(self, method, path, headers=None, body=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        return r.status, dict(r.getheaders()), r.read()

    def test_latency_counting_forwarding_and_throttling(self):
        self.call("POST", "/__proxy/reset")
        start = time.perf_counter()
        status, _, body = self.call("GET", "/clusters?maxResults=100", auth("eks"))
        elapsed = time.perf_counter() - start
        self.assertEqual(status, 200)
        self.assertGreaterEqual(elapsed, 0.06)
        self.assertEqual(json.loads(body)["path"], "/clusters?maxResults=100")

        ssm = {**auth("ssm"), "X-Amz-Target": "AmazonSSM.GetParameter"}
        status, _, body = self.call("POST", "/", ssm, b'{"Name": "/eks-steward/config"}')
        self.assertEqual(json.loads(body)["body"], '{"Name": "/eks-steward/config"}')

        self.call("GET", "/clusters/dev-1/node-groups/ng-a", auth("eks"))
        status, headers, body = self.call("GET", "/clusters/dev-1", auth("eks"))  # 3rd EKS call
        self.assertEqual(status, 400)
        self.assertEqual(headers["x-amzn-ErrorType"], "InvalidRequestException")
        self.assertEqual(json.loads(body), {"message": "Request limit exceeded"})

        _, _, stats = self.call("GET", "/__proxy/stats")
        stats = json.loads(stats)
        self.assertEqual(stats["calls"], {"eks:DescribeNodegroup": 1, "eks:ListClusters": 1,
                                          "ssm:GetParameter": 1})
        self.assertEqual(stats["throttled"], {"eks:DescribeCluster": 1})

    def test_upstream_time_excludes_the_added_latency(self):
        self.call("POST", "/__proxy/reset")
        ssm = {**auth("ssm"), "X-Amz-Target": "AmazonSSM.GetParameter"}
        self.call("POST", "/", ssm, b'{"Name": "slow"}')
        self.call("POST", "/", ssm, b'{"Name": "fast"}')
        _, _, stats = self.call("GET", "/__proxy/stats")
        stats = json.loads(stats)
        self.assertEqual(stats["calls"], {"ssm:GetParameter": 2})
        answered = stats["upstreamMs"]["ssm:GetParameter"]
        self.assertGreaterEqual(answered, 50)  # the slow answer counts
        self.assertLess(answered, 110)  # the two 60 ms latencies do not
        self.assertEqual(stats["upstreamMsTotal"], answered)


if __name__ == "__main__":
    unittest.main()
