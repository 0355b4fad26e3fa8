"""The demo's story, driven by local/demo (which builds the jars and starts moto first).

  python3 local/demo.py prepare   make the demo issuer's CAs and the fleet files with its URL
                                  (local/.run/fleet/, which local/demo then seeds)
  python3 local/demo.py run       play local/demo-fleet/runs.json: each step sets the functions'
                                  clock (EKS_STEWARD_CLOCK), runs its setup, invokes one function
                                  through local/invoke and prints what it changed and found

It talks to the endpoint in AWS_ENDPOINT_URL. Every name and value comes from local/demo-fleet/.
"""
import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import zoneinfo

import boto3

import demo_issuer
from demo_story import Story

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCE_DIR = os.path.join(HERE, "demo-fleet")
RUN_DIR = os.path.join(HERE, ".run")
FLEET_DIR = os.path.join(RUN_DIR, "fleet")  # demo-fleet/ with the issuer's URL filled in
ISSUER_DIR = os.path.join(RUN_DIR, "issuer")


def load(name, directory=FLEET_DIR):
    with open(os.path.join(directory, name), encoding="utf-8") as f:
        return json.load(f)


def prepare():
    """The issuer's PKI, a free port for it, and local/.run/fleet/: a copy of demo-fleet/ where
    the issuer is added as an extra OIDC provider holding the 2025 CA's thumbprint, and is the
    config's only extra issuer (the GitHub Actions provider of fleet.json stays in IAM, untouched:
    checking it needs the network)."""
    prints = demo_issuer.make_pki(ISSUER_DIR)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with open(os.path.join(ISSUER_DIR, "port"), "w", encoding="utf-8") as f:
        f.write(str(port))
    url = f"https://localhost:{port}"
    shutil.rmtree(FLEET_DIR, ignore_errors=True)
    shutil.copytree(SOURCE_DIR, FLEET_DIR)
    fleet = load("fleet.json")
    fleet["extraOidcProviders"].append(
        {"url": url, "clientIds": ["sts.amazonaws.com"], "thumbprints": [prints["2025"]]})
    config = load(fleet["config"])
    config["thumbprints"]["extraIssuers"] = [url]
    for name, doc in (("fleet.json", fleet), (fleet["config"], config)):
        with open(os.path.join(FLEET_DIR, name), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
    print(f"demo OIDC issuer: {url} (a private CA made just now; its IAM provider holds the "
          f"2025 CA's thumbprint {prints['2025'][:12]}…)")


def client(service):
    return boto3.client(service, region_name=load("fleet.json")["region"],
                        endpoint_url=os.environ["AWS_ENDPOINT_URL"])


def record_key():
    """The stack's RecordKey (template.yaml), which local/invoke cannot create: made here in moto
    under the alias that env.json passes as RECORD_KEY_ID (the scheduler and the Fargate reconciler
    sign their records with it)."""
    kms = client("kms")
    alias = load("env.json")["Parameters"]["RECORD_KEY_ID"]
    key = kms.create_key(KeySpec="HMAC_256", KeyUsage="GENERATE_VERIFY_MAC",
                         Description="eks-steward records (demo)")
    kms.create_alias(AliasName=alias, TargetKeyId=key["KeyMetadata"]["KeyId"])


def first_day(story, holidays):
    """Day 1 of the story: the first date after today that, with day 2, is a working day (so the
    evening, night and morning fall in the schedule's plain week), always after the fleet was
    seeded (the scheduler leaves groups younger than its grace period alone)."""
    day = datetime.date.today() + datetime.timedelta(days=1)
    while True:
        days = [day, day + datetime.timedelta(days=1)]
        if all(d.weekday() < 5 and d.isoformat() not in holidays for d in days):
            return day
        day += datetime.timedelta(days=1)


def clock_of(step, day1, zone):
    """'day N HH:MM' in the story's time zone → the instant (UTC)."""
    _, n, hhmm = step["clock"].split()
    date = day1 + datetime.timedelta(days=int(n) - 1)
    local = datetime.datetime.combine(date, datetime.time.fromisoformat(hhmm), zone)
    return local.astimezone(datetime.timezone.utc)


def settle(timeout=60):
    """Waits until no node group or Fargate profile is in transition: the minutes between two
    ticks on AWS, seconds in the demo's moto."""
    eks = client("eks")
    deadline = time.time() + timeout
    while time.time() < deadline:
        busy = False
        for cluster in eks.list_clusters()["clusters"]:
            for ng in eks.list_nodegroups(clusterName=cluster)["nodegroups"]:
                status = eks.describe_nodegroup(clusterName=cluster, nodegroupName=ng)
                busy |= status["nodegroup"]["status"] not in ("ACTIVE", "CREATE_FAILED")
            for fp in eks.list_fargate_profiles(clusterName=cluster)["fargateProfileNames"]:
                status = eks.describe_fargate_profile(clusterName=cluster, fargateProfileName=fp)
                busy |= status["fargateProfile"]["status"] not in ("ACTIVE", "CREATE_FAILED")
        if not busy:
            return
        time.sleep(0.3)


def invoke(step, clock, java_options):
    function, event = step["function"], os.path.join(ROOT, step["event"])
    env = dict(os.environ, EKS_STEWARD_CLOCK=clock.strftime("%Y-%m-%dT%H:%M:%SZ"))
    if java_options:
        # The shell's value of a variable the template declares wins, as in SAM.
        env["JAVA_TOOL_OPTIONS"] = f"-XX:+TieredCompilation -XX:TieredStopAtLevel=1 {java_options}"
    log = os.path.join(RUN_DIR, f"{function}.log")
    started = time.time()
    with open(log, "a", encoding="utf-8") as err:
        done = subprocess.run([os.path.join(HERE, "invoke"), function, event,
                               "--env-vars", os.path.join(FLEET_DIR, "env.json")],
                              stdout=subprocess.PIPE, stderr=err, text=True, cwd=ROOT, env=env)
    try:
        reply = json.loads(done.stdout)
    except json.JSONDecodeError:
        reply = {"errorMessage": done.stdout.strip() or "no reply", "errorType": "NoReply"}
    return done.returncode, reply, time.time() - started


def audit_events():
    """The audit events published since the last call (the seeder's rule copies them to SQS)."""
    fleet = load("fleet.json")
    sqs = client("sqs")
    queue = sqs.get_queue_url(QueueName=fleet["auditQueue"])["QueueUrl"]
    seen = []
    while True:
        batch = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
        if not batch:
            return seen
        seen += [json.loads(m["Body"]) for m in batch]
        sqs.delete_message_batch(QueueUrl=queue, Entries=[
            {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(batch)])


def run():
    os.makedirs(RUN_DIR, exist_ok=True)
    record_key()
    runs = load("runs.json")
    zone = zoneinfo.ZoneInfo(runs["timezone"])
    holidays = {h for s in load("config.json")["scheduler"]["schedules"].values()
                for h in s.get("holidays", [])}
    day1 = first_day(runs, holidays)
    with open(os.path.join(ISSUER_DIR, "port"), encoding="utf-8") as f:
        issuer = demo_issuer.Issuer(ISSUER_DIR, int(f.read()))
    issuer.start("2025")
    story = Story(runs, zone, client, issuer, load("fleet.json"))
    audit_events()  # the seeder's own changes are not part of the story
    failed = 0
    try:
        for number, step in enumerate(runs["steps"], 1):
            clock = clock_of(step, day1, zone)
            story.title(number, step, clock)
            settle()
            for action in step.get("setup", []):
                story.setup(action)
                settle()
            java = issuer.java_options() if step["function"] == "ThumbprintRotatorFunction" else None
            status, reply, seconds = invoke(step, clock, java)
            if status != 0:
                failed += 1
                story.failed(step, reply, seconds)
                continue
            story.report(step, reply, audit_events(), seconds)
    finally:
        issuer.stop()
        with open(os.path.join(RUN_DIR, "story.json"), "w", encoding="utf-8") as f:
            json.dump(story.steps, f, indent=1)
    story.summary()
    return 1 if failed else 0


if __name__ == "__main__":
    steps = {"prepare": prepare, "run": run}
    if len(sys.argv) != 2 or sys.argv[1] not in steps:
        sys.exit(__doc__)
    sys.exit(steps[sys.argv[1]]() or 0)
