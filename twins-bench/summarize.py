#!/usr/bin/env python3
"""Summarises a JMH JSON result (-rf json) of the Twins benchmarks as Markdown tables.

Usage: python3 twins-bench/summarize.py [jmh-result.json]

For each benchmark and parameter set it prints the median of the measurement iterations
(JMH's 50th percentile of all forks' iteration scores), their min and max, JMH's mean with its
99.9% confidence half-width, and, when the run used -prof gc, the bytes allocated per operation.
Results are grouped into one table per benchmark class. The verdict on each headline target is
printed to stderr as an HTML comment.
"""
import json
import sys

# (class, benchmark, params that must match, unit of the target, target, "below" or "above")
TARGETS = [
    ("ModelParseBenchmark", "parseFromMemory", {"ontology": "willow-building"}, "ms/op", 500.0, "below"),
    ("GraphBenchmark", "buildGraph", {"twins": "1000000"}, "ms/op", 5000.0, "below"),
    ("GraphBenchmark", "patchOneProperty", {}, "ops/s", 2_000_000.0, "above"),
    ("GraphBenchmark", "readById", {}, "ns/op", 100.0, "below"),
    ("SeriesBenchmark", "meanOverOneDay", {}, "ms/op", 50.0, "below"),
]


def number(x):
    """Formats a score: one decimal below 1,000, none above."""
    return f"{x:,.1f}" if abs(x) < 1000 else f"{x:,.0f}"


def size(b):
    """Formats a byte count."""
    if b >= 1e6:
        return f"{b / 1e6:,.1f} MB"
    if b >= 1e4:
        return f"{b / 1e3:,.1f} kB"
    return f"{b:,.0f} B"


def main(path):
    with open(path, encoding="utf-8") as f:
        results = json.load(f)
    groups = {}
    for r in results:
        cls, name = r["benchmark"].rsplit(".", 2)[-2:]
        groups.setdefault(cls, []).append((name, r))
    for cls, rows in groups.items():
        print(f"**{cls}**\n")
        print("| benchmark | parameters | median | min–max | mean ± 99.9% CI | unit | allocated/op | iterations |")
        print("|---|---|---|---|---|---|---|---|")
        for name, r in rows:
            params = r.get("params", {})
            m = r["primaryMetric"]
            unit = m["scoreUnit"]
            scores = [s for fork in m["rawData"] for s in fork]
            median = m["scorePercentiles"]["50.0"]
            alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            alloc_text = size(alloc["score"]) if alloc else "–"
            param_text = ", ".join(f"{k}={v}" for k, v in params.items() if v != "")
            error = m["scoreError"]
            error_text = "" if error != error else f" ± {number(error)}"  # NaN with one iteration
            print(
                f"| {name} | {param_text} | **{number(median)}** | {number(min(scores))}–{number(max(scores))} "
                f"| {number(m['score'])}{error_text} | {unit} | {alloc_text} "
                f"| {len(scores)} ({len(m['rawData'])} fork{'s' if len(m['rawData']) != 1 else ''}) |"
            )
            for t_cls, t_name, t_params, t_unit, target, direction in TARGETS:
                if (t_cls, t_name) != (cls, name) or t_unit != unit:
                    continue
                if any(params.get(k) != v for k, v in t_params.items()):
                    continue
                ok = median < target if direction == "below" else median > target
                print(f"<!-- {cls}.{name} {param_text}: median {number(median)} {unit} "
                      f"{'meets' if ok else 'misses'} the target ({direction} {number(target)}) -->", file=sys.stderr)
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "jmh-result.json")
