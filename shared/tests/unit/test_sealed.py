"""Secrets at rest: sealed with the newest key, opened with any, rotated by resealing."""

import pytest
from cryptography.fernet import InvalidToken

from aftersales.sealed import PREFIX, SecretBox


def test_a_key_is_rotated_by_putting_a_new_one_in_front_and_resealing():
    old, new = SecretBox.new_key(), SecretBox.new_key()
    stored = SecretBox([old]).seal("whsec_abc")
    assert stored.startswith(PREFIX) and "whsec_abc" not in stored
    both = SecretBox([new, old])
    assert both.open(stored) == "whsec_abc" and not both.is_current(stored)
    resealed = both.reseal(stored)
    assert both.is_current(resealed)
    assert SecretBox([new]).open(resealed) == "whsec_abc"
    with pytest.raises(InvalidToken):
        SecretBox([new]).open(stored)  # the old key was dropped before resealing this one


def test_a_secret_stored_before_sealing_is_read_as_it_is_and_sealed_next():
    box = SecretBox([SecretBox.new_key()])
    assert box.open("whsec_plain") == "whsec_plain" and not box.is_current("whsec_plain")
    assert box.open(box.reseal("whsec_plain")) == "whsec_plain"
