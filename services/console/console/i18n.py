"""The console's languages: Chinese (zh-CN) by default, and English. The words are Babel
catalogues (``console/locale/<lang>/LC_MESSAGES/messages.po``, extracted from the templates
and the code by ``make console-messages``); the source strings are English. The catalogues
are read when the console starts, with no compile step."""

from __future__ import annotations

import io
from functools import cache
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LANGUAGES = ("zh_CN", "en")
# How a language is named in an HTML lang attribute and in the language switch.
TAGS = {"zh_CN": "zh-CN", "en": "en"}


@cache
def translations(language: str) -> NullTranslations:
    """The catalogue of ``language`` (English, the source, has none)."""
    if language == "en":
        return NullTranslations()
    path = resources.files("console") / "locale" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=language)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(buf)


def pick(asked: str | None, default: str) -> str:
    """The language to show: the one asked for when the console has it, else the default."""
    if asked:
        asked = asked.replace("-", "_")
        for lang in LANGUAGES:
            if asked.lower() == lang.lower() or asked.lower().split("_")[0] == lang.lower():
                return lang
    return default
