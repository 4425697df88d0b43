"""The audit sample: which completed jobs' callbacks must ask whether someone came.

A share of each point's completed jobs (``FEEDBACK_AUDIT_SHARE``, 2 % by default) is drawn,
and never fewer than one a month for a point with any job: the first completed job of a point
in a month (the network's months, as grading counts them) is always drawn. The others are drawn
by their job id alone (a hash of it below the share), so a job heard of twice is drawn alike,
by every replica, whatever order the jobs arrive in.
"""

from __future__ import annotations

import hashlib
import uuid
from fractions import Fraction

__all__ = ["draw_of", "drawn_for_audit"]

_SPAN = 2**64


def draw_of(job_id: uuid.UUID) -> Fraction:
    """Where the job falls in [0, 1): the first 8 bytes of the SHA-256 of its id."""
    digest = hashlib.sha256(b"aftersales-audit-sample:" + job_id.bytes).digest()
    return Fraction(int.from_bytes(digest[:8], "big"), _SPAN)


def drawn_for_audit(job_id: uuid.UUID, share: Fraction, *, first_of_month: bool) -> bool:
    """Whether the job is in the audit sample: the point's first job of the month always; any
    other when its draw falls below ``share`` (0: none; 1: every job)."""
    if first_of_month:
        return True
    return draw_of(job_id) < share
