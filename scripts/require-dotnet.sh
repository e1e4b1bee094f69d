#!/usr/bin/env bash
# Sourced by the kit's scripts: stops with one clear line when the .NET SDK this kit needs is missing.
# The SDK cannot be fetched by a script on machines whose only network is a package registry, so this
# checks and explains rather than installs.
required_major=10
if ! command -v dotnet >/dev/null 2>&1; then
  echo "could not run: the .NET SDK ${required_major} is required but 'dotnet' is not on PATH (install it: https://dotnet.microsoft.com/download)" >&2
  exit 2
fi
if ! dotnet --list-sdks 2>/dev/null | grep -qE "^${required_major}\."; then
  echo "could not run: the .NET SDK ${required_major}.x is required; found: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' ')" >&2
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
