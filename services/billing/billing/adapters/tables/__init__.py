"""billing's tables (schema ``billing``), one module per aggregate.

- ``base``: the schema's ``metadata`` and the declarative ``Base``.
- ``schema``: every table at once (what the app and the migrations read ``metadata`` from).
- ``facts``: the other services' aggregates as billing keeps them (tickets, products, completed
  jobs, points, callbacks, grades, graded months).
- ``price_lists``: the price list's versions.
- ``contracts``: contracts, their products, invoices, payments and planned visits.
- ``campaigns``: free-service campaigns.
- ``charges``: charges and their lines.
- ``payments``: payments of charges and reconciliations.
- ``cash``: cash handovers and partner remittances.
- ``documents``: invoices, credit notes, document counters.
- ``remedies``: refund vouchers and replacements.
- ``admin_work``: class D work.
- ``settlements``: deductions, staff penalties, closed months, settlements.
- ``parts_orders``: customers' parts orders.
- ``reviews``: claims review: flags, and the summaries the rules weigh a job against.
"""
