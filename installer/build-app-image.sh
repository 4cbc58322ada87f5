#!/usr/bin/env bash
# Builds a self-contained FusionLab folder (its own Java runtime, no JDK needed on the target machine)
# with jpackage, into target/installer/FusionLab. Pass --type deb (or rpm, on such a system) to get an
# installable package instead of a plain folder.
#   installer/build-app-image.sh [--type app-image|deb|rpm]
set -euo pipefail
cd "$(dirname "$0")/.."

type=app-image
[[ "${1:-}" == "--type" && -n "${2:-}" ]] && type="$2"

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -q -B -DskipTests package

stage=target/installer/input
rm -rf target/installer && mkdir -p "$stage"
cp target/fusionlab.jar "$stage/"
mkdir -p "$stage/lib" target/installer/fx
# JavaFX goes into the runtime image as modules (jlink), not on the class path, where it warns
# "Unsupported JavaFX configuration"; its platform jars carry a classifier, the others are empty stubs.
for f in target/lib/*.jar; do
  case "$(basename "$f")" in
    javafx-*-[0-9]*-*.jar) cp "$f" target/installer/fx/ ;;
    javafx-*.jar) ;;
    *) cp "$f" "$stage/lib/" ;;
  esac
done
# jpackage's default module set for a class-path app ("ALL-DEFAULT") comes out empty once a module path
# is given, so the JDK's modules are named here: all of them but the development tools.
jdk_modules="$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//' \
  | grep -vE '^jdk\.(compiler|javadoc|jshell|jdeps|jlink|jpackage|jartool|hotspot\.agent|jdi|jdwp\.agent|jcmd|jconsole|jstatd|editpad|internal\..*|graal\..*|incubator\..*)$' \
  | paste -sd, -)"
fx_options="--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED --add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED --add-exports=javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED --add-exports=javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED"
cp -r assets "$stage/assets"
cp LICENSE NOTICE "$stage/"

# Smile opens OpenBLAS by name through dlopen: the launcher must put the shipped copy on the loader path.
cp -r target/native "$stage/native"

"$JAVA_HOME/bin/jpackage" --type "$type" --dest target/installer \
  --name FusionLab --app-version "$(sed -n 's:.*<version>\(.*\)-SNAPSHOT</version>.*:\1:p' pom.xml | head -n 1)" \
  --description "Multimodal (image + text) fusion workbench" \
  --license-file LICENSE \
  --input "$stage" --main-jar fusionlab.jar --main-class dev.fusionlab.Launcher \
  --module-path target/installer/fx --add-modules "$jdk_modules,jdk.incubator.vector,javafx.controls,javafx.swing" \
  --java-options "--enable-native-access=ALL-UNNAMED,javafx.graphics --add-modules jdk.incubator.vector $fx_options -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dfusionlab.home=\$APPDIR" \
  --linux-shortcut 2>/dev/null || \
"$JAVA_HOME/bin/jpackage" --type "$type" --dest target/installer \
  --name FusionLab --input "$stage" --main-jar fusionlab.jar --main-class dev.fusionlab.Launcher \
  --module-path target/installer/fx --add-modules "$jdk_modules,jdk.incubator.vector,javafx.controls,javafx.swing" \
  --java-options "--enable-native-access=ALL-UNNAMED,javafx.graphics --add-modules jdk.incubator.vector $fx_options -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dfusionlab.home=\$APPDIR"

if [[ "$type" == app-image ]]; then
  # jpackage's native launcher cannot set LD_LIBRARY_PATH; wrap it so Smile finds the shipped OpenBLAS.
  bin=target/installer/FusionLab/bin
  mv "$bin/FusionLab" "$bin/FusionLab.bin"
  cp target/installer/FusionLab/lib/app/FusionLab.cfg target/installer/FusionLab/lib/app/FusionLab.bin.cfg
  cat > "$bin/FusionLab" <<'WRAP'
#!/usr/bin/env bash
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export LD_LIBRARY_PATH="$here/../lib/app/native${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export OPT_OUT_TRACKING=true OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}" MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-4294967296}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
exec "$here/FusionLab.bin" "$@"
WRAP
  chmod +x "$bin/FusionLab"
  echo "Built target/installer/FusionLab (run target/installer/FusionLab/bin/FusionLab)"
fi
