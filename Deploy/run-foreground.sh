#!/usr/bin/env bash
# Runs ticklerd in the foreground on the sample schedule in Config/, with its state in ./.state/.
# Readable log lines go to the terminal; stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
. Deploy/build-deps.sh
tickler_ensure_build_deps
swift build --product ticklerd
mkdir -p .state
exec .build/debug/ticklerd --config Config --state-dir .state "$@"
