#!/usr/bin/env bash
# Sourced by Tickler's scripts: makes sure the C libraries the build links against are installed.
# As root it installs what is missing with apt-get; otherwise it stops and prints the exact command to run.

tickler_ensure_build_deps() {
    local missing=()
    pkg-config --exists libsystemd 2>/dev/null || missing+=(libsystemd-dev)
    pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
    pkg-config --exists jemalloc 2>/dev/null || missing+=(libjemalloc-dev)
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    [ -d /usr/share/zoneinfo ] || missing+=(tzdata)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "tickler: missing build dependencies: ${missing[*]}" >&2
        echo "tickler: run as root:  apt-get install -y ${missing[*]}" >&2
        return 1
    fi
    echo "tickler: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
}
