#!/usr/bin/env python3
"""Package size: bytes of each deployable jar, what is inside by top-level package (SDK service
modules shown one by one), and whether anything unwanted ships (Apache/Netty HTTP clients).
Beside it, the same for the shaded jar before ProGuard shrank it (<module>-unshrunk.jar), where the
build made one (not with -Pnaive).

  bench/size.py [--variant target|target/naive|target/min]   writes bench/.out/size.json
"""
import argparse
import os
import zipfile

import lib

UNWANTED = {"org/apache/hc/": "Apache HttpClient 5", "org/apache/http/": "Apache HttpClient 4",
            "io/netty/": "Netty", "software/amazon/awssdk/http/apache": "SDK Apache client",
            "software/amazon/awssdk/http/nio/netty": "SDK Netty client"}


def group_of(name):
    parts = name.split("/")
    if name.startswith("dev/ekssteward/"):
        return "dev/ekssteward (our code)"
    if name.startswith("META-INF/"):
        return "META-INF"
    if name.startswith("software/amazon/awssdk/services/"):
        return "/".join(parts[:5])
    if name.startswith("software/amazon/awssdk/"):
        return "/".join(parts[:4])
    if len(parts) == 1:
        return "(root files)"
    return "/".join(parts[: min(3, len(parts) - 1)])


def measure(jar):
    groups = {}
    unwanted = set()
    services = set()
    with zipfile.ZipFile(jar) as z:
        for info in z.infolist():
            if info.is_dir():
                continue
            g = groups.setdefault(group_of(info.filename), [0, 0, 0])
            g[0] += info.compress_size
            g[1] += info.file_size
            g[2] += 1
            for prefix, what in UNWANTED.items():
                if info.filename.startswith(prefix):
                    unwanted.add(what)
            if info.filename.startswith("software/amazon/awssdk/services/"):
                services.add(info.filename.split("/")[4])
    top = sorted(groups.items(), key=lambda kv: -kv[1][0])
    return {"bytes": os.path.getsize(jar),
            "groups": [{"group": k, "compressed": v[0], "uncompressed": v[1], "entries": v[2]}
                       for k, v in top],
            "unwanted": sorted(unwanted), "sdkServices": sorted(services)}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--variant", default="target")
    args = ap.parse_args()
    out = {}
    for module in lib.FUNCTIONS.values():
        jar = os.path.join(lib.ROOT, "functions", module, args.variant, module + ".jar")
        if os.path.exists(jar):
            out[module] = measure(jar)
            unshrunk = jar[: -len(".jar")] + "-unshrunk.jar"
            if os.path.exists(unshrunk):
                out[module]["unshrunk"] = measure(unshrunk)
    lib.save("size-" + args.variant.replace("/", "-") + ".json", out)
    for module, m in out.items():
        before = f" (unshrunk {m['unshrunk']['bytes'] / 1e6:.2f} MB)" if "unshrunk" in m else ""
        print(f"{module}: {m['bytes'] / 1e6:.2f} MB{before}, services {m['sdkServices']}, "
              f"unwanted {m['unwanted'] or 'none'}")
        for g in m["groups"][:6]:
            print(f"   {g['compressed'] / 1e6:6.2f} MB  {g['group']}")


if __name__ == "__main__":
    main()
