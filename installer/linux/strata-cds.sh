#!/bin/sh
# Builds Strata's class-data-sharing archive for the folder it is installed in: later starts map the classes they
# need instead of loading them (the window shows ~1 s sooner). The package's postinst runs it; running it again is
# harmless. Usage: strata-cds.sh [install folder, default /opt/strata]
set -e
dir="${1:-/opt/strata}"
app="$dir/lib/app"
[ -f "$app/strata.classlist" ] || exit 0
# The archive is only used with exactly the class path the launcher builds from its configuration.
cp="$(grep '^app.classpath=' "$app/Strata.cfg" | sed "s|^app.classpath=[$]APPDIR|$app|" | paste -sd: -)"
rm -f "$app/strata.jsa"
"$dir/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/strata.classlist" \
  -XX:SharedArchiveFile="$app/strata.jsa" -cp "$cp" >/dev/null 2>&1
