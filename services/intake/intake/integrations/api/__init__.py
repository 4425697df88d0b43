"""The webhook routes (``routes``), their request and response models (``schemas``), and the
gateway's rules as a dependency (``deps``)."""
