"""The demo's two steps, driven by local/demo (which builds the jars and starts moto first).

  python3 local/demo.py seed      seed the fleet described in local/demo-fleet/ into the local AWS
  python3 local/demo.py run       run each function of local/demo-fleet/runs.json via local/invoke
                                  and print what it planned and did

Both talk to the endpoint in AWS_ENDPOINT_URL. Every name and value comes from local/demo-fleet/.
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


def client(service, fleet, region=None):
    return boto3.client(service, region_name=region or fleet["region"],
                        endpoint_url=os.environ["AWS_ENDPOINT_URL"])


def seed():
    fleet = load("fleet.json")
    eks, iam, ssm = client("eks", fleet), client("iam", fleet, "us-east-1"), client("ssm", fleet)
    prefix = fleet["configPrefix"]
    ssm.put_parameter(Name=f"{prefix}/config", Type="String", Overwrite=True,
                      Value=json.dumps(load("config.json")))
    for cluster in fleet["clusters"]:
        name = cluster["name"]
        eks.create_cluster(name=name, version=cluster["version"], roleArn=fleet["clusterRoleArn"],
                           resourcesVpcConfig={"subnetIds": fleet["subnets"]}, tags=cluster["tags"])
        for group in cluster["nodegroups"]:
            eks.create_nodegroup(clusterName=name, nodegroupName=group["name"],
                                 scalingConfig=group["scaling"], nodeRole=fleet["nodeRoleArn"],
                                 subnets=fleet["subnets"], tags=group["tags"])
        for profile in cluster["fargateProfiles"]:
            eks.create_fargate_profile(clusterName=name, fargateProfileName=profile["name"],
                                       podExecutionRoleArn=fleet["podExecutionRoleArn"],
                                       subnets=fleet["subnets"], selectors=profile["selectors"],
                                       tags=profile.get("tags", {}))
        desired = os.path.join("fargate", f"{name}.json")
        if os.path.exists(os.path.join(FLEET_DIR, desired)):
            ssm.put_parameter(Name=f"{prefix}/fargate/{name}", Type="String", Overwrite=True,
                              Value=json.dumps(load(desired)))
        if cluster.get("oidcProvider"):
            issuer = eks.describe_cluster(name=name)["cluster"]["identity"]["oidc"]["issuer"]
            iam.create_open_id_connect_provider(Url=issuer, ClientIDList=["sts.amazonaws.com"],
                                                ThumbprintList=cluster["oidcProvider"]["thumbprints"])
    for provider in fleet["extraOidcProviders"]:
        iam.create_open_id_connect_provider(Url=provider["url"], ClientIDList=provider["clientIds"],
                                            ThumbprintList=provider["thumbprints"])
    audit_tap(fleet)
    groups = sum(len(c["nodegroups"]) for c in fleet["clusters"])
    print(f"seeded {len(fleet['clusters'])} clusters, {groups} node groups, "
          f"{len(iam.list_open_id_connect_providers()['OpenIDConnectProviderList'])} OIDC providers, "
          f"config at {prefix}/config, audit bus {fleet['auditBus']}")


def audit_tap(fleet):
    """The audit bus, with a rule copying every eks-steward event to a queue the summary reads."""
    events, sqs = client("events", fleet), client("sqs", fleet)
    events.create_event_bus(Name=fleet["auditBus"])
    queue = sqs.create_queue(QueueName=fleet["auditQueue"])["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    events.put_rule(Name="audit-tap", EventBusName=fleet["auditBus"],
                    EventPattern=json.dumps({"source": ["eks-steward"]}))
    events.put_targets(Rule="audit-tap", EventBusName=fleet["auditBus"],
                       Targets=[{"Id": "queue", "Arn": arn}])


def run():
    os.makedirs(RUN_DIR, exist_ok=True)
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
    steps = {"seed": seed, "run": run}
    if len(sys.argv) != 2 or sys.argv[1] not in steps:
        sys.exit(__doc__)
    sys.exit(steps[sys.argv[1]]() or 0)
