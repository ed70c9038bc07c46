#!/usr/bin/env bash
# Sourced by Tests/run-all.sh: the tools the tests compare against or check with, beside the build's own
# (Deploy/build-deps.sh). As root it installs what is missing; otherwise it prints what to install and goes on,
# and the tests that need a missing tool say so.
#   mandoc                       lints the man pages (ManPageTests)
#   icalendar, recurring-ical-events (PyPI)   read the iCalendar export independently (Tests/ICS)
#   exim4-daemon-light           a real MTA behind /usr/sbin/sendmail for the mail channel (TicklerNotifyTests)
#   msmtp                        a sendmail that submits over SMTP, for mail under the sandboxed unit (Tests/Notify)
#   systemd-journal-remote       writes journal files the notifier's process tests follow (TicklerNotifyTests)

tickler_ensure_test_deps() {
    local packages=()
    command -v mandoc >/dev/null 2>&1 || packages+=(mandoc)
    [ -x /usr/sbin/exim4 ] || packages+=(exim4-daemon-light)
    [ -x /usr/bin/msmtp ] || packages+=(msmtp)
    [ -x /lib/systemd/systemd-journal-remote ] || packages+=(systemd-journal-remote)
    if [ "${#packages[@]}" -gt 0 ]; then
        if [ "$(id -u)" -eq 0 ]; then
            echo "tickler: installing ${packages[*]}" >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" >/dev/null 2>&1 \
                || { apt-get update -q >/dev/null \
                    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" >/dev/null; }
        else
            echo "tickler: ${packages[*]} missing (apt-get install -y ${packages[*]}): the tests that need them are skipped" >&2
        fi
    fi
    if ! python3 -c 'import icalendar, recurring_ical_events' 2>/dev/null; then
        echo "tickler: installing Tests/ICS/requirements.txt" >&2
        python3 -m pip install --quiet --disable-pip-version-check -r Tests/ICS/requirements.txt >&2
    fi
}
