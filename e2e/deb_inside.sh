#!/bin/bash
# Runs inside the booted clean Debian root (systemd-nspawn -b), as its boot's last unit:
# installs the package with apt, then uses salesd as a person would, as a new user under
# that user's own `systemd --user`. Each step leaves OUT/NAME.out and OUT/NAME.rc for the test;
# OUT/finished says the script got to the end. Then the machine powers off.
set -u
source "$(dirname "$0")/inside_steps.sh"
DEB=$(ls /salesd-test/salesd_*.deb)

step swift-absent sh -c '! command -v swift && ! ls /usr/lib/swift /usr/share/swift 2>/dev/null'
step apt-install env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$DEB"
step dpkg-status dpkg-query -W -f='${Status} ${Version}\n' salesd
step version salesd --version
step check-config salesd check-config
step files dpkg -L salesd

# systemd-nspawn puts a FIFO over /proc/kmsg (the container's kernel log). With the unit's
# ProcSubset=pid the service's own /proc has no kmsg, and systemd 252 then fails to mask that
# FIFO for ProtectKernelLogs= ("Failed at step NAMESPACE"). A machine booted for real has the
# kernel's own /proc/kmsg, which it masks as the unit asks; only inside nspawn is it turned off.
step kmsg stat -c %F /proc/kmsg
if [ "$(stat -c %F /proc/kmsg)" = fifo ]; then
    mkdir -p /etc/systemd/user/salesd.service.d
    printf '[Service]\nProtectKernelLogs=no\n' >/etc/systemd/user/salesd.service.d/nspawn-kmsg.conf
fi

useradd --create-home --shell /bin/bash "$PERSON"
uid=$(id -u "$PERSON")
# A login would start the user's manager through logind; lingering does the same without one.
step linger loginctl enable-linger "$PERSON"
for _ in $(seq 100); do
    [ -S "/run/user/$uid/systemd/private" ] && break
    sleep 0.1
done
# The manager finishes starting its default target a moment later (longer on a loaded machine).
for _ in $(seq 300); do
    case "$(as_person systemctl --user show -p SystemState --value 2>/dev/null)" in
        initializing | starting | "") sleep 0.1 ;;
        *) break ;;
    esac
done
step user-manager as_person systemctl --user show -p SystemState --value
step enable as_person systemctl --user enable --now salesd.socket
step ctl-status as_person salesd ctl status
step service-state as_person systemctl --user show -p ActiveState -p SubState -p TriggeredBy -p ExecStart salesd.service
step journal journalctl --no-pager -o cat _SYSTEMD_USER_UNIT=salesd.service
touch "$OUT/finished"
systemctl --no-block poweroff
