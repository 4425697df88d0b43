from aftersales.migrations import run_env
from intake.adapters.tables import metadata

run_env(metadata)
