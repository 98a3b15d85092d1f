"""Licenses: what each model's license allows, checked against company policy."""
