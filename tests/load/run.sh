#!/usr/bin/env bash
# Load test of the registry's hot paths against a bare Kestrel endpoint measured in the same run (DESIGN §14).
#
# Builds Registry.Api and tests/load/BareEndpoint in Release, starts both on free loopback ports (the registry on
# a fresh temporary SQLite file), registers contracts/order/order.created.v1.json under order.created-value, then
# runs wrk against, in order: the bare GET /, GET /schemas/ids/1, GET /subjects/order.created-value/versions/latest
# and the idempotent re-registration POST /subjects/order.created-value/versions. Each measured run follows a
# warm-up run on the same endpoint. Prints req/s, p99 and the ratio to the bare req/s, then PASS/FAIL per target:
#
#   by-id            >= 0.7 x bare req/s, and p99 < 5 ms
#   re-registration  >= 5,000 req/s
#
#   tests/load/run.sh
#   LOAD_DURATION=10s LOAD_WARMUP=3s LOAD_CONNECTIONS=64 LOAD_THREADS=2 tests/load/run.sh
#
# Exit: 0 when every run was measured (a missed target is a result, not a failure); 1 when the set-up failed
# (build, start, seed) or a run could not be measured.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

duration=${LOAD_DURATION:-20s}
warmup=${LOAD_WARMUP:-5s}
connections=${LOAD_CONNECTIONS:-64}
threads=${LOAD_THREADS:-2}
subject=order.created-value
contract=contracts/order/order.created.v1.json

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() {
  echo "run.sh: $*" >&2
  exit 1
}

work=$(mktemp -d -t evc-load.XXXXXX)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- tools --------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  echo "Installing wrk..."
  { apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; } >"$work/apt.log" 2>&1 \
    || fail "could not install wrk (see the apt-get output above)"$'\n'"$(tail -n 20 "$work/apt.log")"
fi
for tool in curl python3 dotnet; do
  command -v "$tool" >/dev/null || fail "$tool is required"
done

# ---- build --------------------------------------------------------------------------------------------------
echo "Building Registry.Api and BareEndpoint (Release)..."
dotnet build -c Release -nologo -v quiet Registry.Api/Registry.Api.csproj >"$work/build-api.log" 2>&1 \
  || { tail -n 30 "$work/build-api.log" >&2; fail "building Registry.Api failed"; }
dotnet build -c Release -nologo -v quiet tests/load/BareEndpoint/BareEndpoint.csproj >"$work/build-bare.log" 2>&1 \
  || { tail -n 30 "$work/build-bare.log" >&2; fail "building BareEndpoint failed"; }
api_dll=Registry.Api/bin/Release/net10.0/EventContracts.Registry.Api.dll
bare_dll=tests/load/BareEndpoint/bin/Release/net10.0/BareEndpoint.dll
[[ -f $api_dll && -f $bare_dll ]] || fail "build outputs missing: $api_dll, $bare_dll"

# ---- start --------------------------------------------------------------------------------------------------
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
api_port=$(free_port)
bare_port=$(free_port)
api=http://127.0.0.1:$api_port
bare=http://127.0.0.1:$bare_port

# The registry runs in the temporary folder so nothing it writes lands in the repository.
(cd "$work" && exec dotnet "$root/$api_dll" --urls "$api" --ConnectionStrings:Registry="Data Source=$work/registry.db") \
  >"$work/api.log" 2>&1 &
pids+=($!)
(cd "$work" && exec dotnet "$root/$bare_dll" --urls "$bare") >"$work/bare.log" 2>&1 &
pids+=($!)

wait_ready() {
  local name=$1 url=$2 pid=$3 log=$4
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null --max-time 2 "$url"; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; fail "$name exited before it was ready"; }
    sleep 0.5
  done
  tail -n 30 "$log" >&2
  fail "$name was not ready at $url within 60 s"
}
wait_ready registry "$api/health/ready" "${pids[0]}" "$work/api.log"
wait_ready "bare endpoint" "$bare/" "${pids[1]}" "$work/bare.log"

