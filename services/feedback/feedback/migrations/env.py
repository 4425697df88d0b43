from aftersales.migrations import run_env
from feedback.adapters import visit_tables  # noqa: F401  (its tables join the metadata)
from feedback.adapters.tables import metadata

run_env(metadata)
