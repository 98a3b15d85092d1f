"""License knowledge base, detection, company policy, openness, audit report and AI BOM (no Qt)."""
