#!/usr/bin/env python3
"""Summarise a JFR recording of a benchmark run by engine method.

Usage:
  jfr print --json --stack-depth 64 --events jdk.ExecutionSample rec.jfr > cpu.json
  python3 jfr_top.py cpu cpu.json
  jfr print --json --stack-depth 64 \\
      --events jdk.ObjectAllocationInNewTLAB,jdk.ObjectAllocationOutsideTLAB rec.jfr > alloc.json
  python3 jfr_top.py alloc alloc.json BYTES_PER_OP   # BYTES_PER_OP from -prof gc (gc.alloc.rate.norm)

cpu:   inclusive share per engine method, and self time attributed to the first engine frame
       (so JDK code called by an engine method counts as that method's own cost).
alloc: estimated bytes per operation by allocated type and allocating engine method
       (events must come from a fixed TLAB size, see alloc.jfc).
"""
import collections
import json
import sys

ENGINE = "dev/parakeet/jit/engine/"
ROOT = "FormulaJitGenerator.generate"


def stacks(path):
    for event in json.load(open(path))["recording"]["events"]:
        trace = event["values"].get("stackTrace")
        if not trace:
            continue
        frames = trace["frames"]
        types = [f["method"]["type"]["name"] for f in frames]
        names = [t.split("/")[-1] + "." + f["method"]["name"] for t, f in zip(types, frames)]
        if ROOT in names:
            yield event["values"], types, names


def first_engine(types, names):
    for i, t in enumerate(types):
        if t.startswith(ENGINE):
            return i, names[i]
    return None, "?"


def cpu(path):
    inclusive, own = collections.Counter(), collections.Counter()
    n = 0
    for _, types, names in stacks(path):
        n += 1
        inclusive.update({nm for t, nm in zip(types, names) if t.startswith(ENGINE)})
        own[first_engine(types, names)[1]] += 1
    print(f"{n} samples")
    print("== inclusive")
    for k, v in inclusive.most_common(30):
        print(f"{100 * v / n:5.1f}%  {k}")
    print("== self (incl. JDK callees)")
    for k, v in own.most_common(30):
        print(f"{100 * v / n:5.1f}%  {k}")


def alloc(path, per_op):
    by_type, by_site = collections.Counter(), collections.Counter()
    n = 0
    for values, types, names in stacks(path):
        n += 1
        allocated = values["objectClass"]["name"].split("/")[-1]
        i, site = first_engine(types, names)
        if i is not None and i + 1 < len(types) and types[i + 1].startswith(ENGINE):
            site += " <- " + names[i + 1]
        by_type[allocated] += 1
        by_site[(allocated, site)] += 1
    print(f"{n} samples")
    print("== by type")
    for k, v in by_type.most_common(15):
        print(f"{per_op * v / n:7.0f} B/op  {100 * v / n:5.1f}%  {k}")
    print("== by type and site")
    for (t, s), v in by_site.most_common(40):
        print(f"{per_op * v / n:7.0f} B/op  {100 * v / n:5.1f}%  {t:30s} {s}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "cpu":
        cpu(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "alloc":
        alloc(sys.argv[2], float(sys.argv[3]))
    else:
        sys.exit(__doc__)
