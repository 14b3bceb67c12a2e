#!/usr/bin/env python3
"""Interleaved A/B whole-process timing of `generate` (see bench/README.md, "Start-up, third pass").

usage: ab.py ROUNDS ROOT VARIANT...

ROOT/VARIANT is a copy of a tree (the launcher, server/target/parakeet.jar, examples/; no
sources, so its launcher never rebuilds) whose launcher has already made its class-data archive
once for the `java` on the PATH, and ROOT/home-VARIANT the HOME of its runs (its
~/.parakeet/parakeet.db made by one storing run first: warm, current schema). Each run is the
variant's own launcher, `ROOT/VARIANT/parakeet generate …`, as a user runs it: its flags, its
archive and its own cost included.
MODES (environment) picks the runs: "nostore store" by default.
Prints one line per variant and mode: median wall (min-max), median user and sys CPU, in seconds.
"""
import os, resource, statistics, subprocess, sys, time

rounds, root, variants = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
modes = os.environ.get("MODES", "nostore store").split()


def command(variant, mode):
    tree = os.path.join(root, variant)
    line = [os.path.join(tree, "parakeet"), "generate", os.path.join(tree, "examples/normal-day.json")]
    return line + (["--no-store"] if mode == "nostore" else [])


results = {}
print("load before", os.getloadavg())
for _ in range(rounds):
    for mode in modes:
        for variant in variants:
            env = dict(os.environ, HOME=os.path.join(root, "home-" + variant))
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            run = subprocess.run(command(variant, mode), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if run.returncode != 0:
                sys.exit(f"{variant} {mode} failed: {run.stderr.decode()[-500:]}")
            results.setdefault((mode, variant), []).append(
                (wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime))
print("load after", os.getloadavg())
for (mode, variant), runs in sorted(results.items()):
    walls = [r[0] for r in runs]
    print(f"{mode:8s} {variant}: wall {statistics.median(walls):.3f} ({min(walls):.3f}-{max(walls):.3f})"
          f" user {statistics.median(r[1] for r in runs):.3f} sys {statistics.median(r[2] for r in runs):.3f} n={len(runs)}")
