#!/usr/bin/env bash
# Runs the side-by-side benchmarks (dev.twins.bench.peers.PeerBenchmark): Twins and its peers on
# the same seeded portfolio, then prints the ratio tables (twins-bench/peers_summary.py).
#
#   twins-bench/run.sh [--quick] [--twins 10000,100000] [--engines twins,jgrapht,...] [--pin] [--no-history] [--no-analytics] [--no-graph] [--out DIR]
#
# Then, unless --no-history, TelemetryPeerBenchmark: Twins' series store and QuestDB appending the
# same 1,000,000-reading stream of a 100,000-twin portfolio, and the 15-minute mean of one sensor.
# Then, unless --no-analytics, the analytics workloads at every size: SyncPeerBenchmark (workload 3:
# a 1,000,000-reading stream replayed through Twins' telemetry hub with rules, or into QuestDB plus
# TinkerGraph or JGraphT with hand-written propagation, on one and two threads) and
# AnalyticsPeerBenchmark (workloads 5 and 6: predictive maintenance and space usage, Twins' query
# language against Gremlin or Cypher joined with QuestDB). Quick mode: one JVM per size each,
# 250,000 readings, 1 warmup and 2 measured replays. --no-graph leaves out PeerBenchmark (workloads
# 1, 2 and 4).
# Full mode (default): JMH as the benchmarks are annotated (one fork per benchmark, engine and
# size, each loading its own graph; 3 warmup and 5 measured iterations of 1 s; 1 warmup and 3
# measured loads), sizes 10,000 and 100,000 twins. Not timed yet: roughly an hour on 2 cores.
# Quick mode (--quick): one JVM per size for every engine (-f 0: each engine loaded once and kept
# for the following benchmarks, and the engines' figures for one benchmark taken one right after
# the other), 2 warmup iterations of 0.5 s and 2 measured of 1 s (2 and 2 loads); about
# 5 minutes at 10,000 twins (the default size of the quick mode) on a quiet machine, 7.5 minutes
# at load 22 (--no-history saves about 1.5 of them).
# Besides JMH's wall-clock figures, every measured iteration logs its CPU time per operation
# (# cpu ...), which a shared, loaded machine inflates far less; the summary shows both.
# Settings for 2 cores: one benchmark thread; the JIT, the collector and the background writer use
# the second core. --pin runs everything on CPU 0 instead (taskset -c 0).
# Results: DIR (default twins-bench/target/peers-<date>) gets one JMH JSON result and log per run,
# and summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0; graph=1; history=1; analytics=1; twins=""; engines="twins,twins-query,jgrapht,tinkergraph,gremlin,neo4j,cypher"; pin=(); out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --twins) twins="$2"; shift ;;
    --engines) engines="$2"; shift ;;
    --pin) pin=(taskset -c 0) ;;
    --no-history) history=0 ;;
    --no-analytics) analytics=0 ;;
    --no-graph) graph=0 ;;
    --out) out="$2"; shift ;;
    *) echo "unknown option $1 (expected --quick, --twins N,M, --engines a,b, --pin, --no-history, --no-analytics, --no-graph, --out DIR)" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$twins" ] || { [ $quick = 1 ] && twins=10000 || twins=10000,100000; }
[ -n "$out" ] || out="twins-bench/target/peers-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

jar=twins-bench/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  mvn -q -B package -DskipTests -pl twins-bench -am
fi

# What Neo4j asks of Java 17 (the forks get the same from the benchmarks' @Fork).
jvm=(-Xmx8g --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED)

start=$(date +%s)
echo "# $(date -u) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" | tee "$out/machine.txt"
if [ $quick = 1 ]; then
  for n in ${twins//,/ }; do
    [ $graph = 1 ] || continue
    echo "== every engine, $n twins"
    "${pin[@]}" java "${jvm[@]}" -jar "$jar" 'peers.PeerBenchmark' -p engine="$engines" -p twins="$n" \
      -f 0 -wi 2 -w 500ms -i 2 -r 1 -rf json -rff "$out/quick-$n.json" > "$out/quick-$n.log" 2>&1 \
      || { echo "failed: see $out/quick-$n.log" >&2; tail -20 "$out/quick-$n.log" >&2; exit 1; }
  done
  if [ $history = 1 ]; then
    echo "== history"
    "${pin[@]}" java "${jvm[@]}" -jar "$jar" 'peers.TelemetryPeerBenchmark' \
      -f 0 -wi 1 -w 1 -i 2 -r 1 -rf json -rff "$out/history.json" > "$out/history.log" 2>&1 \
      || { echo "failed: see $out/history.log" >&2; tail -20 "$out/history.log" >&2; exit 1; }
  fi
elif [ $graph = 1 ]; then
  "${pin[@]}" java "${jvm[@]}" -jar "$jar" 'peers.PeerBenchmark' -p engine="$engines" -p twins="$twins" \
    -rf json -rff "$out/full.json" > "$out/full.log" 2>&1 \
    || { echo "failed: see $out/full.log" >&2; tail -20 "$out/full.log" >&2; exit 1; }
fi
if [ $quick = 0 ]; then
  if [ $history = 1 ]; then
    "${pin[@]}" java "${jvm[@]}" -jar "$jar" 'peers.TelemetryPeerBenchmark' \
      -rf json -rff "$out/history.json" > "$out/history.log" 2>&1 \
      || { echo "failed: see $out/history.log" >&2; tail -20 "$out/history.log" >&2; exit 1; }
  fi
fi
if [ $analytics = 1 ]; then
  for n in ${twins//,/ }; do
    if [ $quick = 1 ]; then
      sync_opts=(-f 0 -wi 1 -i 2 -p readings=250000); analytics_opts=(-f 0 -wi 2 -w 500ms -i 2 -r 1)
    else
      sync_opts=(); analytics_opts=()
    fi
    echo "== sync, $n twins"
    "${pin[@]}" java "${jvm[@]}" -jar "$jar" 'peers.SyncPeerBenchmark' -p twins="$n" "${sync_opts[@]}" \
      -rf json -rff "$out/sync-$n.json" > "$out/sync-$n.log" 2>&1 \
      || { echo "failed: see $out/sync-$n.log" >&2; tail -20 "$out/sync-$n.log" >&2; exit 1; }
    echo "== analytics, $n twins"
    "${pin[@]}" java "${jvm[@]}" -jar "$jar" 'peers.AnalyticsPeerBenchmark' -p twins="$n" "${analytics_opts[@]}" \
      -rf json -rff "$out/analytics-$n.json" > "$out/analytics-$n.log" 2>&1 \
      || { echo "failed: see $out/analytics-$n.log" >&2; tail -20 "$out/analytics-$n.log" >&2; exit 1; }
  done
fi
echo "# took $(( $(date +%s) - start )) s" | tee -a "$out/machine.txt"
python3 twins-bench/peers_summary.py "$out" | tee "$out/summary.md"
