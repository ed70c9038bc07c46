#!/usr/bin/env bash
# Builds the Debian package tickler_VERSION_amd64.deb from the checkout:
#   Deploy/build-deb.sh [--bindir-from DIR] [--output DIR]
#
#   --bindir-from DIR   package ticklerd, ticklerctl and tickler-notify already built in DIR (the system test packages its debug
#                       build) instead of building a release
#   --output DIR        where the .deb goes (default: the checkout); its path is printed on the last line
#
# By default it builds a release with the Swift runtime linked in (swift build -c release --static-swift-stdlib
# --scratch-path .build-static: a scratch path of its own, so that it and the debug build in .build do not rebuild
# each other). Run it as a normal user: dpkg-deb --root-owner-group makes every file root's without root.
# VERSION comes from Sources/TicklerSchedule/TicklerVersion.swift when it exists, else from the file VERSION.
#
# The package: /usr/bin/ticklerd, ticklerctl and tickler-notify (stripped), their units in /lib/systemd/system
# (ticklerd.service, ticklerd.socket — the control socket — and tickler-notify.service), the sample notify.toml in
# /usr/share/doc/tickler,
# the journal message catalogs, the man pages and the bash, zsh and fish completions (when the checkout has
# them), the sample schedule as conffiles in /etc/tickler, and maintainer scripts written as dh_installsystemd
# would generate them (deb-systemd-helper, deb-systemd-invoke); postinst creates the group tickler; purge deletes
# the state. Check it with `lintian tickler_VERSION_amd64.deb`.
set -euo pipefail

