#!/usr/bin/env bash
# Runs every test of Tickler: the Swift Testing suites, then (as root) the system test under real systemd.
# Installs the build dependencies when missing (as root), or prints the command that would.
set -euo pipefail
cd "$(dirname "$0")/.."
. Deploy/build-deps.sh
tickler_ensure_build_deps

# Formatting is a gate: the tree must be exactly as `swift format` leaves it under .swift-format.
swift format lint --strict --recursive --parallel Sources Tests Package.swift
# Every import must be a declared dependency of its target; warnings are errors (Package.swift).
swift build --build-tests --explicit-target-dependency-import-check error
# Passing tests are counted, not listed; failures and the closing lines are shown in full.
set +e
swift test --skip-build >.build/swift-test.log 2>&1
status=$?
set -e
awk '/^✔ Test run with/ || !/^(✔|◇|↳|\[[0-9]+\/[0-9]+\]) /' .build/swift-test.log | tail -n 300
[ "$status" -eq 0 ] || { echo "swift test failed (exit $status)"; exit "$status"; }

bash Tests/System/systemd-test.sh .build/debug
