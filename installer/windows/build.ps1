# Builds Strata's Windows installer (.msi) from the jars Maven copied, the same way installer/linux/build.sh builds
# the .deb. Run by `mvn -B -Pinstaller package -DskipTests` on Windows (or by hand afterwards):
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 installer\target 0.1.0
# Needs: JDK 17 (jlink, jpackage) and the WiX Toolset 3.x (candle.exe and light.exe on PATH) for the .msi.
# Maven picks ND4J's Windows natives itself (classifiers windows-x86_64, -avx2, -onednn-avx512; root pom profile
# "windows"); the engine uses the portable build there (NativeSetup reads CPU flags on Linux only).
param([string]$Target = "$PSScriptRoot\..\target", [string]$Version = "0.1.0")
$ErrorActionPreference = "Stop"
$root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Target = (Resolve-Path $Target).Path
$Version = $Version -replace '-SNAPSHOT$', ''
$jbin = if ($env:JAVA_HOME) { "$env:JAVA_HOME\bin" } else { Split-Path (Get-Command java).Source }
foreach ($tool in "jlink", "jpackage") {
  if (-not (Test-Path "$jbin\$tool.exe")) { throw "$jbin\$tool.exe is missing: a full JDK 17 is needed." }
}
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
  throw "WiX Toolset 3.x is missing (candle.exe, light.exe): install it and put its bin folder on PATH."
}

$staging = "$Target\input"
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $staging, "$Target\runtime", "$Target\image", "$Target\msi"
New-Item -ItemType Directory $staging | Out-Null
# Only the portable ND4J build is used on Windows: leave the others out (each is ~90 MB).
Get-ChildItem "$Target\jars\*.jar" | Where-Object { $_.Name -notmatch '^nd4j-native-.*-windows-x86_64-.+\.jar$' } |
  Copy-Item -Destination $staging
Copy-Item -Recurse "$root\sample-projects" "$staging\samples"
Get-ChildItem -Recurse -Directory "$staging\samples" -Filter "*.runs" | Remove-Item -Recurse -Force

$mods = (Get-Content "$PSScriptRoot\..\runtime-modules.txt" | Where-Object { $_ -and -not $_.StartsWith('#') }) -join ','
& "$jbin\jlink.exe" --add-modules $mods --include-locales=en,zh --strip-debug --no-header-files --no-man-pages `
  --compress=2 --output "$Target\runtime"
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }

$appJar = (Get-ChildItem "$staging\strata-app-*.jar").Name
$common = @("--name", "Strata", "--app-version", $Version, "--vendor", "Strata",
  "--description", "Draw a neural network, train it, watch it learn.")
& "$jbin\jpackage.exe" --type app-image @common --dest "$Target\image" --input $staging --main-jar $appJar `
  --main-class org.strata.app.Launcher --runtime-image "$Target\runtime" --icon "$PSScriptRoot\strata.ico" `
  --java-options "-XX:MaxRAMPercentage=50" --java-options '-Dstrata.samples=$APPDIR\samples' `
  --add-launcher "strata-cli=$PSScriptRoot\cli-launcher.properties"
if ($LASTEXITCODE -ne 0) { throw "jpackage (app-image) failed" }
& "$jbin\jpackage.exe" --type msi @common --dest "$Target\msi" --app-image "$Target\image\Strata" `
  --win-menu --win-menu-group "Strata" --win-shortcut --win-dir-chooser `
  --file-associations "$PSScriptRoot\..\strata-file.properties" --icon "$PSScriptRoot\strata.ico"
if ($LASTEXITCODE -ne 0) { throw "jpackage (msi) failed" }
Get-ChildItem "$Target\msi\*.msi" | ForEach-Object { "{0}: {1:N1} MB" -f $_.Name, ($_.Length / 1MB) }
