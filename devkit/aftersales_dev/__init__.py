"""The developers' kit: what only a developer runs, never a service's image.

- ``devstack``: the local stack behind ``make run`` (embedded PostgreSQL and NATS, the services
  as supervised processes) and the demo;
- ``cli``: the developers' commands, which ``aftersales`` adds where this kit is installed
  (``up``, ``token``, ``demo``, ``origin``, ``compose-env``);
- ``origin``: the edge's routing and the merged OpenAPI document, generated from the services.
"""
