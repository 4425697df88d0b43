"""The aftersales platform kit shared by the intake, dispatch, billing and feedback services."""
