"""Secrets kept at rest (webhook and notification signing secrets), sealed with Fernet.

The keys come from settings, newest first: the first seals, every one of them opens, so a key
is rotated by putting a new one in front and, once ``reseal`` has run (each service does at
start), dropping the old one. A value stored before sealing existed (no ``enc:v1:`` prefix) is
read as it is and sealed by the next ``reseal``.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

PREFIX = "enc:v1:"


class SecretBox:
    def __init__(self, keys: list[str]) -> None:
        if not keys:
            raise ValueError("a SecretBox needs at least one key")
        self._primary = Fernet(keys[0].encode())
        self._all = MultiFernet([Fernet(k.encode()) for k in keys])

    @staticmethod
    def new_key() -> str:
        return Fernet.generate_key().decode()

    @staticmethod
    def development_key(seed: str) -> str:
        """A key derived from another development secret (never used in production)."""
        return base64.urlsafe_b64encode(hashlib.sha256(seed.encode()).digest()).decode()

    def seal(self, plain: str) -> str:
        return PREFIX + self._primary.encrypt(plain.encode()).decode()

    def open(self, stored: str) -> str:
        if not stored.startswith(PREFIX):
            return stored
        return self._all.decrypt(stored.removeprefix(PREFIX).encode()).decode()

    def is_current(self, stored: str) -> bool:
        """Sealed with the newest key."""
        if not stored.startswith(PREFIX):
            return False
        try:
            self._primary.decrypt(stored.removeprefix(PREFIX).encode())
        except InvalidToken:
            return False
        return True

    def reseal(self, stored: str) -> str:
        return self.seal(self.open(stored))


__all__ = ["PREFIX", "SecretBox"]
