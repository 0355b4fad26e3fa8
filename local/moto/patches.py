"""Where moto falls short of AWS, make it answer as AWS does. Applied by steward_moto.py."""


def apply() -> None:
    pass
