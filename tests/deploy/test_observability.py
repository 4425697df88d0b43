"""deploy/'s alert rules and Grafana dashboard: every rule and panel query is valid PromQL
(parsed by promql-parser), the rules have what Prometheus requires of them, and every metric
they name is one the services export, so a renamed metric cannot leave an alert silently
watching nothing."""

import json
import re
from pathlib import Path

import promql_parser
import yaml
from prometheus_client import Counter, Gauge, Histogram

import aftersales.metrics as metrics

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
METRIC = re.compile(r"\b(aftersales_[a-z_]+)\b")
REQUIRED_ALERTS = {
    "AftersalesDeadLetters",
    "AftersalesOutboxBacklog",
    "AftersalesConsumerLag",
    "AftersalesHttp5xxRate",
    "AftersalesSlaBreachRate",
}


def exported() -> set[str]:
    """The series names the services' metrics produce."""
    names: set[str] = set()
    for value in vars(metrics).values():
        if isinstance(value, Counter):
            names |= {f"{value._name}_total", f"{value._name}_created"}
        elif isinstance(value, Histogram):
            names |= {f"{value._name}_{s}" for s in ("bucket", "sum", "count", "created")}
        elif isinstance(value, Gauge):
            names.add(value._name)
    return names


def check_query(expr: str) -> None:
    promql_parser.parse(expr)  # raises ValueError on anything Prometheus would refuse
    unknown = set(METRIC.findall(expr)) - exported()
    assert not unknown, f"{expr!r} names metrics no service exports: {unknown}"


def test_the_alert_rules_are_valid_and_watch_real_metrics():
    rules = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yaml").read_text())
    seen = set()
    for group in rules["groups"]:
        assert group["name"] and group["rules"]
        for rule in group["rules"]:
            assert set(rule) <= {"alert", "expr", "for", "labels", "annotations"}, rule
            assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", rule["alert"])
            assert re.fullmatch(r"\d+[smh]", rule["for"])
            assert rule["labels"]["severity"] in {"warning", "critical"}
            assert rule["annotations"]["summary"] and rule["annotations"]["description"]
            check_query(rule["expr"])
            seen.add(rule["alert"])
    assert seen >= REQUIRED_ALERTS


def test_a_query_with_a_typo_or_a_vanished_metric_is_caught():
    for broken in ("sum(rate(aftersales_http_requests_total[5m])", "aftersales_no_such_metric > 0"):
        try:
            check_query(broken)
        except (ValueError, AssertionError):
            continue
        raise AssertionError(f"{broken!r} passed")


def test_the_dashboard_queries_are_valid_and_cover_the_alerts():
    dashboard = json.loads((DEPLOY / "grafana" / "aftersales.json").read_text())
    assert dashboard["uid"] and dashboard["title"] == "aftersales"
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    assert len(exprs) >= 10
    for expr in exprs:
        check_query(expr)
    shown = set(METRIC.findall(" ".join(exprs)))
    for gauge in ("aftersales_dead_letters", "aftersales_outbox_oldest_unsent_seconds"):
        assert gauge in shown
    assert {"aftersales_consumer_pending", "aftersales_sla_breaches_total"} <= shown
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
