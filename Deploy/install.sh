#!/usr/bin/env bash
# Installs Tickler from source as a systemd service (for a Debian package, see Deploy/build-deb.sh). Run as root
# from the checkout:
#   sudo Deploy/install.sh [--prefix DIR] [--bindir-from DIR] [--no-start]
#
#   --prefix DIR        where bin/, share/man/ and the completions go (default $PREFIX, else /usr/local)
#   --bindir-from DIR   install ticklerd, ticklerctl and tickler-notify already built in DIR instead of building a release
#                       (also $TICKLER_BUILD_DIR)
#   --no-start          install and enable, but do not start (or restart) the service
#
# It builds a release with the Swift runtime linked in (swift build -c release --static-swift-stdlib, scratch path
# .build-static, so that it and the debug build in .build do not rebuild each other) as the user who ran sudo
# ($SUDO_USER), never as root inside the checkout; then installs both binaries stripped (mode 0755), the unit (with
# ExecStart= and ExecReload= pointing at the installed ticklerd) into /etc/systemd/system, the journal message
# catalogs, the man pages and shell completions when the checkout has them, and the sample schedule Config/ into
# /etc/tickler only when /etc/tickler/schedule.toml does not exist yet (regular files only, mode 0644; symbolic
# links are not followed). It creates the system group tickler (schedule files of mode 0640 and group tickler are
# readable by the service; its members may use ticklerctl ack, snooze, status and history, as root may). Then daemon-reload and enable --now. Running it again upgrades in place and restarts.
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
        -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# Installs the regular file $1 as $2 with mode $3; refuses symbolic links and anything else.
install_regular() {
    [ -f "$1" ] && [ ! -L "$1" ] || die "$1 is not a regular file (symbolic links are not followed)"
    install -m "$3" "$1" "$2"
}

if [ -z "$build_dir" ]; then
    . Deploy/build-deps.sh
    tickler_ensure_build_deps
    build=(swift build -c release --static-swift-stdlib --scratch-path .build-static)
    # Under sudo, build as the user who owns the checkout and ran sudo, so that no root-owned files end up in it.
    as_user=()
    if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
        swift=$(command -v swift || true)
        [ -n "$swift" ] || die "swift is not on root's PATH under sudo; build first and pass --bindir-from DIR"
        as_user=(runuser -u "$SUDO_USER" -- env "PATH=$(dirname "$swift"):/usr/bin:/bin" "HOME=$(eval echo "~$SUDO_USER")")
        say "building release binaries as $SUDO_USER (${build[*]})"
    else
        say "building release binaries (${build[*]})"
    fi
    "${as_user[@]}" "${build[@]}" --product ticklerd
    "${as_user[@]}" "${build[@]}" --product ticklerctl
    "${as_user[@]}" "${build[@]}" --product tickler-notify
    build_dir=$("${as_user[@]}" "${build[@]}" --show-bin-path)
fi
for binary in ticklerd ticklerctl tickler-notify; do
    [ -x "$build_dir/$binary" ] || die "$build_dir/$binary not found or not executable"
done

say "installing ticklerd, ticklerctl and tickler-notify into $prefix/bin (stripped)"
install -d -m 0755 "$prefix/bin"
for binary in ticklerd ticklerctl tickler-notify; do
    install_regular "$build_dir/$binary" "$prefix/bin/$binary.tmp" 0755
    strip --strip-unneeded "$prefix/bin/$binary.tmp"
    mv "$prefix/bin/$binary.tmp" "$prefix/bin/$binary"
done

if ! getent group tickler >/dev/null; then
    say "creating the system group tickler"
    groupadd --system tickler
fi

say "installing $unit_dir/ticklerd.service"
install -d -m 0755 "$unit_dir"
sed -e "s|^ExecStart=/usr/bin/ticklerd|ExecStart=$prefix/bin/ticklerd|" \
    -e "s|^ExecReload=/usr/bin/ticklerd|ExecReload=$prefix/bin/ticklerd|" Deploy/ticklerd.service \
    >"$unit_dir/ticklerd.service.tmp"
chmod 0644 "$unit_dir/ticklerd.service.tmp"
mv "$unit_dir/ticklerd.service.tmp" "$unit_dir/ticklerd.service"
say "installing $unit_dir/tickler-notify.service"
sed -e "s|/usr/bin/tickler-notify|$prefix/bin/tickler-notify|" Deploy/tickler-notify.service \
    >"$unit_dir/tickler-notify.service.tmp"
