from aftersales.migrations import run_env
from billing.adapters.tables.schema import metadata

run_env(metadata)
