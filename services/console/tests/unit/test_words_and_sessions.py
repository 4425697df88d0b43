"""The console's words are all translated, and its session rules hold at their edges."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from console.domain.sessions import PERSONS, Person, csrf_matches, digest, safe_next
from console.i18n import pick, translations

ROOT = Path(__file__).resolve().parents[2]
METHODS = [("console/**.py", "python"), ("console/templates/**.html", "jinja2")]


def test_every_word_the_pages_show_has_its_chinese():
    found = {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(
            str(ROOT), METHODS, keywords={"_": None, "N_": None, "ngettext": (1, 2)}
        )
    }
    with (ROOT / "console/locale/zh_CN/LC_MESSAGES/messages.po").open("rb") as fh:
        catalog = read_po(fh, locale="zh_CN")
    untranslated = sorted(m for m in found if not (catalog.get(m) and catalog.get(m).string))
    assert found and untranslated == []  # `make console-messages`, then translate


def test_the_chinese_catalogue_is_read_and_english_is_the_source():
    assert translations("zh_CN").gettext("Offers") == "派单"
    assert translations("en").gettext("Offers") == "Offers"


@pytest.mark.parametrize(
    ("asked", "shown"),
    [("en", "en"), ("en-US", "en"), ("zh-CN", "zh_CN"), ("fr", "zh_CN"), (None, "zh_CN")],
)
def test_the_language_asked_for_or_the_default(asked, shown):
    assert pick(asked, "zh_CN") == shown


@pytest.mark.parametrize(
    ("target", "kept"),
    [
        ("/console/point/jobs?x=1", "/console/point/jobs?x=1"),
        ("https://elsewhere.example/console/", None),
        ("//elsewhere.example/console/", None),
        ("/v1/tickets", None),
        ("/console/link/abc", None),  # never back to a spent link
        (None, None),
    ],
)
def test_only_a_page_of_the_console_is_returned_to(target, kept):
    assert safe_next(target) == kept


def test_the_csrf_token_must_be_the_sessions():
    assert csrf_matches("abc", "abc")
    assert not csrf_matches("abc", "abd")
    assert not csrf_matches("abc", None)
    assert not csrf_matches("abc", "")


def test_a_session_is_kept_by_its_digest_and_each_person_lands_at_home():
    assert digest("x") != "x" and len(digest("x")) == 64
    assert {"point", "agent", "finance", "admin"} == PERSONS
    assert Person("s", "point", point_id="p").home == "/console/point/"
