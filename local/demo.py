"""The demo's printing step, driven by local/demo (which builds the jars, starts moto and seeds
local/demo-fleet/fleet.json with the shared Java fleet seeder first).

  python3 local/demo.py run       run each function of local/demo-fleet/runs.json via local/invoke
                                  and print what it planned and did, then the audit events

It talks to the endpoint in AWS_ENDPOINT_URL. Every name and value comes from local/demo-fleet/.
"""
import json
import os
import subprocess
import sys

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FLEET_DIR = os.path.join(HERE, "demo-fleet")
RUN_DIR = os.path.join(HERE, ".run")


def load(name):
    with open(os.path.join(FLEET_DIR, name), encoding="utf-8") as f:
        return json.load(f)


def client(service, fleet):
    return boto3.client(service, region_name=fleet["region"],
                        endpoint_url=os.environ["AWS_ENDPOINT_URL"])


def record_key():
    """The stack's RecordKey (template.yaml), which local/invoke cannot create: made here in moto
    under the alias that env.json passes as RECORD_KEY_ID (the scheduler and the Fargate reconciler
    sign their records with it)."""
    kms = client("kms", load("fleet.json"))
    alias = load("env.json")["Parameters"]["RECORD_KEY_ID"]
    key = kms.create_key(KeySpec="HMAC_256", KeyUsage="GENERATE_VERIFY_MAC",
                         Description="eks-steward records (demo)")
    kms.create_alias(AliasName=alias, TargetKeyId=key["KeyMetadata"]["KeyId"])


def run():
    os.makedirs(RUN_DIR, exist_ok=True)
    record_key()
    failed = 0
    for entry in load("runs.json"):
        function, event = entry["function"], entry["event"]
        log = os.path.join(RUN_DIR, f"{function}.log")
        with open(log, "w", encoding="utf-8") as err:
            done = subprocess.run([os.path.join(HERE, "invoke"), function, os.path.join(ROOT, event),
                                   "--env-vars", os.path.join(FLEET_DIR, "env.json")],
                                  stdout=subprocess.PIPE, stderr=err, text=True, cwd=ROOT)
        print(f"\n=== {function} ← {event}  (logs: {os.path.relpath(log, ROOT)})")
        try:
            reply = json.loads(done.stdout)
        except json.JSONDecodeError:
            reply = {"errorMessage": done.stdout.strip() or "no reply", "errorType": "NoReply"}
        if done.returncode != 0:
            failed += 1
            print(f"  FAILED ({reply.get('errorType')}): {reply.get('errorMessage')}")
            continue
        summarize(reply)
    audit_events()
    return 1 if failed else 0


def summarize(report):
    mode = "dry run" if report.get("dryRun") else "live"
    reason = f" — {report['reason']}" if report.get("reason") else ""
    print(f"  status {report.get('status')} ({mode}){reason}; config: {report.get('config', '-')}")
    section("planned", report.get("planned", []), describe_action)
    section("applied", report.get("applied", []),
            lambda a: f"{describe_action(a)} → {a.get('result')}"
                      + (f" ({a['message']})" if a.get("message") else ""))
    section("findings", report.get("findings", []),
            lambda f: f"{f.get('detailType')}: {f.get('target')}")
    section("pending", report.get("pending", []), lambda p: f"{p.get('scope')}: {p.get('reason')}")
    section("errors", report.get("errors", []),
            lambda e: f"{e.get('scope')}: {e.get('errorType')} {e.get('message')}"
                      + (" (will retry)" if e.get("retryable") else ""))
    metrics = report.get("metrics") or {}
    if metrics:
        print("  metrics: " + ", ".join(f"{k}={v:g}" for k, v in sorted(metrics.items())))


def section(title, items, line):
    if not items:
        print(f"  {title}: none")
        return
    print(f"  {title} ({len(items)}):")
    for item in items:
        print(f"    - {line(item)}")


def describe_action(action):
    extra = {k: v for k, v in action.items()
             if k not in ("type", "target", "scope", "result", "message")}
    details = ", ".join(f"{k}={json.dumps(v, separators=(',', ':'))}" for k, v in extra.items())
    return f"{action.get('type')} {action.get('target')}" + (f" [{details}]" if details else "")


def audit_events():
    fleet = load("fleet.json")
    sqs = client("sqs", fleet)
    queue = sqs.get_queue_url(QueueName=fleet["auditQueue"])["QueueUrl"]
    seen = []
    while True:
        batch = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
        if not batch:
            break
        seen += [json.loads(m["Body"]) for m in batch]
        sqs.delete_message_batch(QueueUrl=queue, Entries=[
            {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(batch)])
    print(f"\n=== audit events on {fleet['auditBus']}: {len(seen)}")
    for event in seen:
        detail = json.dumps(event.get("detail"), separators=(",", ":"))
        print(f"  - {event.get('detail-type')}: {detail[:160]}")


if __name__ == "__main__":
    steps = {"run": run}
    if len(sys.argv) != 2 or sys.argv[1] not in steps:
        sys.exit(__doc__)
    sys.exit(steps[sys.argv[1]]() or 0)
