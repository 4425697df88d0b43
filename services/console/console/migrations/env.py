from aftersales.migrations import run_env
from console.adapters.tables import metadata

run_env(metadata)
