#!/usr/bin/env bash
# Builds every libFuzzer target in Tests/Fuzz and runs each for a bounded time; exits non-zero when one crashes,
# hangs (an input over 10 s), or exceeds 2 GiB.
#
# Usage: Tests/Fuzz/run-fuzzers.sh [SECONDS] [NAME...]
#   SECONDS  time per target (default 30); NAME  run only these targets (e.g. TOML for TOMLFuzzer.swift).
#
# The convention each target follows:
#   Tests/Fuzz/<Name>Fuzzer.swift defines
#     @_cdecl("LLVMFuzzerTestOneInput") public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt
#   and starts with comment lines naming what it needs:
#     // fuzz-sources: TicklerCalendar TicklerTOML   folders of Sources/ compiled (instrumented) as modules, in
#                                                    dependency order
#     // fuzz-packages: SystemPackage                 (optional) library targets of package dependencies, built by
#                                                    SwiftPM in release mode and linked uninstrumented
#     // fuzz-seeds: ../shared/toml-test/tests        (optional) files or directories, relative to the package root,
#                                                    whose files seed the corpus
# Work files go to .build/fuzz: the modules, the fuzzers, each target's growing corpus (kept between runs) and
# the inputs that crash (artifacts/<Name>-crash-…), which reproduce with `.build/fuzz/<Name>Fuzzer <file>`.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration="${1:-30}"
shift || true
only=("$@")

work=.build/fuzz
mkdir -p "$work/modules" "$work/artifacts"
flags=(
    -swift-version 6
    -enable-upcoming-feature ExistentialAny
    -enable-upcoming-feature MemberImportVisibility
    -enable-upcoming-feature InternalImportsByDefault
    -O -wmo -parse-as-library -sanitize=fuzzer,address -use-ld=lld
)

# The values of a `// fuzz-KEY:` comment line of a target.
header() { sed -n "s|^// fuzz-$2: *||p" "$1" | head -n 1; }

declare -A built=()
packages_ready=""
failed=()
for source in Tests/Fuzz/*Fuzzer.swift; do
    name="$(basename "$source" Fuzzer.swift)"
    if [ "${#only[@]}" -gt 0 ] && [[ ! " ${only[*]} " == *" $name "* ]]; then continue; fi
    read -r -a modules <<<"$(header "$source" sources)"
    read -r -a packages <<<"$(header "$source" packages)"
    read -r -a seeds <<<"$(header "$source" seeds)"

    objects=()
    # The package's own C module maps (CTicklerPlatform: timerfd and inotify headers for TicklerPlatform).
    includes=(-I "$work/modules" -I Sources/CTicklerPlatform)
    if [ "${#packages[@]}" -gt 0 ]; then
        if [ -z "$packages_ready" ]; then
            for package in "${packages[@]}"; do swift build -c release --target "$package" >&2; done
            packages_ready=yes
        fi
        release="$(swift build -c release --show-bin-path)"
        for package in "${packages[@]}"; do
            cp "$release/Modules/$package.swiftmodule" "$work/modules/"
            objects+=("$release/$package.build/"*.o)
        done
        # swift-system's C shims, which SystemPackage imports.
        if [[ " ${packages[*]} " == *" SystemPackage "* ]]; then
            objects+=("$release/CSystem.build/"*.o)
            includes+=(-Xcc "-I.build/checkouts/swift-system/Sources/CSystem/include")
        fi
    fi

    for module in "${modules[@]}"; do
        if [ -z "${built[$module]:-}" ]; then
            echo "fuzz: compiling $module" >&2
            swiftc "${flags[@]}" "${includes[@]}" -module-name "$module" \
                -emit-module -emit-module-path "$work/modules/$module.swiftmodule" \
                -c Sources/"$module"/*.swift -o "$work/modules/$module.o"
            built[$module]=yes
        fi
        objects+=("$work/modules/$module.o")
    done
    echo "fuzz: linking ${name}Fuzzer" >&2
    swiftc "${flags[@]}" "${includes[@]}" -module-name "${name}Fuzzer" "$source" "${objects[@]}" \
        -o "$work/${name}Fuzzer"

    corpus="$work/corpus/$name"
    mkdir -p "$corpus"
    seed_paths=()
    for seed in "${seeds[@]}"; do [ -e "$seed" ] && seed_paths+=("$seed"); done
    echo "fuzz: running ${name}Fuzzer for ${duration}s" >&2
    status=0
    ASAN_OPTIONS=detect_leaks=0 "$work/${name}Fuzzer" -max_total_time="$duration" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/$name-" "$corpus" "${seed_paths[@]}" \
        >"$work/$name.log" 2>&1 || status=$?
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' "$work/$name.log" >&2 || true
    if [ "$status" -ne 0 ]; then
        echo "fuzz: ${name}Fuzzer FAILED (exit $status); see $work/$name.log and $work/artifacts/" >&2
        grep -E 'ERROR|Fatal error|==[0-9]+==|Test unit written' "$work/$name.log" | head -n 20 >&2 || true
        failed+=("$name")
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: crashes in ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: no crash" >&2