chmod 0644 "$unit_dir/tickler-notify.service.tmp"
mv "$unit_dir/tickler-notify.service.tmp" "$unit_dir/tickler-notify.service"
say "installing $unit_dir/ticklerd.socket (the control socket /run/tickler/control.socket, group tickler)"
install_regular Deploy/ticklerd.socket "$unit_dir/ticklerd.socket.tmp" 0644
mv "$unit_dir/ticklerd.socket.tmp" "$unit_dir/ticklerd.socket"

say "installing the journal message catalogs into $catalog_dir"
install -d -m 0755 "$catalog_dir"
for catalog in Deploy/tickler.catalog Deploy/tickler.vi.catalog; do
    install_regular "$catalog" "$catalog_dir/" 0644
done
journalctl --update-catalog || say "warning: journalctl --update-catalog failed; journalctl -x lacks Tickler's texts"

installed_man=no
for page in ticklerctl.1 tickler.toml.5 ticklerd.8 tickler-notify.8; do
    [ -f "Deploy/man/$page" ] || continue
    install -d -m 0755 "$prefix/share/man/man${page##*.}"
    install_regular "Deploy/man/$page" "$prefix/share/man/man${page##*.}/$page" 0644
    installed_man=yes
done
[ "$installed_man" = yes ] && say "installed the man pages into $prefix/share/man" \
    || say "note: no man pages in Deploy/man yet; skipped"

if [ -x Deploy/completions.sh ] && [ -x "$prefix/bin/ticklerctl" ]; then
    completions=$(mktemp -d)
    if TICKLERCTL="$prefix/bin/ticklerctl" Deploy/completions.sh "$completions" >/dev/null; then
        install -d -m 0755 "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
            "$prefix/share/fish/vendor_completions.d"
        [ -f "$completions/ticklerctl.bash" ] \
            && install -m 0644 "$completions/ticklerctl.bash" "$prefix/share/bash-completion/completions/ticklerctl"
        [ -f "$completions/_ticklerctl" ] \
            && install -m 0644 "$completions/_ticklerctl" "$prefix/share/zsh/site-functions/_ticklerctl"
        [ -f "$completions/ticklerctl.fish" ] \
            && install -m 0644 "$completions/ticklerctl.fish" "$prefix/share/fish/vendor_completions.d/ticklerctl.fish"
        say "installed the bash, zsh and fish completions under $prefix/share"
    else
        say "warning: Deploy/completions.sh failed; completions not installed"
    fi
    rm -rf "$completions"
else
    say "note: no Deploy/completions.sh yet; completions skipped"
fi

if [ -e "$config_dir/schedule.toml" ]; then
    say "keeping the existing schedule in $config_dir"
elif [ -f Config/schedule.toml ]; then
    say "installing the sample schedule into $config_dir"
    install -d -m 0755 "$config_dir"
    install_regular Config/schedule.toml "$config_dir/schedule.toml" 0644
    if [ -d Config/schedule.d ] && [ ! -L Config/schedule.d ]; then
        install -d -m 0755 "$config_dir/schedule.d"
        # -type f: regular files only; find does not follow symbolic links without -L.
        find Config/schedule.d -maxdepth 1 -type f -name '*.toml' -exec install -m 0644 {} "$config_dir/schedule.d/" \;
    fi
else
    die "no $config_dir/schedule.toml and no sample Config/schedule.toml in $checkout"
fi

# The channels are the office's own: the sample goes beside the docs, not into $config_dir, and without a
# notify.toml tickler-notify idles ("no channels" in its status).
install -d -m 0755 "$prefix/share/doc/tickler"
install_regular Config/notify.toml "$prefix/share/doc/tickler/notify.toml.sample" 0644
[ -e "$config_dir/notify.toml" ] \
    || say "no $config_dir/notify.toml: tickler-notify delivers nowhere until you write one ($prefix/share/doc/tickler/notify.toml.sample)"

systemctl daemon-reload
systemctl enable ticklerd.service ticklerd.socket tickler-notify.service
if [ "$start" = yes ]; then
    # restart, not start: a second run of this script must put the new binary to work (and the socket's unit).
    systemctl restart ticklerd.socket ticklerd.service tickler-notify.service
    say "ticklerd and tickler-notify are running: systemctl status ticklerd tickler-notify; journalctl -u ticklerd"
else
    say "installed and enabled, not started: systemctl start ticklerd tickler-notify"
fi
