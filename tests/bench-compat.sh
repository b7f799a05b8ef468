#!/usr/bin/env bash
# Runs the BACKWARD_TRANSITIVE benchmarks in Release and checks that the check grows linearly with the
# number of versions: for each property count, time(100)/time(10) and time(1000)/time(100) must stay at
# or below 12 (10x the versions, 20% slack for a noisy machine). Judged for the Stable and ConstantDifference
# histories (the same work per version); Relaxing is printed for information (its output grows with a version's age).
#
#   tests/bench-compat.sh                       run, then report
#   tests/bench-compat.sh --job short           extra arguments go to BenchmarkDotNet
#   tests/bench-compat.sh --report-only [CSV]   report on an existing *-report.csv without running
#
# Exit: 0 linear, 1 some ratio over the limit, 2 no usable report (a benchmark failed or is missing).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# BenchmarkDotNet looks for the benchmark project under the working directory.
cd "$root"
results="$root/BenchmarkDotNet.Artifacts/results"
report="$results/EventContracts.Benchmarks.TransitiveCheckBenchmarks-report.csv"

if [[ ${1:-} == --report-only ]]; then
  report=${2:-$report}
else
  rm -f "$report"
  dotnet run -c Release --project tests/Registry.Benchmarks -- \
    --filter '*TransitiveCheckBenchmarks*' --artifacts "$root/BenchmarkDotNet.Artifacts" "$@"
fi

python3 - "$report" <<'PY'
import csv, re, sys

LIMIT = 12.0
METHOD = "BackwardTransitiveCheck"
# Relaxing histories report more differences the older a version is (output grows with age), so their cost cannot be
# linear in the number of versions by construction; their ratios are printed for information, not judged.
INFORMATIONAL = {"Relaxing"}
STEPS = ((10, 100), (100, 1000))
TO_NS = {"ns": 1.0, "us": 1e3, "\u03bcs": 1e3, "\u00b5s": 1e3, "ms": 1e6, "s": 1e9}

def nanoseconds(cell, header_unit):
    """BenchmarkDotNet writes '1,234.5 μs' (unit in the cell) or, with units in the header, '1234.5'."""
    match = re.fullmatch(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*(\S+)?", cell.strip())
    if not match:
        return None  # NA: the benchmark failed
    unit = match.group(2) or header_unit or "ns"
    return float(match.group(1).replace(",", "")) * TO_NS[unit]

def number(cell):
    try:
        return float(cell.replace(",", ""))
    except ValueError:
        return None

path = sys.argv[1]
try:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
except FileNotFoundError:
    print(f"No report at {path}: did the run fail?", file=sys.stderr)
    sys.exit(2)

mean_column = next((c for c in (rows[0].keys() if rows else []) if c.split(" ")[0] == "Mean"), None)
if mean_column is None:
    print(f"{path} has no benchmark rows with a Mean column.", file=sys.stderr)
    sys.exit(2)
header_unit = (re.search(r"\[(.+)\]", mean_column) or [None, None])[1]

times, baseline_ratios = {}, {}
for row in rows:
    if row["Method"] != METHOD:
        continue
    key = ((int(row["Properties"]), row.get("History", "")), int(row["Versions"]))
    times[key] = nanoseconds(row[mean_column], header_unit)
    baseline_ratios[key] = number(row.get("Ratio", ""))

if not times:
    print(f"No {METHOD} rows in {path}.", file=sys.stderr)
    sys.exit(2)

over, missing = [], []
print(f"{METHOD}: growth per 10x versions (limit {LIMIT:g}x)")
print(f"{'properties':>18}  {'versions':>11}  {'time ratio':>10}  {'vs parse':>8}")
for properties in sorted({p for p, _ in times}):
    for low, high in STEPS:
        t_low, t_high = times.get((properties, low)), times.get((properties, high))
        label = f"{high:>4}/{low:<4}"
        if not t_low or not t_high:
            missing.append((properties, label))
            print(f"{str(properties):>18}  {label:>11}  {'n/a':>10}")
            continue
        ratio = t_high / t_low
        judged = properties[1] not in INFORMATIONAL
        # The same ratio measured in units of one parse of the candidate (the baseline in the same run), so
        # machine drift between the two cases cancels out.
        r_low, r_high = baseline_ratios.get((properties, low)), baseline_ratios.get((properties, high))
        normalized = f"{r_high / r_low:8.2f}" if r_low and r_high else f"{'n/a':>8}"
        flag = ("  OVER LIMIT" if ratio > LIMIT else "") if judged else "  not judged (see below)"
        if judged and ratio > LIMIT:
            over.append((properties, label, ratio))
        print(f"{properties[0]:>6} {properties[1]:>11}  {label:>11}  {ratio:10.2f}  {normalized}{flag}")

if any(shape in INFORMATIONAL for (_, shape), _ in times):
    print("Not judged: " + ", ".join(sorted(INFORMATIONAL)) + ". Each of its versions differs from the newest in more places the")
    print("older it is, so a check reports more differences per version as the history grows: its cost grows faster than")
    print("the number of versions by construction. Stable (the cheapest path) and ConstantDifference (the same real")
    print("comparison for every version) are the shapes that measure the check's own growth.")
if over:
    print(f"Not linear: {len(over)} ratio(s) over {LIMIT:g}.")
    sys.exit(1)
if missing:
    print(f"Incomplete: {len(missing)} ratio(s) could not be computed (a benchmark failed).", file=sys.stderr)
    sys.exit(2)
print("Linear: every ratio within the limit.")
PY
