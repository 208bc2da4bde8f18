#!/usr/bin/env bash
# Builds Strata's macOS disk image (.dmg) from the jars Maven copied, the same way installer/linux/build.sh builds
# the .deb. Run by `mvn -B -Pinstaller package -DskipTests` on a Mac (or by hand: build.sh installer/target 0.1.0).
# Needs: JDK 17 for the Mac's architecture (jlink, jpackage), Xcode's command-line tools (iconutil, hdiutil).
# Maven picks ND4J's natives for the Mac itself (root pom profiles "mac-x86_64": macosx-x86_64 and -avx2;
# "mac-arm64": macosx-arm64). Unsigned: to pass Gatekeeper, add --mac-sign with your Developer ID (see README).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$(cd "${1:-$here/../target}" && pwd)"
version="${2:-0.1.0}"
version="${version%-SNAPSHOT}"
jbin="${JAVA_HOME:-$(/usr/libexec/java_home -v 17)}/bin"

input="$target/input"
rm -rf "$input" "$target/runtime" "$target/image" "$target/dmg" "$target/strata.iconset"
mkdir -p "$input"
cp "$target"/jars/*.jar "$input/"
cp -r "$root/sample-projects" "$input/samples"
find "$input/samples" -name '*.runs' -prune -exec rm -rf {} +

# The icon: macOS wants an .icns made from the PNG sizes.
icons="$root/ui-resources/src/main/resources/org/strata/ui/icons"
mkdir -p "$target/strata.iconset"
for s in 16 32 128 256; do cp "$icons/strata-$s.png" "$target/strata.iconset/icon_${s}x${s}.png"; done
cp "$icons/strata-32.png" "$target/strata.iconset/icon_16x16@2x.png"
cp "$icons/strata-64.png" "$target/strata.iconset/icon_32x32@2x.png"
cp "$icons/strata-256.png" "$target/strata.iconset/icon_128x128@2x.png"
iconutil -c icns "$target/strata.iconset" -o "$target/strata.icns"

mods="$(grep -v '^#' "$here/../runtime-modules.txt" | paste -sd, -)"
"$jbin/jlink" --add-modules "$mods" --include-locales=en,zh --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$target/runtime"

app_jar="$(cd "$input" && ls strata-app-*.jar)"
common=(--name Strata --app-version "$version" --vendor "Strata" --description "Draw a neural network, train it, watch it learn.")
"$jbin/jpackage" --type app-image "${common[@]}" --dest "$target/image" --input "$input" --main-jar "$app_jar" \
  --main-class org.strata.app.Launcher --runtime-image "$target/runtime" --icon "$target/strata.icns" \
  --java-options '-XX:MaxRAMPercentage=50' --java-options '-Dstrata.samples=$APPDIR/samples' \
  --mac-package-identifier org.strata.app --file-associations "$here/../strata-file.properties"
# (on macOS the .strata association lives in the app's Info.plist, so it is given to the app image above)
"$jbin/jpackage" --type dmg "${common[@]}" --dest "$target/dmg" --app-image "$target/image/Strata.app" \
  --icon "$target/strata.icns"
ls -l "$target"/dmg/*.dmg | awk '{printf "%s: %.1f MB\n", $NF, $5 / 1048576}'
