#!/bin/bash
# Runs inside the booted Debian root with GNOME Shell (systemd-nspawn -b): installs salesd's
# package, starts GNOME Shell headless as a new user's service (its session bus and logind are
# the booted root's own), lets salesd fire one reminder at it, and asks GNOME Shell what it
# shows. Leaves OUT/NAME.out and OUT/NAME.rc per step, OUT/finished at the end; powers off.
set -u
source "$(dirname "$0")/inside_steps.sh"

# GNOME Shell's own JavaScript (it runs with --unsafe-mode), printed by gdbus as (ok, 'result').
shell_eval() {
    as_person gdbus call --session --dest org.gnome.Shell --object-path /org/gnome/Shell \
        --method org.gnome.Shell.Eval "$1"
}

step apt-install env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /salesd-test/salesd_*.deb
# See deb_inside.sh: nspawn's FIFO /proc/kmsg.
if [ "$(stat -c %F /proc/kmsg)" = fifo ]; then
    mkdir -p /etc/systemd/user/salesd.service.d
    printf '[Service]\nProtectKernelLogs=no\n' >/etc/systemd/user/salesd.service.d/nspawn-kmsg.conf
fi
useradd --create-home --shell /bin/bash "$PERSON"
uid=$(id -u "$PERSON")
loginctl enable-linger "$PERSON"
for _ in $(seq 100); do
    [ -S "/run/user/$uid/bus" ] && break
    sleep 0.1
done

step shell-start as_person systemd-run --user --unit=gnome-shell-headless gnome-shell --headless --unsafe-mode \
    --virtual-monitor 1024x768
for _ in $(seq 60); do
    as_person busctl --user status org.gnome.Shell >/dev/null 2>&1 && break
    sleep 0.5
done
# The shell's own notices (no screen lock without GDM) would stand in front of salesd's banner.
sleep 2
shell_eval 'Main.messageTray.getSources().forEach(s => s.destroy()); "cleared"'
at=$(date -u -d '+15 seconds' +%H:%M:%S)
mkdir -p "/home/$PERSON/.config/salesd"
cat >"/home/$PERSON/.config/salesd/config.json" <<JSON
{"version": 1, "timeZone": "UTC", "steps": [{"id": "connect", "name": "Connect"}],
 "actions": [{"id": "calls", "step": "connect", "title": "Send connection requests", "target": 5,
              "days": ["daily"], "at": "$at"}]}
JSON
chown -R "$PERSON:" "/home/$PERSON/.config"
step enable as_person systemctl --user enable --now salesd.socket
# GNOME Shell's notification service owns its name a moment before it serves its object: salesd,
# started now, meets that moment.
for _ in $(seq 60); do
    step server-info as_person busctl --user call org.freedesktop.Notifications /org/freedesktop/Notifications \
        org.freedesktop.Notifications GetServerInformation
    [ "$(cat "$OUT/server-info.rc")" = 0 ] && break
    sleep 0.5
done
for _ in $(seq 40); do
    step status as_person salesd ctl status --json
    grep -q '"available" : true' "$OUT/status.out" && break
    sleep 0.5
done
for _ in $(seq 60); do
    journalctl -q -o cat _SYSTEMD_USER_UNIT=salesd.service SALESD_EVENT=reminder | grep -q . && break
    sleep 0.5
done
# What GNOME Shell's message tray holds from salesd: title, body and the buttons it was given.
query='JSON.stringify(Main.messageTray.getSources().flatMap(s => s.notifications)
    .filter(n => n.title === "Send connection requests")
    .map(n => ({title: n.title, body: n.bannerBodyText, actions: (n.actions || []).map(a => a.label)})))'
for _ in $(seq 30); do
    step shown shell_eval "$query"
    grep -q 'Send connection requests' "$OUT/shown.out" && break
    sleep 0.5
done
# Wait for salesd's banner on screen.
for _ in $(seq 60); do
    shell_eval 'Main.messageTray._banner?.notification?.title ?? ""' | grep -q 'Send connection requests' && break
    sleep 0.5
done
sleep 0.5
step screenshot as_person gdbus call --session --dest org.gnome.Shell.Screenshot \
    --object-path /org/gnome/Shell/Screenshot --method org.gnome.Shell.Screenshot.Screenshot false false \
    /tmp/gnome-shell.png
cp /tmp/gnome-shell.png /salesd-test/gnome-shell.png 2>/dev/null
step journal journalctl --no-pager -o cat _SYSTEMD_USER_UNIT=salesd.service
touch "$OUT/finished"
systemctl --no-block poweroff
