"""What integrators read in /docs: every operation described and authorised by a bearer token,
every request and response schema with an example that its own schema accepts."""

import jsonschema
import pytest

from aftersales_dev.origin import service_paths


@pytest.mark.parametrize("service", ["intake", "dispatch", "billing", "feedback"])
def test_every_operation_has_a_description_and_every_schema_a_valid_example(service):
    spec = service_paths()[service]
    undescribed = [
        f"{method.upper()} {path}"
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if not op.get("description", "").strip()
    ]
    assert undescribed == []
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["type"] == "http"
    schemas = spec["components"]["schemas"]
    for name, schema in schemas.items():
        if schema.get("type") != "object" and "properties" not in schema:
            continue
        assert schema.get("examples"), f"{name} has no example"
        document = {**schema, "components": {"schemas": schemas}}
        for example in schema["examples"]:
            jsonschema.validate(example, document, cls=jsonschema.Draft202012Validator)


def test_the_integrators_main_requests_show_real_examples():
    schemas = service_paths()["intake"]["components"]["schemas"]
    [ticket] = schemas["TicketIn"]["examples"]
    assert ticket["kind"] == "repair" and ticket["preferred_window"]["start"]
    [hook] = schemas["WebhookIn"]["examples"]
    assert hook["url"].startswith("https://")
