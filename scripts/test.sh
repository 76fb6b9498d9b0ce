#!/usr/bin/env bash
# Runs the whole test suite: installs missing Debian packages, starts a
# throwaway PostgreSQL and Redis, builds, checks formatting, runs `dotnet test`
# and ends with the line "N passed, N failed[, N skipped]".
# Extra arguments go to `dotnet test`, e.g. scripts/test.sh --filter FullyQualifiedName~Sandbox
#
# Exported to the tests:
#   SDR_TEST_POSTGRES  Npgsql connection string (superuser postgres, database sdr_test)
#   SDR_TEST_REDIS     host:port of the Redis server
#   SDR_TEST_CHROMIUM  path of Chromium, when installed
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=lib/services.sh
source scripts/lib/services.sh
# shellcheck source=lib/trx.sh
source scripts/lib/trx.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Leave no MSBuild worker nodes behind: they would hold CI's output pipe open.
export MSBUILDDISABLENODEREUSE=1

command -v dotnet >/dev/null 2>&1 || die "dotnet not found: install the .NET SDK (see global.json)"
ensure_packages

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sdr-test.XXXXXX")
chmod 755 "$tmp" # the postgres user must reach its folder inside

stop_services() {
  [[ -n ${tmp:-} ]] || return 0
  stop_postgres || true
  stop_redis || true
  rm -rf "$tmp"
  tmp=
}
trap stop_services EXIT
# Turn signals into an exit so the EXIT trap runs.
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

started=$EPOCHREALTIME
start_postgres "$tmp"
start_redis "$tmp"
log "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT" \
  "(started in $(elapsed_since "$started")s, files in $tmp)"

export SDR_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=sdr_test;Include Error Detail=true"
export SDR_TEST_REDIS="127.0.0.1:$REDIS_PORT"
if chromium=$(command -v chromium); then
  export SDR_TEST_CHROMIUM=$chromium
fi

results=$repo/TestResults/$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$results"

# Stops the servers, then prints the closing line last and exits.
finish() {
  local passed=$1 failed=$2 skipped=$3 rc=0 stopping=$EPOCHREALTIME
  stop_services
  log "servers stopped in $(elapsed_since "$stopping")s"
  if ((format_rc != 0)); then
    log "dotnet format found code to fix: run  dotnet format SdrAgent.slnx  and commit the result"
    rc=1
  fi
  if ((passed + failed == 0)); then
    log "no test ran"
    rc=1
  fi
  ((failed == 0)) || rc=1
  if ((skipped > 0)); then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  exit "$rc"
}

format_rc=0
log "dotnet build SdrAgent.slnx -c Release"
if ! dotnet build SdrAgent.slnx -c Release; then
  log "build failed"
  finish 0 1 0
fi

log "dotnet format SdrAgent.slnx --verify-no-changes"
dotnet format SdrAgent.slnx --verify-no-changes --no-restore || format_rc=$?

log "dotnet test SdrAgent.slnx -c Release $*"
test_rc=0
dotnet test SdrAgent.slnx -c Release --no-build --results-directory "$results" \
  --logger "trx;LogFilePrefix=tests" --logger "console;verbosity=normal" "$@" || test_rc=$?

shopt -s nullglob
trx_files=("$results"/*.trx)
counts=$(trx_counts "${trx_files[@]}")
if [[ -z $counts ]]; then
  log "dotnet test (exit $test_rc) wrote no TRX file"
  finish 0 1 0
fi
read -r passed failed skipped <<<"$counts"
log "TRX: ${trx_files[*]}"
if ((test_rc != 0 && failed == 0)); then
  # E.g. a crashed test host: no test is marked failed, but the run is broken.
  log "dotnet test exited with $test_rc although no test failed; counting it as one failure"
  failed=1
fi
finish "$passed" "$failed" "$skipped"
