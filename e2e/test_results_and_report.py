"""Result kinds declared in the config, corrections, and money on its own axis in the report."""

import json

from cli_support import ctl_json, run_cli, two_action_plan


def test_results_are_the_plans_kinds_and_a_typo_is_refused_with_the_closest(make_daemon):
    """`result clinet` is refused with "did you mean client"; declared kinds are recorded; corrections work."""
    daemon = make_daemon(two_action_plan(results=[
        {"id": "client", "name": "Clients won", "unit": "count"},
        {"id": "fees", "name": "Fees", "unit": "CHF"}]))

    typo = daemon.ctl("result", "clinet")
    undeclared = daemon.ctl("result", "revenue", "100")
    fees = daemon.ctl("result", "fees", "12000")
    correction = daemon.ctl("result", "fees", "-500", "--note", "discount")

    assert typo.rc == 1 and 'did you mean "client"' in typo.stderr, typo.output
    assert "salesd ctl result client" in typo.stderr
    assert undeclared.rc == 1 and "client, fees" in undeclared.stderr, undeclared.output
    assert fees.rc == 0 and correction.rc == 0, (fees.output, correction.output)
    assert correction.stdout.strip() == "Recorded result: fees -500 CHF — discount"
    rc, week = ctl_json(daemon, "week")
    assert week["scoreboard"]["weeks"][-1]["results"] == [{"kind": "fees", "count": 2, "sum": 11500}]


def test_the_example_plan_tracks_the_readme_result_kinds(make_daemon):
    """With no config, `result client` and `result revenue 12000` (as the README writes them) are recorded."""
    daemon = make_daemon()

    client = daemon.ctl("result", "client", "--note", "Acme")
    revenue = daemon.ctl("result", "revenue", "12000", "--note", "Acme")

    assert client.rc == 0 and revenue.rc == 0, (client.output, revenue.output)


def test_a_broken_results_list_is_reported_with_paths(make_daemon, salesd, tmp_path):
    """check-config reports every problem of "results" with its JSON path, the value and a hint."""
    config = two_action_plan(results=[{"id": "deal", "name": "Deals", "unit": "euros"}, {"id": "deal", "name": "D", "unit": "count"}])
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(config))

    result = salesd("check-config", path)

    assert result.rc == 1, result.output
    assert 'results[0].unit: "euros" is not a unit' in result.output
    assert 'results[1].id: "deal" is already the id of results[0]' in result.output


def test_the_report_charts_money_on_its_own_axis(make_daemon, tmp_path):
    """`salesd report` puts revenue (EUR) on a chart of its own, and counts next to coverage."""
    daemon = make_daemon(two_action_plan())
    assert daemon.ctl("result", "revenue", "12000").rc == 0
    assert daemon.ctl("result", "client").rc == 0
    page = tmp_path / "report.html"

    result = run_cli(daemon, "report", "--html", str(page), "--weeks", "2")

    assert result.rc == 0, result.output
    html = page.read_text()
    coverage = html.split('<svg id="chart-coverage"')[1].split("</svg>")[0]
    money = html.split('<svg id="chart-money-eur"')[1].split("</svg>")[0]
    assert 'data-kind="client"' in coverage and 'data-kind="revenue"' not in coverage
    assert 'data-kind="revenue"' in money and "12000 EUR</text>" in money
