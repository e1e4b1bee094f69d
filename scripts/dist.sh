#!/usr/bin/env bash
# Builds everything the kit ships, from a clone, into one folder (default ./dist):
#   DIR/packages/   the NuGet packages (.nupkg) and their symbols (.snupkg): Mconf.Spec, Mconf.Mock,
#                   Mconf.Conformance and the .NET tool Mconf.Conformance.Tool (command mconf-conformance)
#   DIR/linux-x64/  self-contained single-file executables that need no .NET on the machine that runs them:
#                   mconf-fake (the standalone fake server) and mconf-conformance (the certifier)
#
#   scripts/dist.sh [--out DIR] [--packages-only] [--binaries-only]
#
# Builds in a private temporary folder (MSBuild artifacts output), so it neither reads nor disturbs the bin/ and
# obj/ folders of a working build. Needs the .NET SDK 10; the linux-x64 runtime packs come from NuGet on the first
# run. Ends with one line per file: its size and path. Exit status: 0 built, 2 could not build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/require-dotnet.sh"

out="$ROOT/dist"
packages=1
binaries=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --packages-only) binaries=0; shift ;;
    --binaries-only) packages=0; shift ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "dist.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

build="$(mktemp -d "${TMPDIR:-/tmp}/mconf-dist.XXXXXX")"
trap 'rm -rf "$build"' EXIT
log="$build/build.log"

# One dotnet command; its output goes to the log, shown only when it fails. No MSBuild node outlives the script.
run() {
  if ! "$@" -nologo -v:quiet -nodeReuse:false -p:UseArtifactsOutput=true -p:ArtifactsPath="$build/artifacts" \
      -p:ContinuousIntegrationBuild=true >"$log" 2>&1; then
    cat "$log" >&2
    echo "could not build: $*" >&2
    exit 2
  fi
}

# The packages: every project packaging/Packages.proj lists, in one build.
if [[ $packages -eq 1 ]]; then
  rm -rf "$out/packages"
  echo "packing the projects of packaging/Packages.proj" >&2
  run dotnet msbuild "$ROOT/packaging/Packages.proj" -restore -t:Pack -p:Configuration=Release -p:PackageOutputPath="$out/packages/"
fi

# Self-contained single-file executables. Not trimmed: a trimmed fake fails at start, WireMock.Net loading by name a
# type the trimmer removed (packaging/README.md). Compressed: about half the size, at the cost of a short
# decompression on start. Only the executable is kept (the .pdb files stay in the build folder).
RID=linux-x64
publish() { # project, executable name in the publish folder, name in dist
  local project="$1" built="$2" name="$3" folder="$build/publish/$3"
  echo "publishing $project ($RID, self-contained, single file) as $name" >&2
  run dotnet publish "$ROOT/$project" -c Release -r "$RID" --self-contained true -o "$folder" \
    -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true
  install -m 0755 "$folder/$built" "$out/$RID/$name"
}
if [[ $binaries -eq 1 ]]; then
  rm -rf "${out:?}/$RID"
  mkdir -p "$out/$RID"
  publish mock/Mconf.Mock.Host/Mconf.Mock.Host.csproj Mconf.Mock.Host mconf-fake
  publish suite/Mconf.Conformance.Runner/Mconf.Conformance.Runner.csproj mconf-conformance mconf-conformance
fi

find "$out" -type f \( -name '*.nupkg' -o -name '*.snupkg' -o -path "*/$RID/*" \) -printf '%s %p\n' | sort -k2 |
  awk '{ if ($1 >= 1048576) printf "%7.1f MB  %s\n", $1 / 1048576, $2; else printf "%7.0f KB  %s\n", $1 / 1024, $2 }'
