#!/usr/bin/env bash
# CI's check of the .deb: unpacks it into a temporary root (as dpkg would install it, without touching the system),
# checks its desktop entry, file association, `strata` command and size budget, then starts the packaged app under
# Xvfb with --smoke-test: it opens the bundled xor sample, trains a batch, saves, reads it back and exits 0. It runs
# twice with a fresh per-user cache: the first start unpacks the native libraries (splash), the second must not.
# With --install (as root, CI does): then installs it for real with apt, starts /usr/bin/strata the same way, and
# removes it again, checking that postinst and prerm did their part.
# Usage: installer/linux/smoke-test.sh [--install] [path/to/strata_*.deb]   (needs xvfb-run: apt-get install xvfb)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
install=no
if [ "${1:-}" = --install ]; then install=yes; shift; fi
deb="${1:-$(ls "$here"/../target/deb/strata_*_amd64.deb)}"
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
budget_mb=${BUDGET_MB:-150}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "smoke-test.sh: FAILED: $*" >&2; exit 1; }

size_mb=$(( $(stat -c %s "$deb") / 1048576 ))
echo "package: $(basename "$deb"), ${size_mb} MB (budget ${budget_mb} MB)"
[ "$size_mb" -lt "$budget_mb" ] || fail "the .deb is ${size_mb} MB, over the ${budget_mb} MB budget"

dpkg-deb -x "$deb" "$work/root"
dpkg-deb -e "$deb" "$work/control"
app="$work/root/opt/strata"
[ -x "$app/bin/Strata" ] || fail "no launcher at /opt/strata/bin/Strata"
grep -q '^Depends:.*libgtk-3-0' "$work/control/control" || fail "the package does not depend on libgtk-3-0"
grep -q 'ln -sf /opt/strata/bin/Strata /usr/bin/strata' "$work/control/postinst" || fail "postinst installs no strata command"
desktop="$app/lib/strata-Strata.desktop"
[ -f "$desktop" ] || fail "no desktop entry"
grep -q '^MimeType=application/x-strata-project' "$desktop" || fail "the desktop entry does not open .strata files"
grep -q 'x-strata-project' "$app/lib/strata-Strata-MimeInfo.xml" || fail "no MIME type for .strata"
grep -q '^Icon=' "$desktop" || fail "the desktop entry has no icon"
grep -q '^Exec=/opt/strata/bin/Strata %f$' "$desktop" || fail "the desktop entry does not pass the double-clicked file"

# What postinst does besides the links: the class-data-sharing archive for this folder.
"$app/lib/app/strata-cds.sh" "$app"
[ -f "$app/lib/app/strata.jsa" ] || echo "(no class-data-sharing archive: the build had no class list)"

# A home of its own: the per-user native cache starts empty.
export HOME="$work/home" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$HOME"
for start in first later; do
  echo "-- $start start"
  out="$work/$start.txt"
  # the later start names its project, as a double-click does
  project=()
  [ "$start" = later ] && project=("$app/lib/app/samples/linear-regression/linear-regression.strata")
  if ! xvfb-run -a -s "-screen 0 1600x1000x24" "$app/bin/Strata" --smoke-test "${project[@]}" \
      --save-to "$work/saved-$start.strata" >"$out" 2>&1; then
    cat "$out" >&2
    fail "the packaged app's smoke test exited non-zero on its $start start"
  fi
  grep '^smoke test:' "$out"
  grep -q '^smoke test: passed' "$out" || fail "no 'passed' line"
  if [ "$start" = first ]; then
    grep -q 'of splash while the native libraries unpacked' "$out" || fail "the first start showed no splash"
  else
    grep -q 'native libraries already unpacked' "$out" || fail "a later start unpacked the libraries again"
  fi
done
[ -d "$XDG_CACHE_HOME/strata/native" ] || fail "the native libraries were not unpacked into ~/.cache/strata/native"
du -sh "$XDG_CACHE_HOME/strata/native" | sed 's/^/per-user native cache: /'
# The command line through the same launcher (what /usr/bin/strata points at).
"$app/bin/Strata" --help >"$work/help.txt" 2>&1 || fail "strata --help exited non-zero"
grep -qi 'usage' "$work/help.txt" || fail "strata --help printed no usage"

if [ "$install" = yes ]; then
  echo "-- installed with apt"
  if dpkg -s strata >/dev/null 2>&1 && [ "$(dpkg-query -W -f '${Status}' strata)" = "install ok installed" ]; then
    fail "a Strata is installed on this machine already; not replacing it (run without --install)"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.txt" 2>&1 || { cat "$work/apt.txt" >&2; fail "apt could not install the package"; }
  [ "$(readlink /usr/bin/strata)" = /opt/strata/bin/Strata ] || fail "postinst made no /usr/bin/strata"
  [ -f /opt/strata/lib/app/strata.jsa ] || echo "(postinst made no class-data-sharing archive: the build had no class list)"
  rm -rf "$HOME"; mkdir -p "$HOME"
  xvfb-run -a -s "-screen 0 1600x1000x24" strata --smoke-test >"$work/installed.txt" 2>&1 || { cat "$work/installed.txt" >&2; fail "the installed strata's smoke test exited non-zero"; }
  grep '^smoke test:' "$work/installed.txt"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq strata >"$work/apt.txt" 2>&1 || { cat "$work/apt.txt" >&2; fail "apt could not remove the package"; }
  [ ! -e /usr/bin/strata ] || fail "prerm left /usr/bin/strata behind"
  [ ! -e /opt/strata ] || fail "removing left /opt/strata behind: $(find /opt/strata | head -5)"
  echo "removed: no /usr/bin/strata, no /opt/strata"
fi
echo "1 passed, 0 failed"
