"""Request and response models of billing's HTTP API (separate from the tables), one module per
resource.

- ``common``: what several share (amounts in fen, categories, SKUs, payment methods, ``MoneyIn``).
- ``price_lists``: the price list and its versions.
- ``contracts``: contracts, renewals, contract invoices and payments, planned visits.
- ``charges``: charges, their lines and payments, releases, corrections and credit notes.
- ``payments``: the payments ledger and reconciliations.
- ``invoices``: invoices.
- ``cash``: cash handovers, the cash report, remittances.
- ``refunds``: remedies, refund vouchers, the staff penalty ledger.
- ``campaigns``: free-service campaigns.
- ``settlements``: the month's statements and its close.
- ``reports``: the revenue report and class D admin work.
"""
