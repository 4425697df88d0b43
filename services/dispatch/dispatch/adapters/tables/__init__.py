"""dispatch's tables (schema ``dispatch``), one module per aggregate.

- ``base``: the ``metadata``, the declarative ``Base`` and the shared column types.
- ``catalog``: imports every module below, so that ``metadata`` holds every table (what
  ``main.py``, the migrations and their autogenerate check read).
- ``points``: network points and their capacity overrides.
- ``technicians``: a point's technicians.
- ``jobs``: jobs, their offers, history and signatures; remote tickets kept for a callback.
- ``timers``: the SLA timers.
- ``workshop``: repair cards, the receipt number sequence, the product's in/out log.
- ``fault_codes``: the fault code lists per category.
- ``parts``: the parts master and the warehouses.
- ``stock``: stock movements (the ledger) and stock levels.
- ``requisitions``: parts requisitions.
- ``returns``: defective part returns.
- ``parts_orders``: customers' parts orders.
- ``delivery``: the delivery bands (days by distance) a parts order's promise comes from.
"""
