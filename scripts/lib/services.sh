# shellcheck shell=bash
# Throwaway PostgreSQL and Redis servers for the test suite.
# Sourced by scripts/test.sh; every function expects `set -euo pipefail`.

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Folder holding PostgreSQL's server programs (initdb, pg_ctl, postgres).
# pg_config may come from the client package (libpq-dev), whose --bindir is
# /usr/bin and has no initdb, so fall back to Debian's versioned folders.
pg_server_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir 2>/dev/null || true)
    if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]]; then
      echo "$dir"
      return 0
    fi
  fi
  # Highest installed major version first.
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

# Installs the Debian packages that are missing (apt-get update only if needed).
ensure_packages() {
  local missing=()
  pg_server_bindir >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  ((${#missing[@]} == 0)) && return 0

  if ((EUID != 0)); then
    die "missing packages: ${missing[*]}
  install them with:  sudo apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  command -v apt-get >/dev/null 2>&1 \
    || die "missing packages: ${missing[*]} (and no apt-get to install them)"

  log "installing missing Debian packages: ${missing[*]}"
  # The timeout makes apt wait for another apt/dpkg run instead of failing.
  local apt=(apt-get -q -o DPkg::Lock::Timeout=900)
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" update
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "${missing[@]}"
}

# True if something already listens on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A random port that nothing listens on. Taken below Linux's ephemeral range
# (32768+) so it cannot clash with outgoing connections; the callers retry
# with another port if a concurrent run grabs it first.
random_free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 12000))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  die "no free TCP port found on 127.0.0.1"
}

# Runs a PostgreSQL program as the server's owner: initdb refuses to run as
# root, so root hands it to the `postgres` system user.
as_pg_owner() {
  if ((EUID == 0)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Starts PostgreSQL in $1/pg; sets PG_PORT, PG_BIN, PG_DATA.
start_postgres() {
  local root=$1
  PG_BIN=$(pg_server_bindir) || die "PostgreSQL server programs not found (install: postgresql)"
  PG_DATA=$root/pg/data
  local sockdir=$root/pg/sock pglog=$root/pg/server.log

  mkdir -p "$sockdir"
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || die "user 'postgres' missing (reinstall the postgresql package)"
    chown -R postgres: "$root/pg"
  fi

  # cd: the postgres user may not be allowed into the caller's folder.
  (cd "$root" && as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres \
    --auth=trust --encoding=UTF8 --no-locale --no-sync >"$root/initdb.log" 2>&1) \
    || { cat "$root/initdb.log" >&2; die "initdb failed"; }

  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(random_free_port)
    if (cd "$root" && as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$pglog" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $sockdir -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
      start >/dev/null); then
      break
    fi
    ((attempt == 5)) && { cat "$pglog" >&2; die "PostgreSQL did not start"; }
    log "PostgreSQL could not start on port $PG_PORT, retrying on another port"
  done

  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres sdr_test
}

stop_postgres() {
  [[ -n ${PG_DATA:-} && -f $PG_DATA/postmaster.pid ]] || return 0
  # Immediate mode: the data is thrown away, so skip the shutdown checkpoint.
  if ! (cd / && as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1); then
    local pid
    pid=$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
    [[ -n $pid ]] && kill -KILL "$pid" 2>/dev/null || true
  fi
}

# Starts redis-server in $1/redis; sets REDIS_PORT, REDIS_PID.
start_redis() {
  local root=$1 dir=$1/redis attempt
  mkdir -p "$dir"
  for attempt in 1 2 3 4 5; do
    REDIS_PORT=$(random_free_port)
    # A child of this script (not --daemonize) so its pid is known at once.
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$dir" \
      --save "" --appendonly no --logfile "" >"$dir/server.log" 2>&1 </dev/null &
    REDIS_PID=$!
    local i
    for i in $(seq 200); do
      kill -0 "$REDIS_PID" 2>/dev/null || break # exited: port taken?
      # The timeout guards against another program that took the port and
      # never answers.
      if [[ $(timeout 2 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; then
        return 0
      fi
      sleep 0.05
    done
    stop_redis
    ((attempt == 5)) && { cat "$dir/server.log" >&2; die "redis-server did not start"; }
    log "redis-server could not start on port $REDIS_PORT, retrying on another port"
  done
}

stop_redis() {
  [[ -n ${REDIS_PID:-} ]] || return 0
  if kill -0 "$REDIS_PID" 2>/dev/null; then
    kill -TERM "$REDIS_PID" 2>/dev/null || true
    local i
    for i in $(seq 100); do
      kill -0 "$REDIS_PID" 2>/dev/null || break
      sleep 0.05
    done
    kill -KILL "$REDIS_PID" 2>/dev/null || true
  fi
  wait "$REDIS_PID" 2>/dev/null || true
  REDIS_PID=
}

# Seconds since $1 (an $EPOCHREALTIME value), with two decimals.
elapsed_since() {
  local now=${EPOCHREALTIME/[.,]/} start=${1/[.,]/} ms
  ms=$(((now - start) / 1000))
  printf '%d.%02d' $((ms / 1000)) $((ms % 1000 / 10))
}
