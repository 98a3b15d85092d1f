"""The audit trail (trail.py) and its export (export.py)."""
