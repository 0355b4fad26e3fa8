"""The opt-in realism of the local AWS, off by default so tests written against plain moto pass.

Each option is read once at start from an environment variable (STEWARD_MOTO_ + the name in
upper snake case, e.g. transitionSeconds <- STEWARD_MOTO_TRANSITION_SECONDS), can be changed
while the server runs (POST /eks-steward/options, see control.py), and returns to its start-up
value on moto's /moto-api/reset, so every test starts from the same server.
"""
import os
import random
import re
import threading

# name -> (type, nullable, default). A per-kind transition left null follows transitionSeconds.
SPEC = {
    "transitionSeconds": (float, False, 0.0),
    "clusterTransitionSeconds": (float, True, None),
    "nodegroupTransitionSeconds": (float, True, None),
    "fargateProfileTransitionSeconds": (float, True, None),
    "requestLimitShare": (float, False, 0.0),
    "requestLimitSeed": (int, True, None),
    "privateSubnets": (bool, False, False),
    "tagRules": (bool, False, False),
    "sqsTimeScale": (float, False, 1.0),
}
KINDS = {"cluster", "nodegroup", "fargateProfile"}
TRUE, FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")

_lock = threading.Lock()
_startup = {}
_current = {}
_draws = random.Random()


class OptionError(ValueError):
    pass


def env_name(name):
    return "STEWARD_MOTO_" + re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def _coerce(name, value):
    """The option's value from JSON or an environment string; OptionError if it does not fit."""
    kind, nullable, _ = SPEC[name]
    if value is None or value == "":
        if nullable:
            return None
        raise OptionError(f"{name} cannot be null")
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in TRUE + FALSE:
            return value.lower() in TRUE
        raise OptionError(f"{name} must be true or false, not {value!r}")
    if isinstance(value, bool):
        raise OptionError(f"{name} must be a number, not {value!r}")
    try:
        number = kind(value) if kind is float else int(str(value), 10)
    except ValueError:
        wanted = "a number" if kind is float else "an integer"
        raise OptionError(f"{name} must be {wanted}, not {value!r}")
    if kind is float and not number >= 0:
        raise OptionError(f"{name} must be 0 or more, not {value!r}")
    if name == "requestLimitShare" and number > 1:
        raise OptionError(f"{name} is a share between 0.0 and 1.0, not {value!r}")
    return number


def load_environment(environ=os.environ):
    """Start-up values: the defaults, overridden by STEWARD_MOTO_* variables. Raises OptionError."""
    values = {name: default for name, (_, _, default) in SPEC.items()}
    for name in SPEC:
        raw = environ.get(env_name(name))
        if raw is not None:
            try:
                values[name] = _coerce(name, raw)
            except OptionError as e:
                raise OptionError(f"{env_name(name)}={raw}: {e}")
    with _lock:
        _startup.clear()
        _startup.update(values)
    reset()


def reset():
    """Back to the start-up values (moto's /moto-api/reset calls this)."""
    with _lock:
        _current.clear()
        _current.update(_startup)
        _reseed()


def update(changes):
    """Applies a partial update (null restores an option's start-up value); returns all options."""
    if not isinstance(changes, dict):
        raise OptionError("expected a JSON object of options")
    unknown = sorted(set(changes) - set(SPEC))
    if unknown:
        raise OptionError(f"unknown options {unknown}; known: {sorted(SPEC)}")
    coerced = {
        name: _startup[name] if value is None else _coerce(name, value)
        for name, value in changes.items()
    }
    with _lock:
        _current.update(coerced)
        _reseed()
        return dict(_current)


def current():
    with _lock:
        return dict(_current)


def get(name):
    with _lock:
        return _current[name]


def transition_seconds(kind):
    """How long a resource of this kind stays CREATING / UPDATING / DELETING (0: not at all)."""
    assert kind in KINDS, kind
    with _lock:
        own = _current[kind + "TransitionSeconds"]
        return _current["transitionSeconds"] if own is None else own


def request_limited():
    """Whether this EKS call draws the short straw. With a seed, the draws repeat after every
    options update and reset, so a test can count on them."""
    with _lock:
        share = _current["requestLimitShare"]
        return share > 0 and _draws.random() < share


def _reseed():
    seed = _current.get("requestLimitSeed")
    _draws.seed(seed)  # None seeds from the OS: a fresh, unrepeatable sequence
