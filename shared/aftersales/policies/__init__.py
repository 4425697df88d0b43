"""Policies approved and dated (section 1.5: a rule takes effect once it is approved).

One store for the four services: each keeps the figures it decides by (grace periods, rates,
weights, thresholds) as named, typed policies with versions in its own schema
(``policies``, ``policy_versions``: platform tables). Each version has its value, the moment it
is meant to hold from (``effective_from``), who proposed it, who approved it and when; it is in
force from the later of its ``effective_from`` and its approval, never backwards. A decision
reads the version in force at its fact's time, so a change never alters one already taken.

- ``domain``: the rules (types, the two-person rule, which version is in force when);
- ``catalogue``: every service's policies, their types and the setting that gives version 1;
- ``store``: the tables' reads and writes, the values a decision reads, the bootstrap;
- ``routes``: ``/v1/policies`` on every service (docs/policies.md).
"""

from aftersales.policies.catalogue import CATALOGUE, policies_of
from aftersales.policies.domain import PolicySpec
from aftersales.policies.store import bootstrap, values_at

__all__ = ["CATALOGUE", "PolicySpec", "bootstrap", "policies_of", "values_at"]
