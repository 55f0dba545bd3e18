#!/usr/bin/env bash
# The newcomer's first command: runs the main job (dist/cli.js run) on the bundled example module
# under a floor version and the two current releases (oldstable and stable), with the Go toolchains
# on this machine (installing Debian's when they are missing). go.dev is not needed: when its release
# index cannot be fetched, oldstable and stable resolve against the local toolchains.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node dist/cli.js run \
  --working-directory examples/hello \
  --go-versions 1.22,oldstable,stable \
  --local-toolchains "$(node scripts/toolchains.mjs)" \
  --report-directory .tmp/example-report \
  "$@"
