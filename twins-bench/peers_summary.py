#!/usr/bin/env python3
"""Summarises the side-by-side benchmarks (PeerBenchmark) as Markdown ratio tables.

Usage: python3 twins-bench/peers_summary.py DIR_OR_FILES...

Reads every JMH JSON result (*.json) and JMH log (*.log) given or found in the given folders (as
twins-bench/run.sh leaves them). For each size it prints two tables, a row per workload and a
column per engine, with the median of the measured iterations and, for the peers, the ratio to
Twins (peer / Twins: above 1 means Twins takes less time or memory): first the CPU time per
operation (the logs' "# cpu" lines: the benchmark thread's, the whole JVM's for loads and for the
reopen after a crash), which a
loaded machine inflates far less, then JMH's wall-clock scores. The retained heap per twin (and
with it the memory per twin, the heap plus the files of a store that keeps its data outside the
heap: Neo4j's, on /dev/shm), the
background writer's reached rate, the history's bytes per reading and the times to reopen after a
crash (ReopenAfterCrash, workload 7) come from the logs' "# retained heap", "# writer", "# history"
and "# reopen" lines; for the writer's rate, a ratio below 1 means
the peer's writer fell further behind its 100,000 updates per second than Twins'. A last table
shows how each engine's figures scale from each size to the next (10,000 → 100,000 → 1,000,000).
"""
import glob
import json
import os
import re
import statistics
import sys

ENGINES = ["twins", "twins-query", "jgrapht", "tinkergraph", "gremlin", "neo4j", "cypher", "questdb",
           "questdb-tinkergraph", "questdb-jgrapht"]
ROWS = [
    ("load", "1. bulk load"),
    ("heap", "1. retained heap per twin"),
    ("memory", "1. memory per twin: heap + store files"),
    ("readById", "2. point read by id"),
    ("updateOne", "2. one property update"),
    ("queryBuilding", "4. query: sensors > 30 °C under a building"),
    ("queryFloor", "4. query: … under a floor"),
    ("queryAirHandler", "4. query: … fed by an air handler"),
    ("queryBuildingWhileWriting", "4. building query, writer at 100,000/s"),
    ("queryFloorWhileWriting", "4. floor query, writer at 100,000/s"),
    ("queryAirHandlerWhileWriting", "4. air handler query, writer at 100,000/s"),
    ("writer", "4. writer's reached rate (updates/s)"),
    ("ingestHistory", "3. history: append the whole stream"),
    ("historyBytes", "3. history: bytes per stored reading"),
    ("windowMean", "5. 15-minute mean of one sensor"),
    ("replayOneThread", "3. sync: replay the stream, 1 thread"),
    ("replayTwoThreads", "3. sync: replay the stream, 2 threads"),
    ("syncBytes", "3. sync: bytes per stored reading"),
    ("maintenance", "5. maintenance ranking of a building (peers: + QuestDB)"),
    ("spaceUsage", "6. space usage roll-up of every room (peers: + QuestDB)"),
    ("reopen", "7. reopen after a crash: open + first query"),
    ("reopenJvm", "7. reopen after a crash, from the JVM's start"),
]
HEAP = re.compile(r"# retained heap engine=(\S+) twins=(\d+): (\d+) bytes(?:.*; on disk ([\d.]+) MB)?")
WRITER = re.compile(r"# writer engine=(\S+) twins=(\d+): (\d+) updates/s")
CPU = re.compile(r"# cpu bench=(\S+) engine=(\S+) twins=(\d+): thread ([\d.]+) ns/op, process ([\d.]+) ns/op")
UNITS = {"load": ("ms", 1e6), "ingestHistory": ("ms", 1e6), "readById": ("ns", 1.0), "updateOne": ("ns", 1.0),
         "replayOneThread": ("ms", 1e6), "replayTwoThreads": ("ms", 1e6), "spaceUsage": ("ms", 1e6),
         "reopen": ("ms", 1e6)}
