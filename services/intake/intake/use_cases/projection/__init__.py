"""The ticket follows what dispatch, billing and feedback report (the status projection), one
module per aggregate reported on.

Every event lands on the timeline. Status, assignment, charge and callback change only as
``intake.domain.lifecycle`` allows, and a job's fields only from a newer version of that job, so
duplicates and reordered events never move a ticket backwards or twice.

- ``timeline``: the ticket an event concerns, and the event on its timeline (every handler's
  first step); events that are history only.
- ``jobs``: dispatch's jobs: status, assignment, the booking that answers a visit ticket, SLA
  breaches.
- ``charges``: billing's charge summary.
- ``callbacks``: feedback's callbacks: closed, reopened, or ended unreachable.
- ``complaints``: feedback's complaints, for a complaint ticket.
"""
