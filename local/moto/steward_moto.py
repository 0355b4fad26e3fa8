"""moto_server with eks-steward's extensions applied (see README.md beside this file)."""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()

    # Our modules patch moto before the server imports its backends; order matters: each
    # wraps what the one before left (always-on fixes, then lifecycle states, then opt-in checks).
    import control  # noqa: E402
    import lifecycle  # noqa: E402
    import optin  # noqa: E402
    import options  # noqa: E402
    import patches  # noqa: E402
    import speed  # noqa: E402
    import sqs_time  # noqa: E402

    try:
        options.load_environment()
    except options.OptionError as e:
        sys.exit(f"steward_moto: {e}")
    speed.apply()
    patches.apply()
    lifecycle.apply()
    optin.apply()
    sqs_time.apply()
    control.apply()
    from moto.server import main as moto_main

    moto_main(["-H", args.host, "-p", str(args.port)])


if __name__ == "__main__":
    main()
