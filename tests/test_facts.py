"""The facts agree with the RFCs (see shared REFERENCE and the cited sections)."""

from __future__ import annotations

import pytest


def methods_where(data, prop, value=True):
    return {m["name"] for m in data["methods"] if m["properties"][prop]["value"] is value}


def method(data, name):
    return next(m for m in data["methods"] if m["name"] == name)


def codes(data, name):
    return [item["code"] for item in method(data, name)["success"]]


def test_safe_methods_are_get_head_options_trace_query(data):
    assert methods_where(data, "safe") == {"GET", "HEAD", "OPTIONS", "TRACE", "QUERY"}


def test_idempotent_methods_are_the_safe_ones_plus_put_and_delete(data):
    assert methods_where(data, "idempotent") == methods_where(data, "safe") | {"PUT", "DELETE"}


def test_only_get_and_post_can_be_sent_by_html_forms(data):
    assert methods_where(data, "html_forms") == {"GET", "POST"}


def test_cacheable_methods(data):
    assert methods_where(data, "cacheable") == {"GET", "HEAD", "QUERY"}
    for name in ("POST", "PATCH"):
        assert method(data, name)["properties"]["cacheable"]["condition"] == "content-location"
    assert method(data, "QUERY")["properties"]["cacheable"]["condition"] == "content-in-cache-key"


def test_patch_can_be_made_idempotent_with_if_match(data):
    idempotent = method(data, "PATCH")["properties"]["idempotent"]
    assert idempotent["value"] is False
    assert idempotent["condition"] == "if-match"


@pytest.mark.parametrize(
    ("name", "condition"),
    [
        ("GET", "no-defined-semantics"),
        ("HEAD", "no-defined-semantics"),
        ("DELETE", "no-defined-semantics"),
        ("TRACE", "forbidden"),
        ("CONNECT", "forbidden"),
        ("OPTIONS", "no-defined-use"),
        ("QUERY", "required"),
    ],
)
def test_request_content(data, name, condition):
    assert method(data, name)["properties"]["request_content"]["condition"] == condition


def test_head_and_connect_responses_have_no_content(data):
    assert methods_where(data, "response_content", False) == {"HEAD", "CONNECT"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("GET", [200, 206, 304]),  # the seed omitted 206 and 304
        ("POST", [201, 200, 202, 204, 303]),  # the seed said only 200
        ("PUT", [200, 201, 204]),  # 201 on create, 200 or 204 on replace
        ("PATCH", [200, 204]),
        ("DELETE", [204, 200, 202]),  # the seed said only 200
        ("QUERY", [200, 303]),
        ("CONNECT", [200]),
    ],
)
def test_success_codes(data, name, expected):
    assert codes(data, name) == expected


def test_patch_is_flagged_as_missing_from_some_modules(data):
    assert method(data, "PATCH")["notes"] == ["not-in-all-modules"]


def test_each_method_cites_its_defining_section(data):
    defined = {m["name"]: m["defined_in"] for m in data["methods"]}
    assert defined == {
        "GET": "RFC 9110 §9.3.1",
        "HEAD": "RFC 9110 §9.3.2",
        "POST": "RFC 9110 §9.3.3",
        "PUT": "RFC 9110 §9.3.4",
        "DELETE": "RFC 9110 §9.3.5",
        "CONNECT": "RFC 9110 §9.3.6",
        "OPTIONS": "RFC 9110 §9.3.7",
        "TRACE": "RFC 9110 §9.3.8",
        "PATCH": "RFC 5789 §2",
        "QUERY": "RFC 10008 §2",
    }


def test_examples_use_a_listed_success_code(data):
    for m in data["methods"]:
        status = int(m["example"]["response"].split()[1])
        assert status in codes(data, m["name"]), m["name"]


def test_response_content_is_optional_wherever_204_is_a_success(data):
    # 204 No Content is a success, so content cannot be an unconditional yes (POST was, before review).
    for m in data["methods"]:
        fact = m["properties"]["response_content"]
        if 204 in codes(data, m["name"]):
            assert fact["value"] is True and fact.get("condition") == "optional", m["name"]
    assert {m["name"] for m in data["methods"] if 204 in codes(data, m["name"])} == {
        "POST",
        "PUT",
        "PATCH",
        "DELETE",
        "OPTIONS",
    }


def test_query_request_content_cites_the_must_in_section_2(data):
    # RFC 10008 §2: "Servers MUST fail the request if the Content-Type request field is missing".
    assert method(data, "QUERY")["properties"]["request_content"]["source"] == "RFC 10008 §2"


def test_the_texts_cite_the_sections_they_rely_on(data):
    references = {m["name"]: set(m["references"]) for m in data["methods"]}
    assert {"RFC 7396 §2", "RFC 6902 §4.1", "RFC 6902 §4.6", "RFC 5789 §3.1"} <= references["PATCH"]
    assert {"RFC 10008 §2.3", "RFC 10008 §2.4", "RFC 10008 §2.5", "RFC 10008 §3", "RFC 10008 §4"} <= references["QUERY"]
    assert {"RFC 9110 §15.4.2", "RFC 9110 §15.4.3"} <= references["POST"]
    assert {"RFC 9110 §7.6.3"} <= references["TRACE"]


def test_trace_example_goes_through_a_gateway(data):
    # An origin-form request reaches a gateway, not a proxy (RFC 9112 §3.2.1, §3.2.2); the
    # gateway adds its Via entry to the request it forwards (RFC 9110 §7.6.3).
    example = method(data, "TRACE")["example"]
    assert example["request"].startswith("TRACE /")
    assert "Via: 1.1 gateway." in example["response"]
