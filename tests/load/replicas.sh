#!/usr/bin/env bash
# Load test of two registry replicas on one PostgreSQL database (issue 7 item 6, DESIGN §8 and §14).
#
# Builds Registry.Api in Release, creates a fresh database on the server EVC_TEST_POSTGRES names (default: the local
# cluster .ci/run sets up, Host=127.0.0.1;Port=5432;Username=evc;Password=evc), starts two replicas on free loopback
# ports with Storage__Provider=Postgres, seeds SUBJECTS subjects with one schema each, then runs one wrk per replica
# at the same time with tests/load/mixed.lua: 90% reads (by id, latest, version list, subject list) and 10% writes
# (a new compatible version of a random subject, unique per request). A bare Kestrel endpoint is measured first on
# the same machine as the baseline. Afterwards every subject's versions must be exactly 1..n.
#
#   tests/load/replicas.sh
#   LOAD_DURATION=20s LOAD_CONNECTIONS=32 tests/load/replicas.sh      # connections per replica
#
# Exit: 0 when measured with zero errors and contiguous versions; 1 otherwise.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

duration=${LOAD_DURATION:-20s}
warmup=${LOAD_WARMUP:-5s}
connections=${LOAD_CONNECTIONS:-32}
subjects=${SUBJECTS:-20}
server=${EVC_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=evc;Password=evc}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() {
  echo "replicas.sh: $*" >&2
  exit 1
}

setting() { # the value of the first of the given (lower-case) keys in the connection string
  local pair key wanted pairs
  IFS=';' read -ra pairs <<<"$server"
  for pair in "${pairs[@]}"; do
    key=$(tr -d '[:space:]' <<<"${pair%%=*}" | tr '[:upper:]' '[:lower:]')
    for wanted in "$@"; do [[ $key == "$wanted" ]] && { echo "${pair#*=}"; return; }; done
  done
}
export PGHOST=$(setting host server) PGPORT=$(setting port) PGUSER=$(setting username user userid) PGPASSWORD=$(setting password)
database=evc_load_$$_$RANDOM

work=$(mktemp -d -t evc-replicas.XXXXXX)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -d postgres -q -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || { apt-get install -y wrk >"$work/apt.log" 2>&1 || { apt-get update && apt-get install -y wrk; } >"$work/apt.log" 2>&1; } || fail "could not install wrk"
for tool in curl python3 dotnet psql; do command -v "$tool" >/dev/null || fail "$tool is required"; done
psql -d postgres -q -c "CREATE DATABASE $database" || fail "cannot create a database on $PGHOST:$PGPORT as $PGUSER (set EVC_TEST_POSTGRES)"

echo "Building Registry.Api and BareEndpoint (Release)..."
dotnet build -c Release -nologo -v quiet Registry.Api/Registry.Api.csproj >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; fail "build failed"; }
dotnet build -c Release -nologo -v quiet tests/load/BareEndpoint/BareEndpoint.csproj >"$work/build-bare.log" 2>&1 || { tail -n 30 "$work/build-bare.log" >&2; fail "build failed"; }
api_dll=$root/Registry.Api/bin/Release/net10.0/EventContracts.Registry.Api.dll
bare_dll=$root/tests/load/BareEndpoint/bin/Release/net10.0/BareEndpoint.dll

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
connection="$server;Database=$database;Maximum Pool Size=40"
urls=()
for replica in a b; do
  port=$(free_port)
  (cd "$work" && Storage__Provider=Postgres ConnectionStrings__Registry="$connection" Logging__LogLevel__Default=Warning \
    exec dotnet "$api_dll" --urls "http://127.0.0.1:$port") >"$work/replica-$replica.log" 2>&1 &
  pids+=($!)
  urls+=("http://127.0.0.1:$port")
  # Start one after the other: the first applies the migrations.
  for _ in $(seq 1 120); do curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/ready" && break; sleep 0.5; done
  curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" || { tail -n 30 "$work/replica-$replica.log" >&2; fail "replica $replica did not start"; }
done
bare_port=$(free_port)
(cd "$work" && exec dotnet "$bare_dll" --urls "http://127.0.0.1:$bare_port") >"$work/bare.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$bare_port/" && break; sleep 0.5; done
curl -fs -o /dev/null "http://127.0.0.1:$bare_port/" || { tail -n 30 "$work/bare.log" >&2; fail "the bare endpoint did not start"; }

