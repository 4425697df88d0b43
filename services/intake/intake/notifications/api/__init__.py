"""The notification routes (``routes``: templates, consent, the record) and their request and
response models (``schemas``)."""
