#!/usr/bin/env bash
# A private MariaDB server for plazo's tests and benchmarks: its own data
# directory, Unix socket and loopback TCP port under DIR, no system
# service, no my.cnf (every program runs with --no-defaults).
#
#   scripts/mariadb.sh start DIR [--watch PID]
#       Initialise DIR/data (unless already there), start mariadbd on a
#       free 127.0.0.1 port it picks itself, wait until it answers, load
#       the time-zone tables (so `SET time_zone = 'America/Bogota'` works,
#       as on a GLPI server with time zones enabled), create the read-only
#       account plazo_ro, and print `export` lines for the shell:
#         PLAZO_TEST_MARIADB_DIR, _SOCKET, _PORT, _USER
#       The password of plazo_ro (random, made here) is written only to
#       DIR/env (mode 600, the same exports plus PLAZO_TEST_MARIADB_PASSWORD):
#       it is never printed. With --watch PID a detached watcher stops the
#       server and removes DIR once process PID has exited (a test process
#       starting a server for itself).
#   scripts/mariadb.sh stop DIR [--remove]
#       Clean shutdown (mariadb-admin shutdown, then wait; TERM, then KILL,
#       as last resorts). --remove deletes DIR afterwards.
#   scripts/mariadb.sh createdb DIR DB
#       (Re)create database DB with the GLPI tables of
#       queries/glpi/schema.sql and grant plazo_ro SELECT on it: the only
#       privilege plazo needs. Rows are loaded by the caller
#       (tests/it/mariadb.rs, scripts/glpi-load.sh).
#   scripts/mariadb.sh client DIR [mariadb args...]
#       The mariadb client as the server's root (over the socket).
#
# The server keeps MariaDB's defaults that matter to GLPI data: the
# server time zone (SYSTEM) and sql_mode. GLPI 10 stores dates as
# TIMESTAMP (UTC inside) and converts them with the session's time_zone,
# so whoever writes or reads wall-clock values sets the session zone.
#
# root authenticates by the Unix socket only (the OS user running this
# script), so nobody else on the machine can use the TCP port as root.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
schema="$repo/queries/glpi/schema.sql"
marker=".plazo-mariadb"

die() {
  echo "mariadb.sh: $*" >&2
  exit 1
}

# The header comment of this file.
usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit 2
}

# The programs of the mariadb-server package (Debian 12: 10.11).
need_server() {
  local p
  for p in mariadbd mariadb-install-db mariadb-admin mariadb; do
    if ! command -v "$p" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$p" ]; then
      die "$p not found: install the MariaDB server (Debian: apt-get install --no-install-recommends mariadb-server)"
    fi
  done
}

mariadbd_bin() {
  command -v mariadbd 2>/dev/null || echo /usr/sbin/mariadbd
}

# mariadb-admin / mariadb as root over DIR's socket.
admin() {
  local dir="$1"
  shift
  mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -u root "$@"
}

sql() {
  local dir="$1"
  shift
  mariadb --no-defaults --socket="$dir/mysqld.sock" -u root "$@"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A port in 20000..59999 that nothing listens on.
free_port() {
  local i p
  for i in $(seq 1 50); do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! port_in_use "$p"; then
      echo "$p"
      return 0
    fi
  done
  die "no free TCP port found on 127.0.0.1 after 50 tries"
}

pid_of() {
  [ -s "$1/mysqld.pid" ] && cat "$1/mysqld.pid"
}

alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null
}

