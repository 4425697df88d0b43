from aftersales.migrations import run_env
from feedback.adapters.tables import metadata

run_env(metadata)
