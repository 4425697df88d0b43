"""Queries of billing's tables, one module per aggregate; use cases never build SQL themselves.

- ``scope``: what a caller may see (a point its own charges, a technician its jobs').
- ``locks``: the keys of the advisory locks (a month, a ticket).
- ``months``: settlement months: locks, closed and graded months.
- ``facts``: the other services' facts (tickets, completed jobs, points, callbacks, grades) and
  what comes off a point's settlement (deductions, staff penalties).
- ``price_lists``: the price list's versions.
- ``contracts``: contracts, their products, invoices, payments and planned visits.
- ``charges``: charges, their lines and payments, listing and sync, the same-day invoices due.
- ``documents``: invoices, credit notes, gapless numbers.
- ``settlements``: closed months' frozen statements.
- ``remedies``: refund vouchers and replacements.
- ``admin_work``: class D work.
- ``campaigns``: free-service campaigns.
- ``cash``: cash taken on site, handovers, remittances, what a close nets.
- ``payments``: payments as finance reconciles them, and those a close deducts.
- ``taken_at_close``: the payments a month's close takes, each in one month only.
"""
