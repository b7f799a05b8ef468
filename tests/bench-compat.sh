#!/usr/bin/env bash
# Runs the BACKWARD_TRANSITIVE benchmarks in Release and checks that the check grows linearly with the
# number of versions: for each property count and history shape, time(100)/time(10) and time(1000)/time(100) must stay
# at or below 12 (10x the versions, 20% slack). Judged for the Stable and ConstantDifference histories
# (TransitiveCheckBenchmarks: the same work per version); Relaxing (RelaxingHistoryBenchmarks) is not run here.
#
# The whole run is repeated (3 rounds by default) and each case's time is the median of its rounds. On the shared
# 2-core machine the speed of the whole machine drifts by up to a quarter over minutes; a case measured in a slow
# minute and its neighbour in a fast one would judge the machine, not the check. A median over rounds taken minutes
# apart keeps one slow stretch from deciding a ratio. Every round's own ratios are printed too.
#
#   tests/bench-compat.sh                          3 rounds, then report (about 20 minutes)
#   tests/bench-compat.sh --rounds 1               one round
#   tests/bench-compat.sh --job short              extra arguments go to BenchmarkDotNet
#   tests/bench-compat.sh --report-only CSV...     report on existing *-report.csv files (one per round) without running
#
# Exit: 0 linear, 1 some ratio over the limit, 2 no usable report (a benchmark failed or is missing).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# BenchmarkDotNet looks for the benchmark project under the working directory.
cd "$root"
results="$root/BenchmarkDotNet.Artifacts/results"
report="$results/EventContracts.Benchmarks.TransitiveCheckBenchmarks-report.csv"
rounds=3
reports=()

if [[ ${1:-} == --report-only ]]; then
  shift
  reports=("$@")
  if [[ ${#reports[@]} -eq 0 ]]; then reports=("$report"); fi
else
  if [[ ${1:-} == --rounds ]]; then
    rounds=$2
    shift 2
  fi
  for ((round = 1; round <= rounds; round++)); do
    rm -f "$report"
    dotnet run -c Release --project tests/Registry.Benchmarks -- \
      --filter '*.TransitiveCheckBenchmarks.*' --artifacts "$root/BenchmarkDotNet.Artifacts" "$@"
    if [[ -f $report ]]; then
      cp "$report" "$results/transitive-round-$round.csv"
      cp "${report%.csv}-github.md" "$results/transitive-round-$round.md"
      reports+=("$results/transitive-round-$round.csv")
    fi
  done
fi

python3 - "${reports[@]}" <<'PY'
import csv, re, statistics, sys

LIMIT = 12.0
METHOD = "BackwardTransitiveCheck"
# Relaxing histories report more differences the older a version is (output grows with age), so their cost cannot be
# linear in the number of versions by construction: never judged, even in an older report that has them.
NOT_JUDGED = {"Relaxing"}
STEPS = ((10, 100), (100, 1000))
TO_NS = {"ns": 1.0, "us": 1e3, "\u03bcs": 1e3, "\u00b5s": 1e3, "ms": 1e6, "s": 1e9}

def nanoseconds(cell, header_unit):
    """BenchmarkDotNet writes '1,234.5 μs' (unit in the cell) or, with units in the header, '1234.5'."""
    match = re.fullmatch(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*(\S+)?", cell.strip())
    if not match:
        return None  # NA: the benchmark failed
    unit = match.group(2) or header_unit or "ns"
    return float(match.group(1).replace(",", "")) * TO_NS[unit]

def read(path):
    """Mean time of every BackwardTransitiveCheck case of one report, keyed by ((properties, shape), versions)."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        print(f"No report at {path}: did the run fail?", file=sys.stderr)
        return None
    mean_column = next((c for c in (rows[0].keys() if rows else []) if c.split(" ")[0] == "Mean"), None)
    if mean_column is None:
        print(f"{path} has no benchmark rows with a Mean column.", file=sys.stderr)
        return None
    header_unit = (re.search(r"\[(.+)\]", mean_column) or [None, None])[1]
    times, parses = {}, {}
    for row in rows:
        if row["Method"] == METHOD and row.get("History", "") not in NOT_JUDGED:
            key = ((int(row["Properties"]), row.get("History", "")), int(row["Versions"]))
            times[key] = nanoseconds(row[mean_column], header_unit)
            try:
                parses[key] = float(row.get("Ratio", "").replace(",", ""))  # the check in units of one parse, same run
            except ValueError:
                pass
    return (times, parses) if times else None

read_all = [r for r in (read(path) for path in sys.argv[1:]) if r]
rounds = [times for times, _ in read_all]
in_parses = [parses for _, parses in read_all]
if not rounds:
    print("No usable report: nothing to judge.", file=sys.stderr)
    sys.exit(2)

# Each case's time: the median of its rounds (a case missing or failed in a round is left out of that round).
keys = sorted({key for times in rounds for key in times})
median = {}
median_in_parses = {}
for key in keys:
    values = [times[key] for times in rounds if times.get(key)]
    if values:
        median[key] = statistics.median(values)
    values = [parses[key] for parses in in_parses if parses.get(key)]
    if values:
        median_in_parses[key] = statistics.median(values)

def ratio(times, case, low, high):
    t_low, t_high = times.get((case, low)), times.get((case, high))
    return t_high / t_low if t_low and t_high else None

over, missing = [], []
print(f"{METHOD}: growth per 10x versions (limit {LIMIT:g}x), judged on the median time of {len(rounds)} round(s)")
# "vs parse": the same growth with each time in units of one parse of the candidate, measured next to it in the same run.
print(f"{'properties':>6} {'history':>18}  {'versions':>9}  {'median':>8}  {'vs parse':>8}  rounds")
for case in sorted({case for case, _ in keys}):
    for low, high in STEPS:
        label = f"{high}/{low}"
        judged = ratio(median, case, low, high)
        each = " ".join(f"{r:6.2f}" if r else "   n/a" for r in (ratio(times, case, low, high) for times in rounds))
        normalized = ratio(median_in_parses, case, low, high)
        normalized = f"{normalized:8.2f}" if normalized else f"{'n/a':>8}"
        if judged is None:
            missing.append((case, label))
            print(f"{case[0]:>6} {case[1]:>18}  {label:>9}  {'n/a':>8}  {normalized}  {each}")
            continue
        flag = "  OVER LIMIT" if judged > LIMIT else ""
        if judged > LIMIT:
            over.append((case, label, judged))
        print(f"{case[0]:>6} {case[1]:>18}  {label:>9}  {judged:8.2f}  {normalized}  {each}{flag}")

print()
print("Median time per case (ns):")
for case in sorted({case for case, _ in keys}):
    cells = "  ".join(f"{v}: {median[(case, v)]:,.0f}" for v in (10, 100, 1000) if (case, v) in median)
    print(f"  {case[0]} {case[1]}: {cells}")

if over:
    print(f"Not linear: {len(over)} ratio(s) over {LIMIT:g}.")
    sys.exit(1)
if missing:
    print(f"Incomplete: {len(missing)} ratio(s) could not be computed (a benchmark failed).", file=sys.stderr)
    sys.exit(2)
print("Linear: every ratio within the limit.")
PY
