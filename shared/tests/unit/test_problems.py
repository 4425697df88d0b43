PROBLEM = "application/problem+json"


def assert_problem(r, status):
    assert r.status_code == status
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["status"] == status
    assert body["type"].startswith("https://")
    assert body["title"]
    return body


async def test_validation_error_is_a_problem_with_field_errors(kit):
    r = await kit.client.post("/v1/echo", json={"text": 5, "extra": 1}, headers=kit.auth())
    body = assert_problem(r, 422)
    locs = {tuple(e["loc"]) for e in body["errors"]}
    assert ("body", "text") in locs and ("body", "extra") in locs


async def test_malformed_json_is_a_problem(kit):
    r = await kit.client.post(
        "/v1/echo", content=b"{not json", headers={**kit.auth(), "content-type": "application/json"}
    )
    assert_problem(r, 422)


async def test_unknown_path_is_404_problem(kit):
    body = assert_problem(await kit.client.get("/v1/nothing-here"), 404)
    assert "/v1/nothing-here" in body["detail"]


async def test_wrong_method_is_405_problem(kit):
    body = assert_problem(await kit.client.delete("/v1/echo"), 405)
    assert "DELETE" in body["detail"]


async def test_body_over_one_mebibyte_is_413_by_length(kit):
    big = b'{"text": "' + b"a" * (1024 * 1024) + b'"}'
    r = await kit.client.post(
        "/v1/echo", content=big, headers={**kit.auth(), "content-type": "application/json"}
    )
    assert_problem(r, 413)


async def test_chunked_body_over_the_limit_is_413(kit):
    async def chunks():
        yield b'{"text": "'
        for _ in range(20):
            yield b"a" * (64 * 1024)
        yield b'"}'

    r = await kit.client.post(
        "/v1/echo", content=chunks(), headers={**kit.auth(), "content-type": "application/json"}
    )
    assert_problem(r, 413)


async def test_unhandled_error_is_500_problem_without_internals(kit):
    r = await kit.client.get("/v1/boom")
    body = assert_problem(r, 500)
    assert "hunter2" not in r.text and "Traceback" not in r.text
    assert body["request_id"] == r.headers["x-request-id"]


async def test_request_id_is_echoed(kit):
    r = await kit.client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert r.status_code == 200
    assert r.headers["x-request-id"] == "abc-123"


async def test_extensions_never_replace_the_standard_members(kit):
    r = await kit.client.get("/v1/conflict")
    body = assert_problem(r, 409)
    assert body["type"].endswith("/conflict") and body["existing_id"] == "42"
