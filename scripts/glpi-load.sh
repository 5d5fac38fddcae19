#!/usr/bin/env bash
# A large GLPI-shaped database for measuring how fast plazo reads GLPI
# (`--glpi-db`, issue 14; docs/PERFORMANCE.md).
#
#   scripts/glpi-load.sh DIR [TICKETS [SEED]]
#
# 1. Generates the rows GLPI 10 would hold for TICKETS tickets (default
#    200000: about 3.9 million glpi_logs rows) as TSV files in DIR/tsv
#    (`plazo-glpi-load`, samples/generator/src/glpi_load.rs; a debug build,
#    about a minute for 200k tickets). Files already generated for the same
#    TICKETS and SEED are reused.
# 2. Uses the MariaDB server of PLAZO_TEST_MARIADB_DIR when one runs there
#    (.ci/run's, or one started by hand), else the one in DIR/server
#    (started with scripts/mariadb.sh if needed, and left running: stop
#    it with `scripts/mariadb.sh stop DIR/server --remove`).
# 3. (Re)creates the database glpi_load from queries/glpi/schema.sql,
#    loads every file with LOAD DATA LOCAL INFILE in a session at
#    time_zone '-05:00' (the values are Bogotá wall-clock times), runs
#    ANALYZE TABLE, grants plazo_ro SELECT, and prints each table's rows
#    and load time, the total, and how plazo reaches the database.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
mariadb_sh="$here/mariadb.sh"
db=glpi_load

[ $# -ge 1 ] && [ $# -le 3 ] || {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit 2
}
dir="$1"
tickets="${2:-200000}"
seed="${3:-1}"
[[ "$tickets" =~ ^[0-9]+$ && "$seed" =~ ^[0-9]+$ ]] || {
  echo "glpi-load.sh: TICKETS and SEED are numbers" >&2
  exit 2
}
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

# 1. The TSV files.
tsv="$dir/tsv"
stamp="tickets=$tickets seed=$seed"
if [ "$(cat "$tsv/.made" 2>/dev/null || true)" != "$stamp" ]; then
  echo "== generating $tickets tickets (seed $seed) in $tsv"
  rm -rf "$tsv"
  (cd "$repo" && cargo run -q -p plazo-samples --bin plazo-glpi-load -- \
    --tickets "$tickets" --seed "$seed" --out "$tsv")
  echo "$stamp" >"$tsv/.made"
else
  echo "== reusing $tsv ($stamp)"
fi

# 2. The server.
alive() {
  [ -s "$1/mysqld.pid" ] && kill -0 "$(cat "$1/mysqld.pid")" 2>/dev/null
}
if [ -n "${PLAZO_TEST_MARIADB_DIR:-}" ] && alive "$PLAZO_TEST_MARIADB_DIR"; then
  server="$PLAZO_TEST_MARIADB_DIR"
elif alive "$dir/server"; then
  server="$dir/server"
else
  echo "== starting a MariaDB server in $dir/server"
  "$mariadb_sh" start "$dir/server" >/dev/null
  server="$dir/server"
fi
port="$(cat "$server/port")"
echo "== server $server (127.0.0.1:$port)"

# 3. The database.
"$mariadb_sh" createdb "$server" "$db"
sql() {
  "$mariadb_sh" client "$server" --local-infile=1 --batch --skip-column-names "$db" "$@"
}
now_ms() { date +%s%3N; }
# Seconds between two now_ms values, one decimal.
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
total_rows=0
t_all=$(now_ms)
for f in "$tsv"/glpi_*.tsv; do
  table="$(basename "$f" .tsv)"
  cols="$(head -n 1 "$f" | tr '\t' ',')"
  t0=$(now_ms)
  sql -e "SET time_zone = '-05:00';
    LOAD DATA LOCAL INFILE '$f' INTO TABLE \`$table\`
      CHARACTER SET utf8mb4
      FIELDS TERMINATED BY '\t' ESCAPED BY '\\\\'
      LINES TERMINATED BY '\n'
      IGNORE 1 LINES ($cols);
    SHOW WARNINGS LIMIT 5;" >"$dir/load-$table.warnings"
  t1=$(now_ms)
  if [ -s "$dir/load-$table.warnings" ]; then
    echo "glpi-load.sh: warnings loading $table:" >&2
    cat "$dir/load-$table.warnings" >&2
    exit 1
  fi
  rm -f "$dir/load-$table.warnings"
  rows="$(sql -e "SELECT COUNT(*) FROM \`$table\`")"
  total_rows=$((total_rows + rows))
  printf '%10d rows  %8s s  %s\n' "$rows" "$(secs "$t0" "$t1")" "$table"
done
t_load=$(now_ms)
sql -e "ANALYZE TABLE glpi_tickets, glpi_logs, glpi_ticketsatisfactions, glpi_tickets_users, glpi_groups_tickets" >/dev/null
t_end=$(now_ms)
size="$(sql -e "SELECT ROUND(SUM(data_length + index_length) / 1048576) FROM information_schema.tables WHERE table_schema = '$db'")"
printf '%10d rows  %8s s  LOAD DATA in total (%s MiB with indexes); ANALYZE %s s\n' \
  "$total_rows" "$(secs "$t_all" "$t_load")" "$size" "$(secs "$t_load" "$t_end")"
echo "== plazo reads it as: mysql://plazo_ro@127.0.0.1:$port/$db"
echo "   with PLAZO_DB_PASSWORD from $server/env (PLAZO_TEST_MARIADB_PASSWORD)"
