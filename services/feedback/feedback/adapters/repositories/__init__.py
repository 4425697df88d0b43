"""Queries of feedback's tables, one module per aggregate; use cases never build SQL themselves.

- ``scope``: what a caller may see (a point its own callbacks, a CRM its own tenant's complaints).
- ``contacts``: intake's tickets as feedback keeps them (whom to call back).
- ``parties``: who was offered, assigned or served a ticket's jobs (whom a complaint may name).
- ``callbacks``: the callbacks, their attempts, the queue (audit callbacks due first), and the
  callback side of a scorecard.
- ``complaints``: complaints, their deadlines, and the complaint side of a scorecard.
- ``staff``: the staff register (technicians projected from dispatch, the centre's staff).
- ``discipline``: staff strikes.
- ``rewards``: staff rewards per month.
- ``settings_audit``: the settings recorded in the audit trail at startup.
- ``sla``: dispatch's SLA breaches, per point and month.
- ``flags``: billing's review flags, per point, rule and month.
- ``gradings``: the grades given per month, and the locks between grading and counting.
- ``care``: care plans for key customers and their visits.
- ``reports``: the management's work records and the quality department's report.
"""
