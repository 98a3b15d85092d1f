"""Runs from many machines side by side: one versioned document per run (schema.py), stored
(store.py), compared (compare.py), costed (cost.py), exported (export.py) and reported
(report.py, charts drawn as inline SVG by svg.py). See docs/run-schema.md."""