echo "Seeding $subjects subjects..."
for n in $(seq 1 "$subjects"); do
  body='{"schema":"{\"type\":\"object\",\"title\":\"Order created\",\"description\":\"seed\",\"properties\":{\"orderId\":{\"type\":\"string\"},\"total\":{\"type\":\"number\"}},\"required\":[\"orderId\"],\"additionalProperties\":false}"}'
  code=$(curl -s -o "$work/seed.out" -w '%{http_code}' -X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json' \
    --data-binary "$body" "${urls[$((n % 2))]}/subjects/load$n.order.created-value/versions")
  [[ $code == 200 ]] || fail "seeding load$n answered $code: $(cat "$work/seed.out")"
done

mixed() { # seconds, url, tag: the 90/10 mix against one replica
  local seconds=${1%s}
  timeout $((seconds + 30)) wrk -t1 -c"$connections" -d"${seconds}s" --latency --timeout 5s \
    -s tests/load/mixed.lua "$2" -- "$subjects" "$subjects" "$3"
}

echo "== bare GET / (one wrk, $((2 * connections)) connections, $duration) =="
timeout 60 wrk -t2 -c$((2 * connections)) -d"$warmup" "http://127.0.0.1:$bare_port/" >/dev/null
timeout 60 wrk -t2 -c$((2 * connections)) -d"$duration" --latency "http://127.0.0.1:$bare_port/" >"$work/bare.txt"
cat "$work/bare.txt"

echo "== mixed 90/10 on both replicas at once (wrk -t1 -c$connections each, warm-up $warmup, then $duration) =="
mixed "$warmup" "${urls[0]}" wa >/dev/null &
warm_a=$!
mixed "$warmup" "${urls[1]}" wb >/dev/null &
warm_b=$!
wait "$warm_a" "$warm_b" || true
mixed "$duration" "${urls[0]}" a >"$work/a.txt" &
first=$!
mixed "$duration" "${urls[1]}" b >"$work/b.txt" &
second=$!
wait "$first" || fail "wrk on replica a failed: $(cat "$work/a.txt")"
wait "$second" || fail "wrk on replica b failed: $(cat "$work/b.txt")"
cat "$work/a.txt" "$work/b.txt"

for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a server died during the run (logs: $work)"; done

echo "Checking every subject's versions are 1..n..."
for n in $(seq 1 "$subjects"); do
  curl -fsS "${urls[$((n % 2))]}/subjects/load$n.order.created-value/versions" >"$work/versions-$n.json" || fail "listing load$n failed"
done

python3 - "$work" "$subjects" <<'PY'
import json, re, sys
work, subjects = sys.argv[1], int(sys.argv[2])
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}

def parse(path):
    text = open(path, encoding="utf-8").read()
    rps = float(re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M).group(1))
    lat = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\b", text, re.M)}
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", text))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors += sum(int(n) for n in socket.groups()) if socket else 0
    return rps, lat["50"], lat["99"], errors

bare = parse(f"{work}/bare.txt")
a, b = parse(f"{work}/a.txt"), parse(f"{work}/b.txt")
total = a[0] + b[0]
print()
print("| run | req/s | p50 ms | p99 ms | errors | ratio to bare |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
print(f"| bare `GET /` | {bare[0]:,.0f} | {bare[1]:.2f} | {bare[2]:.2f} | {bare[3]} | 1.00 |")
for name, r in (("replica a, 90/10", a), ("replica b, 90/10", b)):
    print(f"| {name} | {r[0]:,.0f} | {r[1]:.2f} | {r[2]:.2f} | {r[3]} | {r[0] / bare[0]:.2f} |")
print(f"| both replicas | {total:,.0f} | | max {max(a[2], b[2]):.2f} | {a[3] + b[3]} | {total / bare[0]:.2f} |")

gaps = []
versions_total = 0
for n in range(1, subjects + 1):
    versions = json.load(open(f"{work}/versions-{n}.json"))
    versions_total += len(versions)
    if versions != list(range(1, len(versions) + 1)):
        gaps.append(f"load{n}: {versions[:5]}...")
print()
print(f"{versions_total - subjects:,} versions written in the measured and warm-up runs; contiguous on every subject: {'yes' if not gaps else 'NO ' + '; '.join(gaps)}")
ok = a[3] + b[3] == 0 and not gaps
print("PASS  zero errors" if ok else "FAIL  errors or gaps")
sys.exit(0 if ok else 1)
PY
