"""Request and response models of dispatch's HTTP API (separate from the tables), one module
per resource.

- ``common``: region codes, categories, SKUs, the base of a PATCH.
- ``points``: network points, capacity overrides, the capacity calendar.
- ``technicians``: a point's technicians.
- ``jobs``: jobs, the commands on them (route, reject, assign, pause), offers, history, SLA.
- ``reports``: a status report (signature, parts, exclusion, delay cause).
- ``field``: a technician's day and a batch of queued reports.
- ``workshop``: repair cards and a point's in/out register.
- ``parts``: the parts master.
- ``stock``: warehouses, stock levels and movements.
- ``requisitions``: parts requisitions (and ``ShipIn``, a shipment from a warehouse).
- ``returns``: defective part returns.
- ``parts_orders``: customers' parts orders.
- ``parts_reports``: the parts reports' rows.
- ``board``: a job's next clock, and the counts of the open jobs.
"""
