"""Opt-in EKS realism that plain moto lacks and that tests written against it would trip over.
Each reads its switch from options.py on every call; apply() runs after patches.py and
lifecycle.py, so these come first:
- request-limit faults (requestLimitShare, requestLimitSeed);
- private subnets for Fargate profiles (privateSubnets);
"""
from moto.ec2.exceptions import InvalidSubnetIdError
from moto.ec2.models import ec2_backends
from moto.eks import models as eks
from moto.eks.exceptions import InvalidRequestException
from moto.eks.responses import EKSResponse

import options
from patches import _invalid

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


# --- Wrappers around what EKSBackend holds at apply() -------------------------------------
_inner = {}


def _create_fargate_profile(self, *args, **kwargs):
    if options.get("privateSubnets"):
        _check_private_subnets(self, kwargs.get("subnets"))
    return _inner["create_fargate_profile"](self, *args, **kwargs)


WRAPPED = {
    "create_fargate_profile": _create_fargate_profile,
}


def apply() -> None:
    global _moto_call_action
    for name, wrapper in WRAPPED.items():
        _inner[name] = getattr(eks.EKSBackend, name)
        setattr(eks.EKSBackend, name, wrapper)
    _moto_call_action = EKSResponse.call_action
    EKSResponse.call_action = _call_action