checkout=$(cd "$(dirname "$0")/.." && pwd)
build_dir=""
output=$checkout
while [ $# -gt 0 ]; do
    case "$1" in
        --bindir-from) build_dir=${2:?--bindir-from needs a directory}; shift 2 ;;
        --bindir-from=*) build_dir=${1#--bindir-from=}; shift ;;
        --output) output=${2:?--output needs a directory}; shift 2 ;;
        --output=*) output=${1#--output=}; shift ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build-deb.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done
say() { echo "build-deb.sh: $*" >&2; }
die() { echo "build-deb.sh: $*" >&2; exit 1; }
cd "$checkout"
command -v dpkg-deb >/dev/null || die "dpkg-deb not found (apt-get install dpkg-dev)"

# The version, from one place.
version_source=Sources/TicklerSchedule/TicklerVersion.swift
if [ -f "$version_source" ]; then
    version=$(grep -oE '"[0-9]+\.[0-9]+\.[0-9]+[^"]*"' "$version_source" | head -n 1 | tr -d '"')
else
    version=$(tr -d ' \n' <VERSION)
fi
[[ "$version" =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || die "no usable version (read '$version')"
architecture=$(dpkg --print-architecture)

if [ -z "$build_dir" ]; then
    . Deploy/build-deps.sh
    tickler_ensure_build_deps
    build=(swift build -c release --static-swift-stdlib --scratch-path .build-static)
    say "building release binaries (${build[*]})"
    "${build[@]}" --product ticklerd >&2
    "${build[@]}" --product ticklerctl >&2
    "${build[@]}" --product tickler-notify >&2
    build_dir=$("${build[@]}" --show-bin-path)
fi
for binary in ticklerd ticklerctl tickler-notify; do
    [ -x "$build_dir/$binary" ] || die "$build_dir/$binary not found or not executable"
done

root=$(mktemp -d "${TMPDIR:-/tmp}/tickler-deb.XXXXXX")
chmod 0755 "$root"
trap 'rm -rf "$root"' EXIT
umask 022

# Installs the regular file $1 as $2 with mode $3 (no symbolic links followed).
put() {
    [ -f "$1" ] && [ ! -L "$1" ] || die "$1 is not a regular file"
    install -D -m "$3" "$1" "$root$2"
}

for binary in ticklerd ticklerctl tickler-notify; do
    put "$build_dir/$binary" "/usr/bin/$binary" 0755
    strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/$binary"
done
put Deploy/ticklerd.service /lib/systemd/system/ticklerd.service 0644
put Deploy/tickler-notify.service /lib/systemd/system/tickler-notify.service 0644
put Config/notify.toml /usr/share/doc/tickler/notify.toml.sample 0644
put Deploy/ticklerd.socket /lib/systemd/system/ticklerd.socket 0644
put Deploy/tickler.catalog /usr/lib/systemd/catalog/tickler.catalog 0644
put Deploy/tickler.vi.catalog /usr/lib/systemd/catalog/tickler.vi.catalog 0644
put Config/schedule.toml /etc/tickler/schedule.toml 0644
conffiles=(/etc/tickler/schedule.toml)
while IFS= read -r -d '' dropin; do
    put "$dropin" "/etc/tickler/schedule.d/${dropin##*/}" 0644
    conffiles+=("/etc/tickler/schedule.d/${dropin##*/}")
done < <(find Config/schedule.d -maxdepth 1 -type f -name '*.toml' -print0 2>/dev/null | sort -z)

for page in ticklerctl.1 tickler.toml.5 ticklerd.8 tickler-notify.8; do
    if [ -f "Deploy/man/$page" ]; then
        put "Deploy/man/$page" "/usr/share/man/man${page##*.}/$page" 0644
        gzip -9n "$root/usr/share/man/man${page##*.}/$page"
    else
        say "note: Deploy/man/$page not in the checkout yet; the package has no $page"
    fi
done

if [ -x Deploy/completions.sh ]; then
    completions=$root/completions.tmp
    mkdir "$completions"
    TICKLERCTL="$root/usr/bin/ticklerctl" Deploy/completions.sh "$completions" >&2 \
        || die "Deploy/completions.sh failed"
    [ -f "$completions/ticklerctl.bash" ] \
        && put "$completions/ticklerctl.bash" /usr/share/bash-completion/completions/ticklerctl 0644
    [ -f "$completions/_ticklerctl" ] && put "$completions/_ticklerctl" /usr/share/zsh/vendor-completions/_ticklerctl 0644
    [ -f "$completions/ticklerctl.fish" ] \
        && put "$completions/ticklerctl.fish" /usr/share/fish/vendor_completions.d/ticklerctl.fish 0644
    rm -rf "$completions"
else
    say "note: Deploy/completions.sh not in the checkout yet; the package has no completions"
fi

doc=/usr/share/doc/tickler
put Deploy/debian/copyright "$doc/copyright" 0644
{
    printf 'tickler (%s) unstable; urgency=medium\n\n' "$version"
    printf '  * Release %s, built from %s.\n\n' "$version" \
        "$(git -C "$checkout" rev-parse --short HEAD 2>/dev/null || echo 'the source tree')"
    printf ' -- Tickler maintainers <maintainers@users.noreply.r-seed-86ad6d7f.example>  %s\n' \
        "$(date -R -d "@$(git -C "$checkout" log -1 --format=%ct 2>/dev/null || date +%s)")"
} | gzip -9n >"$root$doc/changelog.gz"
chmod 0644 "$root$doc/changelog.gz"

mkdir -m 0755 "$root/DEBIAN"
for script in postinst prerm postrm; do
    install -m 0755 "Deploy/debian/$script" "$root/DEBIAN/$script"
done
printf '%s\n' "${conffiles[@]}" >"$root/DEBIAN/conffiles"
chmod 0644 "$root/DEBIAN/conffiles"

# Shared libraries the binaries need, as dpkg-shlibdeps would find them; the Swift runtime is linked in.
depends="init-system-helpers (>= 1.54~), passwd"
shlibs=""
if command -v dpkg-shlibdeps >/dev/null; then
    mkdir -p "$root/shlibs/debian"
    printf 'Source: tickler\n\nPackage: tickler\nArchitecture: any\n' >"$root/shlibs/debian/control"
    shlibs=$(cd "$root/shlibs" && dpkg-shlibdeps --ignore-missing-info -O "$root/usr/bin/ticklerd" "$root/usr/bin/ticklerctl" "$root/usr/bin/tickler-notify" 2>/dev/null \
        | sed -n 's/^shlibs:Depends=//p')
    rm -rf "$root/shlibs"
fi
depends="${shlibs:-libc6, libjemalloc2, libsqlite3-0, libsystemd0}, $depends"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: tickler
Version: $version
Architecture: $architecture
Maintainer: Tickler maintainers <maintainers@users.noreply.r-seed-86ad6d7f.example>
Installed-Size: $size
Depends: $depends
Suggests: default-mta | mail-transport-agent
Section: utils
Priority: optional
Description: reminders of recurring obligations, written to the systemd journal
 Tickler reads a schedule of recurring obligations (RFC 5545 rules, systemd
 calendar events, Vietnamese and Chinese lunar dates, solar terms) and, ahead
 of each due date, writes reminders to the journal as structured entries.
 .
 ticklerd is the service (Type=notify, sandboxed, as a dynamic user);
 ticklerctl checks a schedule, lists what is due and previews rules.
 tickler-notify delivers the reminders to mail, webhooks and commands.
CONTROL

mkdir -p "$output"
deb="$(cd "$output" && pwd)/tickler_${version}_${architecture}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2
say "built $deb"
echo "$deb"
