#!/usr/bin/env bash
# The newcomer's first command: runs the main job (dist/cli.js run) on the bundled example module
# with the Go toolchains on this machine, installing Debian's when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
toolchains=$(ls -d /usr/lib/go-1.* | paste -sd, -)
exec node dist/cli.js run \
  --working-directory examples/hello \
  --go-versions 1.19,1.21,1.22,1.23 \
  --local-toolchains "$toolchains" \
  --report-directory .tmp/example-report \
  "$@"
