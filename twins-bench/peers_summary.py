#!/usr/bin/env python3
"""Summarises the side-by-side benchmarks (PeerBenchmark) as Markdown ratio tables.

Usage: python3 twins-bench/peers_summary.py DIR_OR_FILES...

Reads every JMH JSON result (*.json) and JMH log (*.log) given or found in the given folders (as
twins-bench/run.sh leaves them). For each size it prints two tables, a row per workload and a
column per engine, with the median of the measured iterations and, for the peers, the ratio to
Twins (peer / Twins: above 1 means Twins takes less time or memory): first the CPU time per
operation (the logs' "# cpu" lines: the benchmark thread's, the whole JVM's for loads), which a
loaded machine inflates far less, then JMH's wall-clock scores. The retained heap per twin, the
background writer's reached rate and the history's bytes per reading come from the logs'
"# retained heap", "# writer" and "# history" lines; for the writer's rate, a ratio below 1 means
the peer's writer fell further behind its 100,000 updates per second than Twins'. A last table
shows how each engine's figures scale from the smallest size to the largest.
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
    ("readById", "2. point read by id"),
    ("updateOne", "2. one property update"),
    ("queryBuilding", "4. query: sensors > 30 °C under a building"),
    ("queryFloor", "4. query: … under a floor"),
    ("queryAirHandler", "4. query: … fed by an air handler"),
    ("queryBuildingWhileWriting", "4. building query, writer at 100,000/s"),
    ("queryFloorWhileWriting", "4. floor query, writer at 100,000/s"),
    ("queryAirHandlerWhileWriting", "4. air handler query, writer at 100,000/s"),
    ("writer", "4. writer's reached rate (updates/s)"),
    ("ingestHistory", "3. history: append 1,000,000 readings"),
    ("historyBytes", "3. history: bytes per stored reading"),
    ("windowMean", "5. 15-minute mean of one sensor"),
    ("replayOneThread", "3. sync: replay the stream, 1 thread"),
    ("replayTwoThreads", "3. sync: replay the stream, 2 threads"),
    ("syncBytes", "3. sync: bytes per stored reading"),
    ("maintenance", "5. maintenance ranking of a building (peers: + QuestDB)"),
    ("spaceUsage", "6. space usage roll-up of every room (peers: + QuestDB)"),
]
HEAP = re.compile(r"# retained heap engine=(\S+) twins=(\d+): (\d+) bytes")
WRITER = re.compile(r"# writer engine=(\S+) twins=(\d+): (\d+) updates/s")
CPU = re.compile(r"# cpu bench=(\S+) engine=(\S+) twins=(\d+): thread ([\d.]+) ns/op, process ([\d.]+) ns/op")
UNITS = {"load": ("ms", 1e6), "ingestHistory": ("ms", 1e6), "readById": ("ns", 1.0), "updateOne": ("ns", 1.0),
         "replayOneThread": ("ms", 1e6), "replayTwoThreads": ("ms", 1e6), "spaceUsage": ("ms", 1e6)}
# benchmarks whose CPU time is the whole JVM's (the collector; the second replay thread)
PROCESS_CPU = ("load", "ingestHistory", "replayTwoThreads")
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
            unit = m["scoreUnit"].replace("us/op", "µs").replace("ns/op", "ns").replace("ms/op", "ms")
            cells[(name, int(p["twins"]), p["engine"])] = (m["scorePercentiles"]["50.0"], unit, True)
    heaps, writers, histories, cpus, syncs = {}, {}, {}, {}, {}
    for path in files(args, "*.log"):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                h = HEAP.search(line)
                if h:
                    heaps.setdefault((int(h.group(2)), h.group(1)), []).append(int(h.group(3)) / int(h.group(2)))
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
                w = WRITER.search(line)
                if w:
                    writers.setdefault((int(w.group(2)), w.group(1)), []).append(int(w.group(3)))
    for (n, e), v in heaps.items():
        cells[("heap", n, e)] = (statistics.median(v), "B", True)
    for (n, e), v in histories.items():
        cells[("historyBytes", n, e)] = (statistics.median(v), "B", True)
    for (n, e), v in syncs.items():
        cells[("syncBytes", n, e)] = (statistics.median(v), "B", True)
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

    for n in sizes:
        table(f"**{n:,} twins, CPU time per operation** (median of the measured iterations: the benchmark "
              f"thread's CPU time, the whole JVM's for loads; ×ratio to Twins)", cpu_cells, n)
        table(f"**{n:,} twins, wall-clock** (JMH's median; peers: their figure and ×ratio to Twins, peer / Twins)",
              cells, n)
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        engines = [e for e in engines if any(cells.get((k, lo, e)) and cells.get((k, hi, e)) for k, _ in ROWS)]
        print(f"**Scaling** from {lo:,} to {hi:,} twins ({hi // lo}× the twins): figure at {hi:,} / figure at {lo:,}, "
              f"from the CPU times where there are some, else from the wall-clock table\n")
        print("| workload | " + " | ".join(engines) + " |")
        print("|---|" + "---|" * len(engines))
        for key, title in ROWS:
            out = []
            for e in engines:
                src = cpu_cells if cpu_cells.get((key, lo, e)) and cpu_cells.get((key, hi, e)) else cells
                a, b = src.get((key, lo, e)), src.get((key, hi, e))
                out.append(f"×{b[0] / a[0]:.2f}" if a and b and a[0] else "–")
            if any(o != "–" for o in out):
                print(f"| {title} | " + " | ".join(out) + " |")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["."]))
