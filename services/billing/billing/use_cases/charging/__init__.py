"""Charging: every completed job gets exactly one charge, under the right class and the prices in
force when it was completed.

- ``completed_jobs``: a completed job recorded and charged once (at once, when its ticket's facts
  arrive, or by the sweeper once a price list exists), a late report's charge held.
- ``drafts``: a job priced on one basis (the reported times or the received ones).
- ``rework``: the rework of a point's own unfixed job is not paid again.
- ``issuing``: a charge issued with its lines, in its settlement month, and announced.
- ``remote``: a phone solution's free class C charge.
"""
