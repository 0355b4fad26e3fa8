"""Opt-in EKS realism that plain moto lacks and that tests written against it would trip over.
Each reads its switch from options.py on every call; apply() runs after patches.py and
lifecycle.py, so these come first:
- request-limit faults (requestLimitShare, requestLimitSeed);
- private subnets for Fargate profiles (privateSubnets);
- tag key/value rules (tagRules).
"""
import unicodedata

from moto.ec2.exceptions import InvalidSubnetIdError
from moto.ec2.models import ec2_backends
from moto.eks import models as eks
from moto.eks.exceptions import InvalidRequestException
from moto.eks.responses import EKSResponse

import options
from patches import MAX_TAGS, BadRequestException, _invalid

# --- Request-limit faults ------------------------------------------------------------------
# AWS: under load EKS answers HTTP 400 InvalidRequestException "Request limit exceeded." (not
# ThrottlingException), which the SDKs do not retry (aws/aws-sdk#652, aws/aws-sdk-go-v2#2368).
# Option requestLimitShare: the share of EKS calls answered so; requestLimitSeed repeats them.
REQUEST_LIMIT_MESSAGE = "Request limit exceeded."


def _error_response(response, error):
    """The error as moto's own call_action would answer it."""
    headers = {**dict(error.get_headers()), "status": error.code}
    status, headers, body = response._transform_response(
        response.response_headers, (error.description, headers)
    )
    headers, body = response._enrich_response(headers, body)
    return status, headers, body


_moto_call_action = None


def _call_action(self):
    if options.request_limited():
        return _error_response(self, InvalidRequestException(message=REQUEST_LIMIT_MESSAGE))
    return _moto_call_action(self)


# --- Fargate profiles take private subnets only ------------------------------------------
# AWS: CreateFargateProfile refuses a subnet whose route table (its explicit association, else
# the VPC's main table) sends 0.0.0.0/0 to an internet gateway: InvalidParameterException
# "Subnet <id> provided in Fargate Profile is not a private subnet" (awslabs/eks-perf-tests#195).
# Option privateSubnets. Subnets moto's EC2 does not know are not checked.
def _route_table(ec2, subnet):
    tables = list(ec2.route_tables.values())
    explicit = [t for t in tables if subnet.id in t._associations.values()]
    main = [t for t in tables if t.vpc_id == subnet.vpc_id and t.main_association_id]
    return (explicit or main or [None])[0]


def _is_public(ec2, subnet_id):
    try:
        subnet = ec2.get_subnet(subnet_id)
    except InvalidSubnetIdError:
        return False
    table = _route_table(ec2, subnet)
    return table is not None and any(
        route.destination_cidr_block == "0.0.0.0/0"
        and (route.gateway_id or "").startswith("igw-")
        for route in table.routes
    )


def _check_private_subnets(backend, subnets):
    ec2 = ec2_backends[backend.account_id][backend.region_name]
    for subnet_id in subnets or []:
        if _is_public(ec2, subnet_id):
            raise _invalid(
                f"Subnet {subnet_id} provided in Fargate Profile is not a private subnet"
            )


# --- Tag rules -----------------------------------------------------------------------------
# AWS (EKS user guide, "Tagging your Amazon EKS resources"; TagKey/TagValue in the API model):
# key 1-128 characters, value 0-256, letters, digits, spaces (Unicode) and + - = . _ : / @;
# aws: prefix reserved; at most 50 tags. TagResource answers BadRequestException (its only
# modelled 400); the create calls answer InvalidParameterException (theirs). Option tagRules;
# TagResource's prefix and count checks (patches.py) are always on.
TAG_SYMBOLS = frozenset("+-=._:/@")


def _allowed(text):
    return all(unicodedata.category(c)[0] in "LNZ" or c in TAG_SYMBOLS for c in text)


ALLOWED = "may contain only letters, digits, spaces and + - = . _ : / @"


def _check_tag(key, value, error):
    if not 1 <= len(key) <= 128:
        raise error(f"Tag key must be 1 to 128 characters long: '{key}'")
    if len(value) > 256:
        raise error(f"Tag value of key '{key}' is longer than 256 characters.")
    if not _allowed(key):
        raise error(f"Tag key '{key}' {ALLOWED}")
    if not _allowed(value):
        raise error(f"Tag value of key '{key}' {ALLOWED}")


def _check_tags(tags, error):
    for key, value in (tags or {}).items():
        _check_tag(key, value or "", error)
        if key.lower().startswith("aws:"):
            raise error("Tag keys with the aws: prefix are reserved.")
    if len(tags or {}) > MAX_TAGS:
        raise error(f"A resource can have at most {MAX_TAGS} tags.")


def _bad_request(message):
    return BadRequestException(message=message)


# --- Wrappers around what EKSBackend holds at apply() -------------------------------------
_inner = {}


def _tag_resource(self, resource_arn, tags):
    if options.get("tagRules"):
        for key, value in (tags or {}).items():
            _check_tag(key, value or "", _bad_request)
    return _inner["tag_resource"](self, resource_arn, tags)


def _create_with_tag_rules(name):
    def create(self, *args, **kwargs):
        if options.get("tagRules"):
            _check_tags(kwargs.get("tags"), _invalid)
        return _inner[name](self, *args, **kwargs)

    return create


_create_cluster = _create_with_tag_rules("create_cluster")
_create_nodegroup = _create_with_tag_rules("create_nodegroup")
_create_fargate_profile_tagged = _create_with_tag_rules("create_fargate_profile")


def _create_fargate_profile(self, *args, **kwargs):
    if options.get("privateSubnets"):
        _check_private_subnets(self, kwargs.get("subnets"))
    return _create_fargate_profile_tagged(self, *args, **kwargs)


WRAPPED = {
    "tag_resource": _tag_resource,
    "create_cluster": _create_cluster,
    "create_nodegroup": _create_nodegroup,
    "create_fargate_profile": _create_fargate_profile,
}


def apply() -> None:
    global _moto_call_action
    for name, wrapper in WRAPPED.items():
        _inner[name] = getattr(eks.EKSBackend, name)
        setattr(eks.EKSBackend, name, wrapper)
    _moto_call_action = EKSResponse.call_action
    EKSResponse.call_action = _call_action
