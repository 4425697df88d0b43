from aftersales.migrations import run_env
from dispatch.adapters.tables.catalog import metadata

run_env(metadata)
