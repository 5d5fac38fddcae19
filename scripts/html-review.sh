#!/usr/bin/env bash
# The breach review page for reviewers: builds plazo (debug), writes the
# Víctimas sample's October 2026 report with --html into OUT (default
# target/html-review), then takes screenshots with headless Chromium
# (Debian's chromium; CHROMIUM overrides the binary):
#   OUT/review-top.png       the page as it opens (indicators, charts);
#   OUT/review-list.png      the breach list with UV-9157's timeline open
#                            (a copy of the page with that <details> open
#                            and the sections above hidden);
#   OUT/review.pdf           the page printed (Letter landscape).
# and prints the page's size. The tests (tests/it/html_page.rs) check the
# page's behaviour; this is for eyes.
#
#   scripts/html-review.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/html-review}"
chromium="${CHROMIUM:-chromium}"
if ! command -v "$chromium" >/dev/null 2>&1; then
  echo "html-review: $chromium not found; install Debian's chromium (apt-get install chromium) or set CHROMIUM" >&2
  exit 2
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
s=samples/victimas
cargo run --quiet -- report --policy $s/policy.toml --tickets $s/tickets.csv \
  --events $s/events.csv --surveys $s/surveys.csv --period 2026-10 --html \
  --out "$out"
page="$out/informe-2026-10.html"
profile="$(mktemp -d /tmp/plazo-html-review.XXXXXX)"
trap 'rm -rf "$profile"' EXIT
shot() { # shot FILE.png WIDTHxHEIGHT URL
  "$chromium" --headless --no-sandbox --disable-gpu --no-first-run \
    --hide-scrollbars --user-data-dir="$profile" --window-size="$2" \
    --screenshot="$1" "$3" 2>/dev/null
}
shot "$out/review-top.png" 1400,2200 "file://$page"
# The list with one timeline open: the longest overrun, UV-9157.
sed -e 's|<details class="timeline" data-ticket="UV-9157">|<details class="timeline" data-ticket="UV-9157" open>|' \
    -e 's|</style>|#indicators, #charts { display: none; }</style>|' \
    "$page" >"$out/review-list.html"
shot "$out/review-list.png" 1400,1400 "file://$out/review-list.html"
"$chromium" --headless --no-sandbox --disable-gpu --no-first-run \
  --user-data-dir="$profile" --no-pdf-header-footer \
  --print-to-pdf="$out/review.pdf" "file://$page" 2>/dev/null
echo "page: $page ($(wc -c <"$page") bytes)"
echo "screenshots: $out/review-top.png $out/review-list.png; printed: $out/review.pdf"
