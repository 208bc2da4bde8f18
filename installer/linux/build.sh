#!/usr/bin/env bash
# Builds the packaged Strata for Linux x86-64 from the jars Maven copied: a jlink runtime trimmed to the modules
# jdeps finds, a jpackage app-image (target/image/Strata) and a .deb (target/deb/strata_<version>_amd64.deb).
# Called by `mvn -B -Pinstaller package -DskipTests` with: build.sh <installer/target> <version>.
# NATIVE_BUILDS (space-separated) picks which ND4J native builds to ship; see installer/README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$(cd "$1" && pwd)"
version="${2%-SNAPSHOT}"
natives="${NATIVE_BUILDS:-linux-x86_64 linux-x86_64-onednn-avx512}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jbin="$java_home/bin"

for tool in jlink jpackage jdeps jar; do
  [ -x "$jbin/$tool" ] || { echo "build.sh: $jbin/$tool is missing; a full JDK 17 is needed." >&2; exit 1; }
done
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing (apt-get install $tool)." >&2; exit 1; }
done

step() { printf '\n== %s\n' "$*"; }

input="$target/input"
rm -rf "$input" "$target/runtime" "$target/image" "$target/deb" "$target/repack"
mkdir -p "$input"

step "Libraries (ND4J native builds kept: $natives)"
for jar in "$target"/jars/*.jar; do
  name="$(basename "$jar")"
  if [[ "$name" =~ ^nd4j-native-.*-(linux-.*)\.jar$ ]] && [[ " $natives " != *" ${BASH_REMATCH[1]} "* ]]; then
    echo "  left out $name"
    continue
  fi
  cp "$jar" "$input/"
done

# Jars store their files deflated, which the .deb's xz cannot squeeze further; stored uncompressed, xz packs the
# 320-380 MB native libraries to ~30 MB each instead of ~90 MB. Only the package is smaller: the installed jars
# grow, and JavaCPP still unpacks one build into the per-user cache on first start.
step "Storing large jars uncompressed"
mkdir -p "$target/repack"
for jar in "$input"/*.jar; do
  [ "$(stat -c %s "$jar")" -gt 1000000 ] || continue
  dir="$target/repack/$(basename "$jar")"
  mkdir -p "$dir"
  (cd "$dir" && "$jbin/jar" xf "$jar")
  # ONNX Runtime carries every platform's native library (and Windows' debug symbols, 300 MB): keep Linux x86-64's
  if [[ "$(basename "$jar")" == onnxruntime-*.jar ]] && [ -d "$dir/ai/onnxruntime/native" ]; then
    find "$dir/ai/onnxruntime/native" -mindepth 1 -maxdepth 1 ! -name linux-x64 -exec rm -rf {} +
  fi
  rm "$jar"
  "$jbin/jar" --create --no-compress --no-manifest --file "$jar" -C "$dir" .
  rm -rf "$dir"
done

step "Runtime (jdeps, jlink)"
app_jar="$(ls "$input"/strata-app-*.jar)"
mods="$("$jbin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 -q \
  --class-path "$input/*" "$app_jar" 2>/dev/null || true)"
# What jdeps cannot see (reflection, service loading) is listed in installer/runtime-modules.txt.
mods="${mods:+$mods,}$(grep -v '^#' "$here/../runtime-modules.txt" | paste -sd, -)"
echo "  modules: $mods"
"$jbin/jlink" --add-modules "$mods" --include-locales=en,zh --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$target/runtime"

step "Samples"
cp -r "$root/sample-projects" "$input/samples"
cp "$here/strata-cds.sh" "$input/"
find "$input/samples" -name '*.runs' -prune -exec rm -rf {} +

common=(--name Strata --app-version "$version" --vendor "Strata" --description "Draw a neural network, train it, watch it learn."
  --copyright "Strata contributors")
step "App image"
"$jbin/jpackage" --type app-image "${common[@]}" --dest "$target/image" \
  --input "$input" --main-jar "$(basename "$app_jar")" --main-class org.strata.app.Launcher \
  --runtime-image "$target/runtime" --icon "$root/ui-resources/src/main/resources/org/strata/ui/icons/strata-256.png" \
  --java-options '-XX:MaxRAMPercentage=50' \
  --java-options '-XX:SharedArchiveFile=$APPDIR/strata.jsa' \
  --java-options '-Dstrata.samples=$APPDIR/samples' \
  --java-options '-Dorg.bytedeco.javacpp.maxphysicalbytes=0'

# Class-data sharing: the classes one start-and-train loads, listed by running the app once (under Xvfb); the
# package's postinst turns the list into an archive for its install folder (an archive records absolute paths).
step "Class list for class-data sharing"
if command -v xvfb-run >/dev/null; then
  home="$(mktemp -d)"
  if HOME="$home" XDG_CACHE_HOME="$home/cache" xvfb-run -a -s "-screen 0 1600x1000x24" \
      env JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$target/image/Strata/lib/app/strata.classlist" \
      "$target/image/Strata/bin/Strata" --smoke-test >"$target/classlist.log" 2>&1; then
    echo "  $(wc -l <"$target/image/Strata/lib/app/strata.classlist") classes"
  else
    rm -f "$target/image/Strata/lib/app/strata.classlist"
    echo "  the app did not run here (see $target/classlist.log): no class list, starts are ~1 s slower"
  fi
  rm -rf "$home"
else
  echo "  xvfb-run is missing (apt-get install xvfb): no class list, starts are ~1 s slower"
fi

step ".deb"
"$jbin/jpackage" --type deb "${common[@]}" --dest "$target/deb" --app-image "$target/image/Strata" \
  --linux-package-name strata --linux-deb-maintainer "strata@example.org" --linux-menu-group "Education;Science;" \
  --linux-app-category science --linux-shortcut --resource-dir "$here/resources" \
  --icon "$root/ui-resources/src/main/resources/org/strata/ui/icons/strata-256.png" \
  --file-associations "$here/../strata-file.properties" \
  --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1, fonts-dejavu-core, fonts-wqy-microhei"

deb="$(ls "$target"/deb/*.deb)"
step "Done"
du -sh "$target/image/Strata" | sed 's/^/  app-image: /'
ls -l "$deb" | awk '{printf "  %s: %.1f MB\n", $NF, $5 / 1048576}'