# ---- seed ---------------------------------------------------------------------------------------------------
python3 -c 'import json, sys; print(json.dumps({"schema": open(sys.argv[1], encoding="utf-8").read()}))' "$contract" >"$work/register.json"
register() {
  curl -sS --max-time 30 -X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json' \
    --data-binary @"$work/register.json" -w '\n%{http_code}' "$api/subjects/$subject/versions"
}
first=$(register) || fail "registering $contract failed"
[[ $(tail -n 1 <<<"$first") == 200 ]] || fail "registering $contract answered: $first"
again=$(register) || fail "re-registering $contract failed"
[[ $(head -n 1 <<<"$again") == "$(head -n 1 <<<"$first")" ]] || fail "re-registration answered $again, the first registration $first"
id=$(head -n 1 <<<"$first" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
[[ $id == 1 ]] || fail "the seeded schema got id $id on a fresh database; expected 1"
for path in /schemas/ids/1 "/subjects/$subject/versions/latest"; do
  curl -fsS -o /dev/null --max-time 10 "$api$path" || fail "GET $path failed after seeding"
done

# ---- measure ------------------------------------------------------------------------------------------------
wrk_run() {
  local seconds=${1%s}
  shift
  # -d bounds the run; the timeout is a backstop should wrk hang.
  timeout $((seconds + 30)) wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency --timeout 5s "$@"
}

runs=()
measure() {
  local name=$1
  shift
  echo "== $name: warm-up $warmup, then $duration (wrk -t$threads -c$connections) =="
  wrk_run "$warmup" "$@" >"$work/$name.warmup.txt" 2>&1 || { cat "$work/$name.warmup.txt" >&2; fail "wrk warm-up on $name failed"; }
  wrk_run "$duration" "$@" >"$work/$name.txt" 2>&1 || { cat "$work/$name.txt" >&2; fail "wrk on $name failed"; }
  cat "$work/$name.txt"
  runs+=("$name" "$work/$name.txt")
}

measure bare "$bare/"
measure by-id "$api/schemas/ids/1"
measure latest "$api/subjects/$subject/versions/latest"
measure re-register -s tests/load/post.lua "$api/subjects/$subject/versions" -- "$work/register.json"

for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null || fail "a server died during the load runs (logs: $work)"
done

# ---- report -------------------------------------------------------------------------------------------------
python3 - "${runs[@]}" <<'PY'
import re, sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
labels = {
    "bare": "bare `GET /`",
    "by-id": "`GET /schemas/ids/1`",
    "latest": "`GET /subjects/order.created-value/versions/latest`",
    "re-register": "`POST /subjects/order.created-value/versions` (idempotent)",
}

def parse(path):
    text = open(path, encoding="utf-8").read()
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\b", text, re.M)
    if not rps or not p99:
        sys.exit(f"run.sh: cannot read req/s and p99 from {path}:\n{text}")
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", text))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return float(rps.group(1)), float(p99.group(1)) * UNITS[p99.group(2)], errors

args = sys.argv[1:]
results = {name: parse(path) for name, path in zip(args[::2], args[1::2])}
bare_rps = results["bare"][0]

print()
print("| endpoint | req/s | p99 ms | ratio to bare | errors |")
print("| --- | ---: | ---: | ---: | ---: |")
for name, (rps, p99, errors) in results.items():
    print(f"| {labels[name]} | {rps:,.0f} | {p99:.2f} | {rps / bare_rps:.2f} | {errors} |")

by_id_rps, by_id_p99, by_id_errors = results["by-id"]
reg_rps, _, reg_errors = results["re-register"]
checks = [
    (f"by-id req/s >= 0.7 x bare ({by_id_rps:,.0f} vs {0.7 * bare_rps:,.0f})", by_id_rps >= 0.7 * bare_rps and by_id_errors == 0),
    (f"by-id p99 < 5 ms ({by_id_p99:.2f} ms)", by_id_p99 < 5.0 and by_id_errors == 0),
    (f"re-registration >= 5,000 req/s ({reg_rps:,.0f})", reg_rps >= 5000 and reg_errors == 0),
]
print()
for text, ok in checks:
    print(f"{'PASS' if ok else 'FAIL'}  {text}")
if any(errors for _, _, errors in results.values()):
    print("\nSome runs had errors (non-2xx answers or socket errors): their figures are not comparable.")
PY
