# shellcheck shell=bash
# A private PostgreSQL cluster under .data/postgres, used when DATABASE_URL is
# unset. It is kept between runs and listens only on 127.0.0.1.

# The port is chosen once per checkout and remembered, so that two checkouts
# on one machine (a CI clone beside a working copy) each get their own.
choose_pg_port() {
  local file="$PWD/.data/pg_port"
  if [ -n "${HAAT_PG_PORT:-}" ]; then
    PG_PORT="$HAAT_PG_PORT"
  elif [ -f "$file" ]; then
    PG_PORT=$(cat "$file")
  else
    PG_PORT=$(free_port 54329)
    echo "$PG_PORT" >"$file"
  fi
}
PG_DIR="$PWD/.data/postgres"
PG_SOCKET_DIR="$PWD/.data/run"

# As root the cluster runs as the postgres user, who may not be able to reach
# a clone under a private home directory. Then the cluster lives under
# /var/lib/haat and .data/postgres links to it.
choose_pg_dirs() {
  mkdir -p "$PWD/.data"
  [ "$(id -u)" -eq 0 ] || return 0
  if ! su postgres -s /bin/sh -c "test -x '$PWD/.data'" 2>/dev/null; then
    local alt
    alt="/var/lib/haat/$(printf '%s' "$PWD" | cksum | cut -d' ' -f1)"
    mkdir -p "$alt/postgres" "$alt/run"
    [ -L "$PWD/.data/postgres" ] || ln -sfn "$alt/postgres" "$PWD/.data/postgres"
    PG_DIR="$alt/postgres"
    PG_SOCKET_DIR="$alt/run"
  fi
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -n "$dir" ] || { echo "PostgreSQL binaries not found (apt-get install postgresql)" >&2; return 1; }
  echo "$dir"
}

# Runs a command as the cluster's owner: initdb refuses to run as root.
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

start_private_postgres() {
  local bin
  bin=$(pg_bin) || return 1
  choose_pg_dirs
  choose_pg_port
  mkdir -p "$PG_DIR" "$PG_SOCKET_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR" "$PG_SOCKET_DIR" && chmod 700 "$PG_DIR"
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    log "creating a private PostgreSQL cluster in .data/postgres"
    as_pg_owner "'$bin/initdb' -D '$PG_DIR' -U haat --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  # Earlier versions of this script started the cluster with
  # synchronous_commit=off, which loses acknowledged orders when PostgreSQL
  # crashes; such a cluster is restarted with durable commits.
  if as_pg_owner "'$bin/pg_ctl' -D '$PG_DIR' status" >/dev/null 2>&1 &&
     grep -q "synchronous_commit=off" "$PG_DIR/postmaster.opts" 2>/dev/null; then
    log "restarting PostgreSQL with durable commits"
    as_pg_owner "'$bin/pg_ctl' -D '$PG_DIR' -w -m fast stop" >/dev/null
  fi
  if ! as_pg_owner "'$bin/pg_ctl' -D '$PG_DIR' status" >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    # Durable by default: a confirmed order must survive a crash. Throw-away
    # test databases switch synchronous_commit off for themselves.
    as_pg_owner "'$bin/pg_ctl' -D '$PG_DIR' -l '$PG_DIR/server.log' -w \
      -o \"-p $PG_PORT -k '$PG_SOCKET_DIR' -c listen_addresses=127.0.0.1 -c max_connections=300\" start" >/dev/null
  fi
  export DATABASE_URL="postgres://haat@127.0.0.1:$PG_PORT/haat"
  if ! "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U haat -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'haat'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U haat haat
  fi
}

# Uses DATABASE_URL when given, else the private cluster; then migrates.
ensure_database() {
  if [ -z "${DATABASE_URL:-}" ]; then
    start_private_postgres
  fi
  log "applying migrations"
  sqlx migrate run --source migrations >/dev/null
}