# benchmarks whose CPU time is the whole JVM's (the collector; the second replay thread)
PROCESS_CPU = ("load", "ingestHistory", "replayTwoThreads")
REOPEN = re.compile(r"# reopen engine=(\S+) twins=(\d+): total ([\d.]+) ms .*since the JVM's start (\d+) ms"
                    r"(?:.*; CPU (\d+) ms)?")
HISTORY = re.compile(r"# history engine=(\S+) twins=(\d+): (\d+) bytes per reading")
SYNC = re.compile(r"# sync engine=(\S+) twins=(\d+): (\d+) bytes per reading")


def files(args, pattern):
    out = []
    for a in args:
        out += sorted(glob.glob(os.path.join(a, pattern))) if os.path.isdir(a) else ([a] if a.endswith(pattern[1:]) else [])
    return out


def number(x):
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:,.1f}"
    return f"{x:,.2f}"


def main(args):
    # (row, twins, engine) -> (median, unit, lower_is_better)
    cells = {}
    readings = set()  # the histories' stream lengths
    for path in files(args, "*.json"):
        with open(path, encoding="utf-8") as f:
            try:
                results = json.load(f)
            except json.JSONDecodeError:
                continue
        for r in results:
            if ".bench.peers." not in r["benchmark"]:
                continue
            name = r["benchmark"].rsplit(".", 1)[-1]
            p = r["params"]
            m = r["primaryMetric"]
            if "readings" in p:
                readings.add(int(p["readings"]))
            unit = m["scoreUnit"].replace("us/op", "µs").replace("ns/op", "ns").replace("ms/op", "ms")
            cells[(name, int(p["twins"]), p["engine"])] = (m["scorePercentiles"]["50.0"], unit, True)
    heaps, memories, writers, histories, cpus, syncs, reopens = {}, {}, {}, {}, {}, {}, {}
    for path in files(args, "*.log"):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                h = HEAP.search(line)
                if h:
                    n, e, heap = int(h.group(2)), h.group(1), int(h.group(3))
                    heaps.setdefault((n, e), []).append(heap / n)
                    # a store's files (Neo4j's, on /dev/shm) hold the data outside the heap
                    files_bytes = float(h.group(4)) * 1e6 if h.group(4) else 0.0
                    memories.setdefault((n, e), []).append((heap + files_bytes) / n)
                c = CPU.search(line)
                if c:
                    bench = c.group(1)
                    # loads: the whole JVM (the collector's work is part of building a graph);
                    # everything else: the benchmark thread alone (JIT and writer left out)
                    ns = float(c.group(5)) if bench in PROCESS_CPU else float(c.group(4))
                    cpus.setdefault((bench, int(c.group(3)), c.group(2)), []).append(ns)
                z = SYNC.search(line)
                if z:
                    syncs.setdefault((int(z.group(2)), z.group(1)), []).append(int(z.group(3)))
                y = HISTORY.search(line)
                if y:
                    histories.setdefault((int(y.group(2)), y.group(1)), []).append(int(y.group(3)))
                o = REOPEN.search(line)
                if o:
                    n, e = int(o.group(2)), o.group(1)
                    reopens.setdefault(("reopen", n, e), []).append(float(o.group(3)))
                    reopens.setdefault(("reopenJvm", n, e), []).append(float(o.group(4)))
                    if o.group(5):
                        cpus.setdefault(("reopen", n, e), []).append(float(o.group(5)) * 1e6)
                w = WRITER.search(line)
                if w:
                    writers.setdefault((int(w.group(2)), w.group(1)), []).append(int(w.group(3)))
    for (n, e), v in heaps.items():
        cells[("heap", n, e)] = (statistics.median(v), "B", True)
    for (n, e), v in memories.items():
        cells[("memory", n, e)] = (statistics.median(v), "B", True)
    for (n, e), v in histories.items():
        cells[("historyBytes", n, e)] = (statistics.median(v), "B", True)
    for (n, e), v in syncs.items():
        cells[("syncBytes", n, e)] = (statistics.median(v), "B", True)
    for key, v in reopens.items():
        cells[key] = (statistics.median(v), "ms", True)
    for (n, e), v in writers.items():
        cells[("writer", n, e)] = (statistics.median(v), "/s", False)
    cpu_cells = {}
    for (bench, n, e), v in cpus.items():
        unit, scale = UNITS.get(bench, ("µs", 1e3))
        cpu_cells[(bench, n, e)] = (statistics.median(v) / scale, unit, True)
    sizes = sorted({k[1] for k in cells})
    engines = [e for e in ENGINES if any(k[2] == e for k in cells)]
    if not sizes:
        print("no PeerBenchmark results found in", args, file=sys.stderr)
        return 1
    def table(title_of_table, source, n):
        rows = [(key, title) for key, title in ROWS if any(source.get((key, n, e)) for e in ENGINES)]
        if not rows:
            return
        engines = [e for e in ENGINES if any(source.get((key, n, e)) for key, _ in rows)]
        print(title_of_table + "\n")
        print("| workload | unit | " + " | ".join(engines) + " |")
        print("|---|---|" + "---|" * len(engines))
        for key, title in rows:
            row = [source.get((key, n, e)) for e in engines]
            unit = next(c[1] for c in row if c)
            base = source.get((key, n, "twins"))
            out = []
            for e, c in zip(engines, row):
                if not c:
                    out.append("–")
                elif e == "twins" or not base or base[0] == 0:
                    out.append(f"**{number(c[0])}**" if e == "twins" else number(c[0]))
                else:
                    out.append(f"{number(c[0])} (×{c[0] / base[0]:.2f})")
            print(f"| {title} | {unit} | " + " | ".join(out) + " |")
        print()

    if readings:
        print("Histories (workloads 3 and 5): a stream of " + " and ".join(f"{r:,}" for r in sorted(readings))
              + " readings, in the tables of the portfolio size it belongs to.\n")
    for n in sizes:
        table(f"**{n:,} twins, CPU time per operation** (median of the measured iterations: the benchmark "
              f"thread's CPU time, the whole JVM's for loads and reopens; ×ratio to Twins)", cpu_cells, n)
        table(f"**{n:,} twins, wall-clock** (JMH's median; peers: their figure and ×ratio to Twins, peer / Twins)",
              cells, n)
    if len(sizes) > 1:
        # each step from one size to the next: figure at the larger / figure at the smaller
        steps = list(zip(sizes, sizes[1:]))

        def ratio(key, e, lo, hi):
            src = cpu_cells if cpu_cells.get((key, lo, e)) and cpu_cells.get((key, hi, e)) else cells
            a, b = src.get((key, lo, e)), src.get((key, hi, e))
            return f"×{b[0] / a[0]:.2f}" if a and b and a[0] else None

        engines = [e for e in engines if any(ratio(k, e, lo, hi) for k, _ in ROWS for lo, hi in steps)]
        names = " then ".join(f"{lo:,} → {hi:,}" for lo, hi in steps)
        heading = (f"**Scaling**, {names} twins: figure at the larger size / figure at the smaller"
                   + (" (one ratio per step, in that order; – where a size was not run)" if len(steps) > 1 else "")
                   + ", from the CPU times where there are some, else from the wall-clock table\n")
        lines = []
        history = {"ingestHistory", "historyBytes", "windowMean"}
        for key, title in ROWS:
            if key in history and len(readings) > 1:
                continue  # streams of different lengths: not a scaling
            out = []
            for e in engines:
                rs = [ratio(key, e, lo, hi) for lo, hi in steps]
                out.append(" · ".join(r or "–" for r in rs) if any(rs) else "–")
            if any(o != "–" for o in out):
                lines.append(f"| {title} | " + " | ".join(out) + " |")
        if lines:
            print(heading)
            print("| workload | " + " | ".join(engines) + " |")
            print("|---|" + "---|" * len(engines))
            print("\n".join(lines))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["."]))