# Starts mariadbd on port $2 and waits (60 s at most) until it answers.
# Returns 3 when the port was taken meanwhile (the caller tries another).
launch() {
  local dir="$1" port="$2" pid i
  local user_opt=()
  [ "$(id -u)" = 0 ] && user_opt=(--user=root)
  rm -f "$dir/mysqld.pid"
  : >"$dir/error.log"
  # Detached (setsid, stdio closed) so that neither the caller's terminal
  # nor a pipe reading this script's output is held by the server.
  setsid "$(mariadbd_bin)" --no-defaults \
    --datadir="$dir/data" \
    --socket="$dir/mysqld.sock" \
    --pid-file="$dir/mysqld.pid" \
    --log-error="$dir/error.log" \
    --port="$port" \
    --bind-address=127.0.0.1 \
    --skip-name-resolve \
    --local-infile=1 \
    --innodb-flush-log-at-trx-commit=2 \
    --max-allowed-packet=64M \
    --ssl-ca="$dir/tls/ca.pem" \
    --ssl-cert="$dir/tls/server.pem" \
    --ssl-key="$dir/tls/server-key.pem" \
    "${user_opt[@]}" \
    </dev/null >/dev/null 2>&1 &
  pid=$!
  for i in $(seq 1 600); do
    if admin "$dir" --connect-timeout=2 ping >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      return 0
    fi
    if ! alive "$pid"; then
      if grep -q "Bind on TCP/IP port" "$dir/error.log" 2>/dev/null; then
        return 3
      fi
      echo "mariadb.sh: mariadbd exited while starting; end of $dir/error.log:" >&2
      tail -n 25 "$dir/error.log" >&2 || true
      exit 1
    fi
    sleep 0.1
  done
  echo "mariadb.sh: mariadbd did not answer within 60 s; end of $dir/error.log:" >&2
  tail -n 25 "$dir/error.log" >&2 || true
  kill "$pid" 2>/dev/null || true
  exit 1
}

# A test certificate authority and a server certificate for 127.0.0.1
# and localhost under DIR/tls (made once), so that the tests can check
# `?ssl-mode=required` and `verify_identity` against a real TLS server.
# Needs the openssl command (Debian: package openssl).
tls_files() {
  local t="$1/tls"
  [ -s "$t/server.pem" ] && return 0
  command -v openssl >/dev/null 2>&1 ||
    die "openssl not found: install it (Debian: apt-get install --no-install-recommends openssl)"
  mkdir -p "$t"
  (
    cd "$t"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=plazo test CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout ca-key.pem -out ca.pem
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
      -keyout server-key.pem -out server.csr
    printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=CA:FALSE" \
      "keyUsage=digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial \
      -days 3650 -extfile server.ext -out server.pem
  ) >"$1/tls.log" 2>&1 || {
    tail -n 20 "$1/tls.log" >&2
    die "making the test certificates failed (see $1/tls.log)"
  }
}

# The exports describing DIR's server (without the password).
exports() {
  local dir="$1"
  cat <<EOF
export PLAZO_TEST_MARIADB_DIR='$dir'
export PLAZO_TEST_MARIADB_SOCKET='$dir/mysqld.sock'
export PLAZO_TEST_MARIADB_PORT='$(cat "$dir/port")'
export PLAZO_TEST_MARIADB_USER='plazo_ro'
EOF
}

# The detached watcher of --watch PID: stops the server and removes DIR
# once PID is gone. The process's start time guards against a reused PID.
watch() {
  local dir="$1" pid="$2" start
  start="$(awk '{print $22}' "/proc/$pid/stat" 2>/dev/null)" ||
    die "--watch $pid: no such process"
  setsid bash -c '
    script="$1"; dir="$2"; pid="$3"; start="$4"
    while [ "$(awk "{print \$22}" "/proc/$pid/stat" 2>/dev/null)" = "$start" ]; do
      sleep 1
    done
    "$script" stop "$dir" --remove
  ' watcher "$here/mariadb.sh" "$dir" "$pid" "$start" \
    </dev/null >/dev/null 2>&1 &
}

