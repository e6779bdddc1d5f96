#!/usr/bin/env bash
# Runs the side-by-side benchmarks: Twins and its peers on the same seeded portfolio
# (dev.twins.bench.peers.PeerBenchmark), the telemetry histories (TelemetryPeerBenchmark) and the
# reopen after a crash (ReopenAfterCrash), then prints the ratio tables (twins-bench/peers_summary.py).
#
#   twins-bench/run.sh [--quick] [--twins 10000,100000] [--engines twins,jgrapht,...] [--pin]
#                      [--no-graph] [--no-history] [--no-analytics] [--no-reopen]
#                      [--reopen-twins 100000,1000000] [--out DIR]
#
# Then, unless --no-analytics, the analytics workloads at every size: SyncPeerBenchmark (workload 3:
# a 1,000,000-reading stream replayed through Twins' telemetry hub with rules, or into QuestDB plus
# TinkerGraph or JGraphT with hand-written propagation, on one and two threads) and
# AnalyticsPeerBenchmark (workloads 5 and 6: predictive maintenance and space usage, Twins' query
# language against Gremlin or Cypher joined with QuestDB). Quick mode: one JVM per size each,
# 250,000 readings, 2 warmup and 2 measured replays; the analytics 1 warmup and 2 measured iterations
# of 0.5 s. --no-graph leaves out PeerBenchmark (workloads
# 1, 2 and 4).
# Full mode (default): JMH as the benchmarks are annotated (one fork per benchmark, engine and
# size, each loading its own graph; 3 warmup and 5 measured iterations of 1 s; 1 warmup and 3
# measured loads), sizes 10,000 and 100,000 twins; the histories (a 1,000,000-reading stream of a
# 100,000-twin portfolio); the reopen after a crash at 100,000 and 1,000,000 twins, 3 runs of every
# engine. Timed: 44 min on a quiet 2-core machine (BENCHMARKS.md, "The full mode, end to end").
# Quick mode (--quick), 10,000 twins unless --twins, every workload at least once:
#   - one JVM per size for the reads, updates and queries of every engine (-f 0: each engine is
#     loaded once and kept for all of them, and the engines' figures for one benchmark are taken
#     one right after the other), 1 warmup iteration of 0.3 s and 2 measured of 0.4 s; of the
#     queries beside the writer, the building scope only;
#   - a second JVM per size for the loads (1 warmup and 2 measured) of twins, jgrapht and
#     tinkergraph (twins-query and gremlin load the same way; Neo4j and Cypher, whose every load
#     starts a new database, load in the full mode);
#   - the histories on a 200,000-reading stream of a 10,000-twin portfolio;
#   - the reopen after a crash at 10,000 twins, once for twins and tinkergraph (Neo4j's, about 45 s
#     of writing and starting a database under load, in the full mode or from ReopenAfterCrash directly).
#   Timed: see BENCHMARKS.md, "Commands" (3 min 38 s at load 10-12, analytics included).
# Besides JMH's wall-clock figures, every measured iteration logs its CPU time per operation
# (# cpu ...), which a shared, loaded machine inflates far less; the summary shows both.
# Settings for 2 cores: one benchmark thread; the JIT, the collector and the background writer use
# the second core. --pin runs everything on CPU 0 instead (taskset -c 0). JMH's lock against
# concurrent runs (/tmp/jmh.lock) is ignored: on a shared machine another user's run would
# otherwise stop this one; machine.txt records the load average instead.
# Results: DIR (default twins-bench/target/peers-<date>) gets one JMH JSON result and log per JVM,
# the reopen's log, and summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0; graph=1; history=1; analytics=1; reopen=1; reopen_twins=""; twins=""; engines="twins,twins-query,jgrapht,tinkergraph,gremlin,neo4j,cypher"; pin=(); out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --twins) twins="$2"; shift ;;
    --engines) engines="$2"; shift ;;
    --pin) pin=(taskset -c 0) ;;
    --no-history) history=0 ;;
    --no-analytics) analytics=0 ;;
    --no-graph) graph=0 ;;
    --no-reopen) reopen=0 ;;
    --reopen-twins) reopen_twins="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) echo "unknown option $1 (expected --quick, --twins N,M, --engines a,b, --pin, --no-graph, --no-history, --no-analytics, --no-reopen, --reopen-twins N,M, --out DIR)" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$twins" ] || { [ $quick = 1 ] && twins=10000 || twins=10000,100000; }
