"""`salesd check-config --from DATE --days N` shows what happens around a DST change."""

import json


LONDON = {
    "version": 1, "timeZone": "Europe/London",
    "steps": [{"id": "connect", "name": "Connect"}],
    "actions": [{"id": "early", "step": "connect", "title": "Early bird call", "at": ["01:30", "09:30"]}],
}


def check_london(salesd, short_tmp, start, days, day):
    """`check-config --from start --days days` of LONDON: its listing, and the Early bird lines of `day`."""
    config = short_tmp / "london.json"
    config.write_text(json.dumps(LONDON))
    result = salesd("check-config", config, "--from", start, "--days", days)
    assert result.rc == 0, result.stderr
    return result, [line for line in result.stdout.splitlines() if day in line and "Early bird" in line]


def test_spring_forward_shows_the_shifted_reminder(salesd, short_tmp):
    """On 28 March 2027 London's 01:30 does not exist: it fires once at 02:00 BST (01:00Z), marked shifted."""
    result, march_28 = check_london(salesd, short_tmp, "2027-03-27", "3", "2027-03-28")
    assert len(march_28) == 2, result.stdout
    assert "02:00  +01:00  01:00Z" in march_28[0] and "shifted" in march_28[0], march_28[0]
    assert "09:30  +01:00  08:30Z" in march_28[1] and "shifted" not in march_28[1], march_28[1]
    # The day before is still GMT, the day after BST.
    assert any("2027-03-27 01:30  +00:00  01:30Z" in line for line in result.stdout.splitlines()), result.stdout
    assert any("2027-03-29 01:30  +01:00  00:30Z" in line for line in result.stdout.splitlines()), result.stdout


def test_fall_back_fires_the_doubled_time_once(salesd, short_tmp):
    """On 31 October 2027 London shows 01:30 twice: the reminder is listed once, at the first (BST) one."""
    result, lines = check_london(salesd, short_tmp, "2027-10-31", "1", "2027-10-31")
    assert len(lines) == 2, result.stdout
    assert "01:30  +01:00  00:30Z" in lines[0], lines[0]
    assert "09:30  +00:00  09:30Z" in lines[1], lines[1]