start() {
  local dir="" watch_pid="" port attempt rc password
  while [ $# -gt 0 ]; do
    case "$1" in
      --watch)
        [ $# -ge 2 ] || usage
        watch_pid="$2"
        shift 2
        ;;
      -*) usage ;;
      *)
        [ -z "$dir" ] || usage
        dir="$1"
        shift
        ;;
    esac
  done
  [ -n "$dir" ] || usage
  need_server
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  chmod 700 "$dir"
  touch "$dir/$marker"
  # A Unix socket path is limited to 107 bytes.
  [ "${#dir}" -lt 90 ] || die "$dir: path too long for a Unix socket; use a shorter DIR"
  if alive "$(pid_of "$dir" || true)"; then
    die "a server is already running in $dir (pid $(pid_of "$dir")); stop it first"
  fi

  if [ ! -d "$dir/data/mysql" ]; then
    local user_opt=()
    [ "$(id -u)" = 0 ] && user_opt=(--user=root)
    if ! mariadb-install-db --no-defaults --datadir="$dir/data" \
      --auth-root-authentication-method=socket --skip-test-db \
      "${user_opt[@]}" >"$dir/install.log" 2>&1; then
      echo "mariadb.sh: mariadb-install-db failed; end of $dir/install.log:" >&2
      tail -n 25 "$dir/install.log" >&2 || true
      exit 1
    fi
  fi

  tls_files "$dir"
  rc=3
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    rc=0
    launch "$dir" "$port" || rc=$?
    [ "$rc" = 3 ] || break
  done
  [ "$rc" = 0 ] || die "could not bind a free port after 5 tries; see $dir/error.log"

  # Time-zone tables (named zones in SET time_zone), when the system has
  # them. Quiet: the dump warns about zone files it skips.
  if [ -d /usr/share/zoneinfo ] && command -v mariadb-tzinfo-to-sql >/dev/null 2>&1; then
    mariadb-tzinfo-to-sql /usr/share/zoneinfo 2>/dev/null | sql "$dir" mysql
  fi

  # The read-only account. Its password is made here and kept in DIR/env
  # only. No anonymous accounts (they would shadow plazo_ro on localhost).
  password="$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
  sql "$dir" <<EOF
DELETE FROM mysql.global_priv WHERE User = '';
FLUSH PRIVILEGES;
DROP USER IF EXISTS 'plazo_ro'@'%';
CREATE USER 'plazo_ro'@'%' IDENTIFIED BY '$password';
EOF
  (
    umask 077
    {
      exports "$dir"
      echo "export PLAZO_TEST_MARIADB_PASSWORD='$password'"
    } >"$dir/env"
  )
  [ -z "$watch_pid" ] || watch "$dir" "$watch_pid"
  exports "$dir"
}

stop() {
  local dir="" remove=0 pid i
  while [ $# -gt 0 ]; do
    case "$1" in
      --remove)
        remove=1
        shift
        ;;
      -*) usage ;;
      *)
        [ -z "$dir" ] || usage
        dir="$1"
        shift
        ;;
    esac
  done
  [ -n "$dir" ] || usage
  [ -d "$dir" ] || return 0
  [ -e "$dir/$marker" ] || die "$dir was not made by scripts/mariadb.sh start; not touching it"
  pid="$(pid_of "$dir" || true)"
  if alive "$pid"; then
    admin "$dir" --connect-timeout=5 shutdown >/dev/null 2>&1 || true
    for i in $(seq 1 300); do
      alive "$pid" || break
      sleep 0.1
    done
    if alive "$pid"; then
      echo "mariadb.sh: mariadbd (pid $pid) still running after 30 s; sending TERM" >&2
      kill -TERM "$pid" 2>/dev/null || true
      for i in $(seq 1 100); do
        alive "$pid" || break
        sleep 0.1
      done
    fi
    if alive "$pid"; then
      echo "mariadb.sh: mariadbd (pid $pid) ignores TERM; sending KILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  if [ "$remove" = 1 ]; then
    rm -rf -- "$dir"
  fi
}

createdb() {
  [ $# -eq 2 ] || usage
  local dir="$1" db="$2"
  [[ "$db" =~ ^[A-Za-z0-9_]+$ ]] || die "$db: a database name is letters, digits and _"
  {
    echo "DROP DATABASE IF EXISTS \`$db\`;"
    echo "CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    echo "USE \`$db\`;"
    cat "$schema"
    echo "GRANT SELECT ON \`$db\`.* TO 'plazo_ro'@'%';"
  } | sql "$dir"
}

[ $# -ge 1 ] || usage
cmd="$1"
shift
case "$cmd" in
  start) start "$@" ;;
  stop) stop "$@" ;;
  createdb) createdb "$@" ;;
  client)
    [ $# -ge 1 ] || usage
    d="$1"
    shift
    sql "$d" "$@"
    ;;
  *) usage ;;
esac
