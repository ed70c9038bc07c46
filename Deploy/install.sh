#!/usr/bin/env bash
# Installs Tickler as a systemd service. Run as root from the checkout:
#   sudo Deploy/install.sh [--prefix DIR] [--bindir-from DIR] [--no-start]
#
#   --prefix DIR        where bin/ticklerd and bin/ticklerctl go (default $PREFIX, else /usr/local)
#   --bindir-from DIR   install ticklerd and ticklerctl already built in DIR instead of building a release
#                       (also $TICKLER_BUILD_DIR)
#   --no-start          install and enable, but do not start (or restart) the service
#
# It builds a release (installing libsystemd-dev and the other build dependencies when missing), installs both
# binaries, the unit (with ExecStart pointing at the installed ticklerd) into /etc/systemd/system, the journal
# message catalog, and the sample schedule Config/ into /etc/tickler only when /etc/tickler/schedule.toml does
# not exist yet; then daemon-reload and enable --now. Running it again upgrades in place and restarts the service.
set -euo pipefail

prefix=${PREFIX:-/usr/local}
build_dir=${TICKLER_BUILD_DIR:-}
start=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --bindir-from) build_dir=${2:?--bindir-from needs a directory}; shift 2 ;;
        --bindir-from=*) build_dir=${1#--bindir-from=}; shift ;;
        --no-start) start=no; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done

say() { echo "install.sh: $*"; }
die() { echo "install.sh: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root, e.g.: sudo $0 $*"
command -v systemctl >/dev/null || die "systemctl not found: Tickler runs as a systemd service"
checkout=$(cd "$(dirname "$0")/.." && pwd)
cd "$checkout"

unit_dir=${UNIT_DIR:-/etc/systemd/system}
config_dir=${CONFIG_DIR:-/etc/tickler}
case "$prefix" in
    /usr|/usr/local) catalog_dir=${CATALOG_DIR:-$prefix/lib/systemd/catalog} ;;
    *) catalog_dir=${CATALOG_DIR:-/etc/systemd/catalog} ;;
esac

if [ -z "$build_dir" ]; then
    . Deploy/build-deps.sh
    tickler_ensure_build_deps
    say "building release binaries (swift build -c release --static-swift-stdlib)"
    swift build -c release --static-swift-stdlib --product ticklerd
    swift build -c release --static-swift-stdlib --product ticklerctl
    build_dir=$(swift build -c release --static-swift-stdlib --show-bin-path)
fi
for binary in ticklerd ticklerctl; do
    [ -x "$build_dir/$binary" ] || die "$build_dir/$binary not found or not executable"
done

say "installing ticklerd and ticklerctl into $prefix/bin"
install -d -m 0755 "$prefix/bin"
install -m 0755 "$build_dir/ticklerd" "$prefix/bin/ticklerd"
install -m 0755 "$build_dir/ticklerctl" "$prefix/bin/ticklerctl"

say "installing $unit_dir/ticklerd.service"
install -d -m 0755 "$unit_dir"
sed "s|^ExecStart=/usr/local/bin/ticklerd|ExecStart=$prefix/bin/ticklerd|" Deploy/ticklerd.service \
    >"$unit_dir/ticklerd.service.tmp"
chmod 0644 "$unit_dir/ticklerd.service.tmp"
mv "$unit_dir/ticklerd.service.tmp" "$unit_dir/ticklerd.service"

say "installing the journal message catalog into $catalog_dir"
install -d -m 0755 "$catalog_dir"
install -m 0644 Deploy/tickler.catalog Deploy/tickler.vi.catalog "$catalog_dir/"
journalctl --update-catalog || say "warning: journalctl --update-catalog failed; journalctl -x lacks Tickler's texts"

if [ -e "$config_dir/schedule.toml" ]; then
    say "keeping the existing schedule in $config_dir"
elif [ -f Config/schedule.toml ]; then
    say "installing the sample schedule into $config_dir"
    install -d -m 0755 "$config_dir"
    install -m 0644 Config/schedule.toml "$config_dir/schedule.toml"
    if [ -d Config/schedule.d ]; then
        install -d -m 0755 "$config_dir/schedule.d"
        find Config/schedule.d -maxdepth 1 -name '*.toml' -exec install -m 0644 {} "$config_dir/schedule.d/" \;
    fi
else
    die "no $config_dir/schedule.toml and no sample Config/schedule.toml in $checkout"
fi

systemctl daemon-reload
if [ "$start" = yes ]; then
    systemctl enable ticklerd.service
    # restart, not start: a second run of this script must put the new binary to work.
    systemctl restart ticklerd.service
    say "ticklerd is running: systemctl status ticklerd; journalctl -u ticklerd"
else
    systemctl enable ticklerd.service
    say "installed and enabled, not started: systemctl start ticklerd"
fi
