"""The customer's signature on the voucher: an image (base64) or a reference to one."""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from aftersales.errors import Unprocessable

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


@dataclass(frozen=True)
class Signature:
    content_type: str | None
    image: bytes | None
    reference: str | None
    sha256: str


def _webp(raw: bytes) -> bool:
    return raw[:4] == b"RIFF" and raw[8:12] == b"WEBP"


def parse_signature(
    image_base64: str | None, reference: str | None, *, max_bytes: int
) -> Signature:
    if (image_base64 is None) == (reference is None):
        raise Unprocessable("A signature is either image_base64 or reference, not both or neither.")
    if reference is not None:
        return Signature(None, None, reference, hashlib.sha256(reference.encode()).hexdigest())
    assert image_base64 is not None
    if len(image_base64) > (max_bytes * 4) // 3 + 4:
        raise Unprocessable(f"The signature image is larger than {max_bytes} bytes.")
    try:
        raw = base64.b64decode(image_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Unprocessable("The signature image is not valid base64.") from exc
    if len(raw) > max_bytes:
        raise Unprocessable(f"The signature image is larger than {max_bytes} bytes.")
    content_type = next((ct for magic, ct in MAGIC if raw.startswith(magic)), None)
    if content_type is None and _webp(raw):
        content_type = "image/webp"
    if content_type is None:
        raise Unprocessable("The signature image must be a PNG, JPEG or WebP picture.")
    return Signature(content_type, raw, None, hashlib.sha256(raw).hexdigest())
