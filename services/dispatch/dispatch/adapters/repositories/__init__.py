"""Queries of dispatch's tables, one module per aggregate; use cases never build SQL themselves.

- ``scope``: what a caller may see (``Scope``: a point its own, a technician its own jobs).
- ``points``: network points, routing candidates, capacity and its overrides.
- ``technicians``: a point's technicians.
- ``jobs``: jobs (filters, pages and the sync cursor), offers, history, signatures, repair cards.
- ``board``: a job's next clock in SQL, the open jobs by it, the counts per status and clock.
- ``timers``: the SLA timers (due ones claimed with ``SKIP LOCKED``; settle, pause, resume).
- ``fault_codes``: the fault code lists per category.
- ``workshop``: a point's product in/out register.
- ``stock``: stock levels and movements.
"""
