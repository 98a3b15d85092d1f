"""Side by side: 2 to 4 models answer the same prompt (issue #18). session.py holds one
comparison's state, schedule.py decides whether the models run together or one after
another, store.py keeps sessions in SQLite, export.py writes them as Markdown or JSON."""
