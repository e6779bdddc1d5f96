#!/usr/bin/env python3
"""Summarises a JMH JSON result (-rf json) of the Twins benchmarks as a Markdown table.

Usage: python3 twins-bench/summarize.py [jmh-result.json]

For each benchmark and parameter set it prints the median of the measurement iterations
(JMH's 50th percentile of all forks' iteration scores), their min and max, JMH's mean with its
99.9% confidence half-width, and, when the run used -prof gc, the bytes allocated per operation.
"""
import json
import sys

TARGET_MS = 500.0  # parseFromMemory on willow-building, one core


def main(path):
    with open(path, encoding="utf-8") as f:
        results = json.load(f)
    print("| benchmark | ontology | median ms/op | min–max ms/op | mean ± 99.9% CI | MB allocated/op | iterations |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[-1]
        params = r.get("params", {})
        m = r["primaryMetric"]
        scores = [s for fork in m["rawData"] for s in fork]
        pct = m["scorePercentiles"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        alloc_text = f"{alloc['score'] / 1e6:,.1f}" if alloc else "–"
        print(
            f"| {name} | {params.get('ontology', '')} | {pct['50.0']:,.1f} "
            f"| {min(scores):,.1f}–{max(scores):,.1f} | {m['score']:,.1f} ± {m['scoreError']:,.1f} "
            f"| {alloc_text} | {len(scores)} ({len(m['rawData'])} forks) |"
        )
        if name == "parseFromMemory" and params.get("ontology") == "willow-building":
            verdict = "meets" if pct["50.0"] < TARGET_MS else "misses"
            print(f"<!-- headline: median {pct['50.0']:.1f} ms {verdict} the {TARGET_MS:.0f} ms target -->",
                  file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "jmh-result.json")
