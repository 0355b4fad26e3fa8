#!/usr/bin/env python3
"""Config reads of a warm container: a burst of N events handled one after the other by one
handler instance in one JVM (bench/burst/Burst.java in place of local/runner's main, started by
local/invoke through a java shim, so the function gets exactly local/invoke's environment), with
the calls counted by bench/proxy.py. The tag enforcer keeps what it read for a minute
(ConfigLoader.KEEP), so a burst inside a minute should read Parameter Store once.

  bench/burst.py [--events 20]     writes bench/.out/burst.json
"""
import argparse
import os
import shutil
import time

import fleet
import lib
import sweep

EVENT = os.path.join(lib.ROOT, "events", "tagging-create-nodegroup.json")
BURST = os.path.join(lib.BENCH, "burst", "Burst.java")


def shim(n):
    """A JAVA_HOME whose java runs Burst (N invocations) where local/invoke asks for the runner."""
    real = os.path.realpath(os.path.join(os.environ["JAVA_HOME"], "bin", "java")
                            if os.environ.get("JAVA_HOME") else shutil.which("java"))
    home = os.path.join(lib.OUT, "jvm-burst")
    os.makedirs(os.path.join(home, "bin"), exist_ok=True)
    java = os.path.join(home, "bin", "java")
    with open(java, "w", encoding="utf-8") as f:
        f.write(f"""#!/usr/bin/env bash
args=()
for a in "$@"; do
  [[ "$a" == dev.ekssteward.local.runner.LocalInvoke ]] && a='{BURST}'
  args+=("$a")
done
start=$(date +%s%N)
'{real}' "${{args[@]}}" {n}
rc=$?
echo "$(( ($(date +%s%N) - start) / 1000000 ))" > '{home}/wall-ms.txt'
exit $rc
""")
    os.chmod(java, 0o755)
    return home


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=20)
    a = ap.parse_args()
    described = fleet.write("fleet-burst.json", fleet.description(
        2, 5, {}, config=sweep.config(time.gmtime().tm_hour)))
    moto = sweep.SeededMoto([described], 2)
    proxy = None
    try:
        proxy = lib.Proxy(moto.url, 0)
        env_vars = lib.write_env_vars("burst-env.json", {
            "DRY_RUN": "true", "CONFIG_PREFIX": "/eks-steward", "AUDIT_BUS": "default"})
        home = shim(a.events)
        out = {}
        for n in (1, a.events):
            shim(n)
            proxy.control("reset")
            reply, err, _, rc = lib.invoke("TagEnforcerFunction", EVENT, proxy.url, env_vars,
                                           None, home)
            stats = proxy.control("stats")
            wall = int(open(os.path.join(home, "wall-ms.txt"), encoding="utf-8").read())
            with open(os.path.join(lib.OUT, f"burst-{n}.log"), "w", encoding="utf-8") as f:
                f.write(err)
            if rc != 0 or not reply:
                raise SystemExit(f"burst of {n} failed (rc {rc}): {err[-800:]}")
            out[str(n)] = {"events": n, "wallMs": wall, "calls": stats["calls"],
                           "configReads": stats["calls"].get("ssm:GetParameter", 0)}
            lib.log(f"  burst of {n}: {out[str(n)]['configReads']} config reads, {wall} ms")
        lib.save("burst.json", out)
    finally:
        if proxy:
            proxy.close()
        moto.close()


if __name__ == "__main__":
    main()
