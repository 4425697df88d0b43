"""Request and response models of intake's HTTP API (separate from the tables), one module per
resource.

- ``common``: addresses, money, time windows.
- ``customers``: customers and their products (service vouchers).
- ``tickets``: tickets, their timeline, and the commands on them (respond, pause, the sample,
  the agreed slot, cancel, resolve remotely, the 三包 remedy).
- ``catalogue``: the service catalogue.
- ``reports``: the information centre's own record.
- ``board``: the supervisor's board: a ticket's next clock, the counts of the open tickets.
"""
