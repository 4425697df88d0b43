"""An example for every request and response schema of the OpenAPI document.

A schema's own example wins (a model's ``json_schema_extra`` or its fields' ``examples``);
otherwise one is built from the schema: field examples, defaults, the first enum value, and
typical values per format. ``tests/architecture/test_openapi.py`` checks each against its
schema, so an example never shows what the API would refuse.
"""

from __future__ import annotations

import re
from typing import Any

MAX_DEPTH = 12
UUID = "0b8f7c52-6a1e-4c3d-9f10-2a4b5c6d7e8f"
# Values for string patterns the suite's schemas use, where a generic string would not match.
PATTERN_EXAMPLES = {
    r"^\d{6}$": "310115",
    r"^\d{4}-\d{2}$": "2026-12",
}
FORMATS = {
    "uuid": UUID,
    "date-time": "2026-12-03T09:30:00+08:00",
    "date": "2026-12-03",
    "email": "wang.fang@example.com",
    "uri": "https://crm.example.com/hooks/aftersales",
    "time": "09:30:00",
    "duration": "P1D",
}


def add_examples(document: dict[str, Any]) -> None:
    """Put ``examples`` on every object schema of ``components`` that has none."""
    components = document.get("components", {}).get("schemas", {})
    for schema in components.values():
        if "examples" in schema or "example" in schema:
            continue
        if schema.get("type") == "object" or "properties" in schema:
            schema["examples"] = [example_of(schema, components)]


def example_of(schema: dict[str, Any], components: dict[str, Any], depth: int = 0) -> Any:
    if "$ref" in schema:
        target = components[schema["$ref"].rsplit("/", 1)[-1]]
        return example_of(target, components, depth + 1)
    for key in ("examples", "example"):
        if key in schema:
            value = schema[key]
            return value[0] if key == "examples" and isinstance(value, list) and value else value
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    default = schema.get("default")
    if default is not None and not (
        default in ({}, []) and (schema.get("minProperties") or schema.get("minItems"))
    ):
        return default
    for key in ("anyOf", "oneOf"):
        if key in schema:
            variants = [v for v in schema[key] if v.get("type") != "null"]
            return example_of(variants[0], components, depth) if variants else None
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            value = example_of(part, components, depth)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > MAX_DEPTH:
            return {}
        out = {
            name: example_of(prop, components, depth + 1)
            for name, prop in schema.get("properties", {}).items()
        }
        extra = schema.get("additionalProperties")
        if not isinstance(extra, dict):
            extra = next(iter(schema.get("patternProperties", {}).values()), None)
        if not out and isinstance(extra, dict):  # a map: one entry
            names = schema.get("propertyNames", {})
            # A map's key: the category most examples are about, unless its names are listed.
            key = example_of(names, components, depth) if "enum" in names else "air_conditioner"
            out = {str(key): example_of(extra, components, depth + 1)}
        return out
    if kind == "array":
        if depth > MAX_DEPTH:
            return []
        item = example_of(schema.get("items", {}), components, depth + 1)
        return [item] * max(1, schema.get("minItems", 1))
    if kind == "string":
        return _string(schema)
    if kind == "integer":
        return int(_number(schema))
    if kind == "number":
        return _number(schema)
    if kind == "boolean":
        return True
    return None


def _string(schema: dict[str, Any]) -> str:
    if schema.get("format") in FORMATS:
        return FORMATS[schema["format"]]
    pattern = schema.get("pattern")
    if pattern is not None:
        if pattern in PATTERN_EXAMPLES:
            return PATTERN_EXAMPLES[pattern]
        for candidate in ("example", "EXAMPLE-1", "A1", "2026-12", "310115"):
            if re.search(pattern, candidate):
                return candidate
    text = schema.get("title", "example").lower().replace(" ", "-") or "example"
    low, high = schema.get("minLength", 1), schema.get("maxLength", 60)
    text = (text * (1 + low // max(1, len(text))))[: max(low, min(len(text), high))]
    return text


def _number(schema: dict[str, Any]) -> float:
    value = 1.0
    if "minimum" in schema:
        value = max(value, schema["minimum"])
    if "exclusiveMinimum" in schema:
        value = max(value, schema["exclusiveMinimum"] + 1)
    if "maximum" in schema:
        value = min(value, schema["maximum"])
    if "exclusiveMaximum" in schema:
        value = min(value, schema["exclusiveMaximum"] - 1)
    return value