[ -n "$reopen_twins" ] || { [ $quick = 1 ] && reopen_twins=${twins%%,*} || reopen_twins=100000,1000000; }
[ -n "$out" ] || out="twins-bench/target/peers-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

jar=twins-bench/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  mvn -q -B package -DskipTests -pl twins-bench -am
fi

# What Neo4j asks of Java 17 (the forks get the same from the benchmarks' @Fork).
jvm=(-Xmx8g -Djmh.ignoreLock=true --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED)

start=$(date +%s)
echo "# $(date -u) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" | tee "$out/machine.txt"
# only the engines asked for, in the order given
pick() { local out=() e; for e in ${1//,/ }; do [[ ",$engines," == *",$e,"* ]] && out+=("$e"); done; local IFS=,; echo "${out[*]}"; }
jmh() { # name, then JMH's arguments
  local name=$1; shift
  "${pin[@]}" java "${jvm[@]}" -jar "$jar" "$@" -rf json -rff "$out/$name.json" > "$out/$name.log" 2>&1 \
    || { echo "failed: see $out/$name.log" >&2; tail -20 "$out/$name.log" >&2; exit 1; }
}
if [ $quick = 1 ]; then
  loads=$(pick twins,jgrapht,tinkergraph)
  for n in ${twins//,/ }; do
    [ $graph = 1 ] || continue
    echo "== reads, updates and queries of every engine, $n twins"
    jmh "quick-$n" 'peers.PeerBenchmark.(readById|updateOne|query(Building|Floor|AirHandler)|queryBuildingWhileWriting)$' \
      -p engine="$engines" -p twins="$n" -f 0 -wi 1 -w 300ms -i 2 -r 400ms
    if [ -n "$loads" ]; then
      echo "== loads, $n twins"
      jmh "quick-load-$n" 'peers.PeerBenchmark.load$' -p engine="$loads" -p twins="$n" -f 0 -wi 1 -i 2
    fi
  done
  if [ $history = 1 ]; then
    echo "== histories"
    jmh history 'peers.TelemetryPeerBenchmark' -p twins=10000 -p readings=200000 -f 0 -wi 1 -w 500ms -i 2 -r 500ms
  fi
  reopen_engines=$(pick twins,tinkergraph); runs=1
else
  [ $graph = 0 ] || jmh full 'peers.PeerBenchmark' -p engine="$engines" -p twins="$twins"
  [ $history = 0 ] || jmh history 'peers.TelemetryPeerBenchmark'
  reopen_engines=$(pick twins,twins-query,neo4j,cypher,tinkergraph); runs=3
fi
if [ $reopen = 1 ] && [ -n "$reopen_engines" ]; then
  echo "== reopen after a crash, $reopen_twins twins"
  "${pin[@]}" java "${jvm[@]}" -cp "$jar" dev.twins.bench.peers.ReopenAfterCrash \
    --twins "$reopen_twins" --engines "$reopen_engines" --runs $runs > "$out/reopen.log" 2>&1 \
    || { echo "failed: see $out/reopen.log" >&2; tail -20 "$out/reopen.log" >&2; exit 1; }
fi
if [ $analytics = 1 ]; then
  for n in ${twins//,/ }; do
    if [ $quick = 1 ]; then
      sync_opts=(-f 0 -wi 2 -i 2 -p readings=250000); analytics_opts=(-f 0 -wi 1 -w 500ms -i 2 -r 500ms)
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
