# Shared by scripts/scale-bench.sh and scripts/spark-example.sh (sourced,
# not run): the scale directory, the release build, the Python venv and
# /usr/bin/time -v parsing. Outside CI: these download packages and take
# minutes to hours.
#
# Environment:
#   PLAZO_SCALE_DIR       data, venv and logs (default /tmp/plazo-scale)
#   PLAZO_RELEASE_TARGET  cargo target dir of the release build
#                         (default ~/.cache/plazo-release-target)
#   PLAZO_BIN             a plazo binary to measure instead of building one
#   PLAZO_SAMPLES_BIN     the same for the sample generator

SCALE_DIR="${PLAZO_SCALE_DIR:-/tmp/plazo-scale}"
RELEASE_TARGET="${PLAZO_RELEASE_TARGET:-$HOME/.cache/plazo-release-target}"
POLICY="samples/victimas/policy.toml"
# The generator writes tickets opened 2026-01-02 .. 2026-10-31; every
# measure is taken at the end of October 2026 (the report's cutoff).
CUTOFF="2026-10-31 23:59:59"
PERIOD="2026-10"

say() { echo "$SCRIPT_NAME: $*" >&2; }
die() { # die CODE MESSAGE
  local code="$1"
  shift
  say "$*"
  exit "$code"
}

need_tools() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null 2>&1 || die 2 "'$t' not found: install it (Debian: apt-get install $t) and run again"
  done
  [ -x /usr/bin/time ] || die 2 "/usr/bin/time not found: apt-get install time (GNU time, for -v)"
}

# release_build: builds plazo and the sample generator with the release
# profile (cargo waits on the target dir's lock if another build holds
# it) and sets PLAZO and GENERATOR to their paths.
release_build() {
  if [ -n "${PLAZO_BIN:-}" ] && [ -n "${PLAZO_SAMPLES_BIN:-}" ]; then
    PLAZO="$PLAZO_BIN"
    GENERATOR="$PLAZO_SAMPLES_BIN"
  else
    say "building plazo and plazo-samples (release, CARGO_TARGET_DIR=$RELEASE_TARGET; cargo may wait for the lock)"
    CARGO_TARGET_DIR="$RELEASE_TARGET" nice -n 5 cargo build --release --quiet \
      -p plazo -p plazo-samples ||
      die 1 "the release build failed (see cargo's messages above)"
    PLAZO="${PLAZO_BIN:-$RELEASE_TARGET/release/plazo}"
    GENERATOR="${PLAZO_SAMPLES_BIN:-$RELEASE_TARGET/release/plazo-samples}"
  fi
  [ -x "$PLAZO" ] || die 2 "plazo binary $PLAZO is missing or not executable"
  [ -x "$GENERATOR" ] || die 2 "generator binary $GENERATOR is missing or not executable"
}

# ensure_venv PACKAGE...: a venv under the scale dir with the packages
# (pip, from the Python package registry); sets PY to its python.
ensure_venv() {
  local venv="$SCALE_DIR/venv"
  if [ ! -x "$venv/bin/python" ]; then
    say "creating the Python venv $venv"
    python3 -m venv "$venv" || die 2 "python3 -m venv failed: install python3-venv (apt-get install python3-venv)"
  fi
  PY="$venv/bin/python"
  local missing=()
  local p
  for p in "$@"; do
    "$PY" -c "import ${p%%[=<>]*}" 2>/dev/null || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "pip install ${missing[*]} (into $venv)"
    "$PY" -m pip install --quiet --disable-pip-version-check "${missing[@]}" ||
      die 1 "pip install ${missing[*]} failed (is the package registry reachable?)"
  fi
}

# timed OUT.time CMD...: runs CMD under GNU time -v (report in OUT.time);
# returns CMD's exit code.
timed() {
  local out="$1"
  shift
  local rc=0
  /usr/bin/time -v -o "$out" "$@" || rc=$?
  return "$rc"
}

# time_field FILE FIELD: wall | user | sys | rss_mb from a time -v report.
time_field() {
  case "$2" in
  wall) awk -F': ' '/Elapsed \(wall clock\)/ {
          n = split($2, p, ":"); s = 0
          for (i = 1; i <= n; i++) s = s * 60 + p[i]
          printf "%.2f", s }' "$1" ;;
  user) awk -F': ' '/User time/ { printf "%.2f", $2 }' "$1" ;;
  sys) awk -F': ' '/System time/ { printf "%.2f", $2 }' "$1" ;;
  rss_mb) awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1" ;;
  esac
}

# free_mb DIR: free space on DIR's file system, in MB.
free_mb() { df -Pm "$1" | awk 'NR == 2 { print $4 }'; }

# A data set is reused only when the same generator sources made it
# (the tree hash of samples/generator, kept in DIR/.complete).
GEN_SOURCE="$(git rev-parse HEAD:samples/generator 2>/dev/null || echo unknown)"
data_ready() { # DIR
  [ -f "$1/.complete" ] && [ "$(cat "$1/.complete")" = "$GEN_SOURCE" ]
}

# generate_set DIR N UPDATES [MEM_MB]: the Víctimas data set of N
# tickets (seed 1) in DIR, unless data_ready; marked complete only when
# the generator has written all three tables. With MEM_MB, refuses to
# start when less memory is available (the generator holds the tables as
# text until it writes them).
generate_set() {
  local d="$1" n="$2" u="$3" mem_mb="${4:-0}"
  if data_ready "$d"; then
    say "reusing $d"
    return 0
  fi
  if [ -f "$d/.complete" ]; then
    say "$d was made by another version of the generator: generating it again"
  fi
  local avail_mb
  avail_mb=$(awk '/MemAvailable/ { printf "%d", $2 / 1024 }' /proc/meminfo)
  [ "$mem_mb" -le "$avail_mb" ] ||
    die 1 "generating $n tickets needs about $mem_mb MB of memory and $avail_mb MB are available: wait for other jobs or give a smaller size"
  say "generating $n tickets (--updates $u) into $d"
  rm -rf "$d"
  mkdir -p "$(dirname "$d")"
  timed "$d.gen.time" nice -n 5 "$GENERATOR" --profile victimas --seed 1 \
    --tickets "$n" --updates "$u" --policy "$ROOT/$POLICY" \
    --out "$d" 2>"$d.gen.err" ||
    die 1 "the generator failed for $n tickets: $(tail -n 3 "$d.gen.err")"
  say "$(tail -n 1 "$d.gen.err") in $(time_field "$d.gen.time" wall) s, max RSS $(time_field "$d.gen.time" rss_mb) MB"
  echo "$GEN_SOURCE" >"$d/.complete"
}
