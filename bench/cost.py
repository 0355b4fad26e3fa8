"""What the steward itself costs a month, and what the security protections cost, from the bench's
measured runs (bench/.out/sweep.json, fanout.json, coldstart.json): the arithmetic is here, in pure
functions that bench/cost_test.py checks, and render.py prints it with every step shown.

Prices: us-east-1 list prices, read 2026-12-06 (the sources are cited where they are printed, in
PRICE_SOURCES). They change: the table is only as current as these constants."""
import math

HOURS_PER_MONTH = 730  # AWS's own convention on its pricing pages
WEEKS_PER_MONTH = HOURS_PER_MONTH / 168
GROUPS = 5  # node groups per cluster in every bench fleet

PRICES = {
    "lambdaGbSecondArm": 0.0000133334,  # arm64 (template: Architectures [arm64])
    "lambdaGbSecondX86": 0.0000166667,
    "lambdaRequest": 0.20 / 1e6,
    "sqsFifoRequest": 0.50 / 1e6,
    "sqsStandardRequest": 0.40 / 1e6,
    "eventsCustom": 1.00 / 1e6,  # one PutEvents entry (up to 64 KB) is one event
    "kmsRequest": 0.03 / 1e4,
    "kmsKeyMonth": 1.00,
    "logsIngestGb": 0.50,
    "exampleInstanceHour": 0.096,  # m5.large, Linux, on-demand: an EXAMPLE, not a recommendation
}
PRICE_SOURCES = [
    ("Lambda: $0.20 per million requests; arm64 $0.0000133334 per GB-s (x86 $0.0000166667); "
     "initialization code counts toward duration",
     "https://aws.amazon.com/lambda/pricing/"),
    ("SQS: $0.40 per million standard requests, $0.50 per million FIFO requests; each 64 KB "
     "chunk of a request is one request; empty receives are requests too",
     "https://aws.amazon.com/sqs/pricing/"),
    ("EventBridge: custom events (PutEvents entries) $1.00 per million, each 64 KB chunk one event",
     "https://aws.amazon.com/eventbridge/pricing/"),
    ("KMS: $1 a month per key (HMAC keys included); $0.03 per 10,000 requests, the rate for every "
     "request not among the priced exceptions the page lists (asymmetric operations and "
     "GenerateDataKeyPair); HMAC keys are symmetric keys (GenerateMac/VerifyMac)",
     "https://aws.amazon.com/kms/pricing/ , "
     "https://docs.aws.amazon.com/kms/latest/developerguide/hmac.html"),
    ("CloudWatch Logs: $0.50 per GB ingested (standard class)",
     "https://aws.amazon.com/cloudwatch/pricing/"),
    ("Parameter Store standard parameters and standard throughput: no additional charge",
     "https://docs.aws.amazon.com/systems-manager/latest/userguide/"
     "parameter-store-advanced-parameters.html"),
    ("EKS: priced per cluster-hour; its API calls carry no request charge",
     "https://aws.amazon.com/eks/pricing/"),
    ("m5.large Linux on-demand, us-east-1: $0.096 an hour (the example instance)",
     "https://aws.amazon.com/ec2/pricing/on-demand/"),
]


def runs_per_month(rate_minutes):
    """Schedule ticks a month for rate(N minutes)."""
    return HOURS_PER_MONTH * 60 / rate_minutes


def rate_minutes(expression):
    """Minutes between ticks of a rate() expression ("rate(5 minutes)", "rate(1 day)")."""
    inner = expression.strip()[len("rate("):-1].split()
    n, unit = int(inner[0]), inner[1].rstrip("s")
    return n * {"minute": 1, "hour": 60, "day": 1440}[unit]


def office_hours_down(uptime_hours_per_weekday=12, weekdays=5):
    """Hours a week a group is down under an office-hours schedule (Mon-Fri 07:00-19:00: 108)."""
    return 168 - uptime_hours_per_weekday * weekdays


def scheduler_mix(ticks_per_month, weekdays=5):
    """(evenings, mornings, quiet ticks) a month: one scale-down and one restore per weekday,
    every other tick finds nothing to do."""
    changes = weekdays * WEEKS_PER_MONTH
    return changes, changes, ticks_per_month - 2 * changes


def lambda_cost(invocations, seconds_each, memory_mb, arm=True):
    """(GB-seconds, $ duration, $ requests) of invocations of seconds_each at memory_mb."""
    gbs = invocations * seconds_each * memory_mb / 1024
    price = PRICES["lambdaGbSecondArm" if arm else "lambdaGbSecondX86"]
    return gbs, gbs * price, invocations * PRICES["lambdaRequest"]


def line(name, runs, seconds, memory_mb, sqs_requests=0, audit_events=0, kms_requests=0,
         log_bytes=0, arm=True):
    """One function's monthly cost from per-run figures (each a total over the month's runs,
    except seconds, which is per invocation, and runs, which counts invocations)."""
    gbs, duration, requests = lambda_cost(runs, seconds, memory_mb, arm)
    out = {"name": name, "invocations": runs, "seconds": seconds, "gbSeconds": gbs,
           "duration": duration, "requests": requests,
           "sqs": sqs_requests * PRICES["sqsFifoRequest"],
           "events": audit_events * PRICES["eventsCustom"],
           "kms": kms_requests * PRICES["kmsRequest"],
           "logs": log_bytes / 1e9 * PRICES["logsIngestGb"],
           "sqsRequests": sqs_requests, "auditEvents": audit_events, "kmsRequests": kms_requests,
           "logBytes": log_bytes}
    out["total"] = sum(out[k] for k in ("duration", "requests", "sqs", "events", "kms", "logs"))
    return out


def savings(clusters, desired_per_group, down_hours_per_week, instance_hour):
    """(node-hours avoided a month, $) for clusters x GROUPS groups kept at 0 for the down hours."""
    node_hours = clusters * GROUPS * desired_per_group * down_hours_per_week * WEEKS_PER_MONTH
    return node_hours, node_hours * instance_hour


def kms_month(groups, evenings, mornings, keys=1):
    """KMS requests a month (one GenerateMac per group each evening, one VerifyMac per group each
    morning) and their $, with the key itself."""
    requests = groups * (evenings + mornings)
    return requests, requests * PRICES["kmsRequest"] + keys * PRICES["kmsKeyMonth"]


def scaled(value, measured_at, wanted):
    """A per-run figure measured at one fleet size, scaled linearly to another (used only where a
    size was not measured, and said so where printed)."""
    return value * wanted / measured_at if measured_at else math.nan


def extrapolated(low, high, wanted):
    """The value at wanted on the line through two measured (size, value) points: a fixed part
    plus a part per cluster, the shape of a sweep at a fixed concurrency."""
    (n1, v1), (n2, v2) = low, high
    per = (v2 - v1) / (n2 - n1)
    return v2 + per * (wanted - n2)
