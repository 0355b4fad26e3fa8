"""Helpers the benchmarks share: moto and the latency proxy as child processes, a timing shim for
the JVMs that local/invoke starts, local/invoke itself, and small statistics."""
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
OUT = os.path.join(BENCH, ".out")
REGION = "eu-west-1"
ACCOUNT = "123456789012"

FUNCTIONS = {  # template logical id -> module
    "NodegroupSchedulerFunction": "nodegroup-scheduler",
    "ThumbprintRotatorFunction": "oidc-thumbprint-rotator",
    "FargateProfileReconcilerFunction": "fargate-profile-reconciler",
    "TagEnforcerFunction": "tag-enforcer",
}


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Process:
    """A child process in its own process group, stopped (by its id) on close."""

    def __init__(self, args, log_name, env=None):
        os.makedirs(OUT, exist_ok=True)
        self.log_path = os.path.join(OUT, log_name)
        self.log = open(self.log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log, text=True,
                                     env=env, cwd=ROOT, start_new_session=True)

    def close(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


class Moto(Process):
    def __init__(self):
        self.port = free_port()
        super().__init__([os.path.join(ROOT, "local", "moto-server"), str(self.port)], "moto.log")
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit("moto exited; see " + self.log_path)
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1).read()
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("moto did not start within 60 s")

    def reset(self):
        urllib.request.urlopen(urllib.request.Request(self.url + "/moto-api/reset", b"",
                                                      method="POST")).read()


class Proxy(Process):
    """bench/proxy.py in front of moto."""

    def __init__(self, upstream, latency_ms=25, extra=()):
        super().__init__([sys.executable, os.path.join(BENCH, "proxy.py"), "--upstream", upstream,
                          "--latency-ms", str(latency_ms), *extra], "proxy.log")
        line = self.proc.stdout.readline().split()
        if len(line) != 2 or line[0] != "listening":
            raise SystemExit("proxy did not start; see " + self.log_path)
        self.url = f"http://127.0.0.1:{line[1]}"

    def control(self, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        method = "GET" if path == "stats" and body is None else "POST"
        req = urllib.request.Request(f"{self.url}/__proxy/{path}", data=data or (
            b"" if method == "POST" else None), method=method)
        return json.load(urllib.request.urlopen(req))


def aws_env(endpoint):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    # The account is moto's: said here so local/invoke need not ask STS on every run.
    env.update(AWS_ENDPOINT_URL=endpoint, AWS_REGION=REGION, AWS_ACCESS_KEY_ID="testing",
               AWS_SECRET_ACCESS_KEY="testing", AWS_ACCOUNT_ID=ACCOUNT)
    return env


DEMO_FLEET = os.path.join(ROOT, "local", "demo-fleet", "fleet.json")
SEED_CLASSPATH = os.path.join(ROOT, "local", "runner", "target", "seed-classpath.txt")


def seed(endpoint, fleet=DEMO_FLEET, threads=1):
    """Seeds moto with a fleet description through the shared Java seeder, as local/demo does
    (its class path is written by `mvn package`). Returns the seeder's one-line summary."""
    with open(SEED_CLASSPATH, encoding="utf-8") as f:
        classpath = f.read().strip()
    done = subprocess.run(["java", "-cp", classpath, "dev.ekssteward.shared.testing.seed.SeedCommand",
                           fleet, "--threads", str(threads)], env=aws_env(endpoint), cwd=ROOT,
                          check=True, stdout=subprocess.PIPE, text=True)
    return done.stdout.strip()


def boto(service, endpoint, region=REGION):
    import boto3
    from botocore.config import Config
    return boto3.client(service, region_name=region, endpoint_url=endpoint,
                        aws_access_key_id="testing", aws_secret_access_key="testing",
                        config=Config(retries={"max_attempts": 10, "mode": "standard"},
                                      max_pool_connections=32))


class JvmShim:
    """A JAVA_HOME whose bin/java times the real JVM (wall ns and peak RSS via /usr/bin/time), so
    the numbers are the function's JVM alone, without local/invoke's Python start-up."""

    def __init__(self, name="jvm"):
        real = shutil.which("java")
        if os.environ.get("JAVA_HOME"):
            real = os.path.join(os.environ["JAVA_HOME"], "bin", "java")
        real = os.path.realpath(real)
        self.home = os.path.join(OUT, name)
        self.samples = os.path.join(self.home, "samples.txt")
        os.makedirs(os.path.join(self.home, "bin"), exist_ok=True)
        rss = os.path.join(self.home, "rss.txt")
        java = os.path.join(self.home, "bin", "java")
        with open(java, "w", encoding="utf-8") as f:
            f.write(f"""#!/usr/bin/env bash
start=$(date +%s%N)
/usr/bin/time -f '%M' -o '{rss}' '{real}' "$@"
rc=$?
end=$(date +%s%N)
echo "$(( (end - start) / 1000 )) $(tail -n 1 '{rss}') $rc" >> '{self.samples}'
exit $rc
""")
        os.chmod(java, 0o755)
        self.java = java

    def take(self):
        """(wall ms, peak RSS MB, exit code) of the last JVM run, and clears the record."""
        with open(self.samples, encoding="utf-8") as f:
            micros, rss_kb, rc = f.read().split("\n")[-2].split()
        os.remove(self.samples)
        return int(micros) / 1000.0, int(rss_kb) / 1024.0, int(rc)


def invoke(logical_id, event, endpoint, env_vars, template=None, java_home=None, extra_env=None):
    """Runs local/invoke; returns (reply dict or None, stderr text, wall ms of the whole command)."""
    env = aws_env(endpoint)
    if java_home:
        env["JAVA_HOME"] = java_home
    env.update(extra_env or {})
    cmd = [os.path.join(ROOT, "local", "invoke"), logical_id, event, "--env-vars", env_vars]
    if template:
        cmd += ["--template", template]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = (time.perf_counter() - start) * 1000
    try:
        reply = json.loads(done.stdout)
    except json.JSONDecodeError:
        reply = None
    return reply, done.stderr, wall, done.returncode


def write_env_vars(name, variables):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"Parameters": variables}, f)
    return path


def template_globals(key):
    """A value from the template's Globals.Function (MemorySize, JAVA_TOOL_OPTIONS)."""
    text = open(os.path.join(ROOT, "template.yaml"), encoding="utf-8").read()
    glob = text.split("\nGlobals:", 1)[1].split("\nResources:", 1)[0]
    m = re.search(r"^\s+" + re.escape(key) + r":\s*(.+)$", glob, re.M)
    return m.group(1).strip() if m else None


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def spread(xs):
    """(min, max) and the interquartile range."""
    if len(xs) < 2:
        return (xs[0], xs[0], 0.0) if xs else (float("nan"),) * 3
    q = statistics.quantiles(xs, n=4)
    return min(xs), max(xs), q[2] - q[0]


def save(name, data):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
