"""How busy a command keeps the cores: the CPU its whole process tree uses, interval by interval.

    python tests/benchmarks/timeline.py -- newsdesk index CORPUS --index-dir DIR
    python tests/benchmarks/timeline.py --every 0.25 --quiet -- newsdesk index ...

Every ``--every`` seconds the CPU time of the command and all its descendants (read from
``/proc``, Linux only) is sampled; each interval is printed as the number of cores the tree kept busy
(``--quiet``: only the summary). The summary gives the wall time, the CPU time, and how long fewer
than ``--busy`` cores were in use: on a machine with nothing else running, that is the time a build
spends on one core (reading before the workers start, writing after them) that more workers cannot
shorten. Figures, never assertions.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> dict[int, int]:
    """CPU clock ticks (user + system) of ``root`` and its descendants, by process id."""
    children: dict[int, list[int]] = {}
    ticks: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(name)
        children.setdefault(int(fields[1]), []).append(pid)
        ticks[pid] = int(fields[11]) + int(fields[12])
    out: dict[int, int] = {}
    stack = [root]
    while stack:
        pid = stack.pop()
        if pid in ticks:
            out[pid] = ticks[pid]
        stack.extend(children.get(pid, []))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--busy", type=float, default=1.5, help="cores counted as busy")
    parser.add_argument("--quiet", action="store_true", help="print the summary alone")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command, after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    start = time.monotonic()
    proc = subprocess.Popen(command)
    seen: dict[int, int] = {}  # the last ticks of every process seen (those gone keep theirs)
    last_total, last_time, idle = 0, start, 0.0
    while proc.poll() is None:
        time.sleep(args.every)
        seen.update(tree_cpu(proc.pid))
        now, total = time.monotonic(), sum(seen.values())
        cores = (total - last_total) / TICK / (now - last_time)
        if cores < args.busy:
            idle += now - last_time
        if not args.quiet:
            print(f"{now - start:7.2f} s  {cores:4.2f} cores", flush=True)
        last_total, last_time = total, now
    wall = time.monotonic() - start
    cpu = sum(seen.values()) / TICK
    print(
        f"wall {wall:.1f} s, CPU {cpu:.1f} s (sampled), under {args.busy} cores busy for {idle:.1f} s",
        file=sys.stderr,
    )
    return proc.returncode or 0


if __name__ == "__main__":
    sys.exit(main())
