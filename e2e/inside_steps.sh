# Sourced by deb_inside.sh and gnome_inside.sh, which boot_with (test_deb.py) copies into
# /salesd-test with it: where the steps leave their results, how one is recorded, and how a
# command runs as the test's person.
OUT=/salesd-test/out
PERSON=alice
mkdir -p "$OUT"

step() {
    local name=$1
    shift
    "$@" >"$OUT/$name.out" 2>&1
    echo $? >"$OUT/$name.rc"
}

# Needs $uid, the person's uid, set once the person exists.
as_person() {
    runuser -u "$PERSON" -- env HOME="/home/$PERSON" XDG_RUNTIME_DIR="/run/user/$uid" \
        DBUS_SESSION_BUS_ADDRESS="unix:path=/run/user/$uid/bus" PATH=/usr/bin:/bin "$@"
}
