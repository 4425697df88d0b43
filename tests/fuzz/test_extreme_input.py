"""The shapes generated input rarely reaches: ETags of thousands of digits, years 0001 and 9999.
Each is a 4xx problem that changes nothing, never a 500."""

import uuid

import httpx
import pytest

LONG_ETAG = '"' + "9" * 5000 + '"'


@pytest.fixture(scope="module")
def clients(process_stack):
    admin = process_stack.auth("admin")
    return {
        name: httpx.Client(base_url=process_stack.url(name), headers=admin, timeout=30)
        for name in ("intake", "dispatch", "billing", "feedback")
    }


def problem(r: httpx.Response, *statuses: int) -> dict:
    assert r.status_code in statuses, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json")
    return r.json()


def test_an_etag_of_thousands_of_digits_is_a_precondition_failure(clients):
    intake, dispatch = clients["intake"], clients["dispatch"]
    customer = intake.post(
        "/v1/customers",
        json={
            "name": "Extreme",
            "phone": "13900009999",
            "address": {"region": "110105", "city": "Beijing", "line": "1 Road"},
        },
    ).json()
    long = {"If-Match": LONG_ETAG}
    r = intake.patch(f"/v1/customers/{customer['id']}", json={"name": "X"}, headers=long)
    problem(r, 412)
    assert intake.get(f"/v1/customers/{customer['id']}").json()["name"] == "Extreme"
    catalogue = intake.get("/v1/service-catalogue").json()
    body = {k: v for k, v in catalogue.items() if k not in ("version",)}
    problem(intake.put("/v1/service-catalogue", json=body, headers=long), 412, 422)
    point = dispatch.post(
        "/v1/points",
        json={
            "code": f"X-{uuid.uuid4().hex[:6]}",
            "name": "X",
            "regions": ["110105"],
            "categories": ["fridge"],
            "daily_capacity": 1,
            "is_partner": False,
        },
    ).json()
    r = dispatch.patch(f"/v1/points/{point['id']}", json={"name": "Y"}, headers=long)
    problem(r, 412)
    assert dispatch.get(f"/v1/points/{point['id']}").json()["name"] == "X"


def test_years_no_business_means_are_refused(clients):
    intake, dispatch, billing = clients["intake"], clients["dispatch"], clients["billing"]
    customer = intake.post(
        "/v1/customers",
        json={
            "name": "Old",
            "phone": "13900009998",
            "address": {"region": "110105", "city": "Beijing", "line": "1 Road"},
        },
    ).json()
    product = {
        "category": "fridge",
        "model": "M",
        "serial_no": "S-0001",
        "purchased_on": "0001-01-01",
        "warranty_months": 0,
    }
    r = intake.post(f"/v1/customers/{customer['id']}/products", json=product)
    assert "purchased_on" in problem(r, 422)["detail"]
    point_id = uuid.uuid4()
    r = dispatch.get(f"/v1/points/{point_id}/capacity", params={"from": "9999-12-31"})
    problem(r, 404, 422)
    points = dispatch.get("/v1/points").json()["items"]
    if points:
        r = dispatch.get(f"/v1/points/{points[0]['id']}/capacity", params={"from": "9999-12-31"})
        problem(r, 422)
    problem(billing.post("/v1/settlements/0000-01/close"), 422)
    problem(billing.get("/v1/settlements", params={"month": "0000-01"}), 422)
