#!/usr/bin/env bash
# Removes the Tickler service. Run as root:
#   sudo Deploy/uninstall.sh [--prefix DIR] [--purge]
#
#   --prefix DIR   where the binaries were installed; by default read from the installed unit's ExecStart=
#                  (else $PREFIX, else /usr/local)
#   --purge        also delete the schedule (/etc/tickler) and the state (/var/lib/tickler)
#
# Undoes Deploy/install.sh (a .deb is removed with apt-get remove/purge instead). Stops and disables ticklerd,
# removes both binaries, the unit, the message catalogs, the man pages and the completions. Without --purge the
# schedule and the state stay, so a later install carries on where this one stopped; the group tickler stays.
set -euo pipefail

prefix=${PREFIX:-}
purge=no
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --purge) purge=yes; shift ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "uninstall.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done

say() { echo "uninstall.sh: $*"; }
[ "$(id -u)" -eq 0 ] || { echo "uninstall.sh: run as root, e.g.: sudo $0 $*" >&2; exit 1; }

unit_dir=${UNIT_DIR:-/etc/systemd/system}
unit="$unit_dir/ticklerd.service"
if [ -z "$prefix" ]; then
    exec_start=$(sed -n 's/^ExecStart=\([^ ]*\)\/bin\/ticklerd.*/\1/p' "$unit" 2>/dev/null | head -n 1 || true)
    prefix=${exec_start:-/usr/local}
fi

for name in ticklerd.service ticklerd.socket tickler-notify.service; do
    if systemctl list-unit-files "$name" >/dev/null 2>&1; then
        systemctl disable --now "$name" 2>/dev/null || true
    fi
done
rm -f "$unit" "$unit_dir/ticklerd.socket" "$unit_dir/tickler-notify.service"
systemctl daemon-reload
systemctl reset-failed ticklerd.service ticklerd.socket tickler-notify.service 2>/dev/null || true
say "removed the units $unit, $unit_dir/ticklerd.socket and $unit_dir/tickler-notify.service"

rm -f "$prefix/bin/ticklerd" "$prefix/bin/ticklerctl" "$prefix/bin/tickler-notify"
say "removed $prefix/bin/ticklerd, ticklerctl and tickler-notify"
rm -f "$prefix/share/man/man1/ticklerctl.1" "$prefix/share/man/man5/tickler.toml.5" "$prefix/share/man/man8/ticklerd.8" \
    "$prefix/share/man/man8/tickler-notify.8" "$prefix/share/doc/tickler/notify.toml.sample" \
    "$prefix/share/bash-completion/completions/ticklerctl" "$prefix/share/zsh/site-functions/_ticklerctl" \
    "$prefix/share/fish/vendor_completions.d/ticklerctl.fish"
say "removed the man pages and completions under $prefix/share"

for catalog_dir in ${CATALOG_DIR:-} /usr/local/lib/systemd/catalog /usr/lib/systemd/catalog /etc/systemd/catalog \
    "$prefix/lib/systemd/catalog"; do
    [ -n "$catalog_dir" ] && [ -f "$catalog_dir/tickler.catalog" ] \
        && rm -f "$catalog_dir/tickler.catalog" "$catalog_dir/tickler.vi.catalog" \
        && say "removed $catalog_dir/tickler.catalog and tickler.vi.catalog"
done
journalctl --update-catalog 2>/dev/null || true

if [ "$purge" = yes ]; then
    rm -rf "${CONFIG_DIR:-/etc/tickler}" /var/lib/tickler /var/lib/private/tickler /var/lib/tickler-notify \
        /var/lib/private/tickler-notify
    say "purged the schedule (/etc/tickler) and the state (/var/lib/tickler)"
else
    say "kept the schedule in /etc/tickler and the state in /var/lib/tickler (--purge deletes them)"
fi
