"""Model lifecycle: is the copy on this machine still what its Hub repository publishes?

status.py (what a check found, in words), hub_state.py (the repository as the Hub shows it at
one revision), compare.py (a library model against that state: revision, file bytes, license
and verdict, gated state), store.py (the last check of each model, and what the download
queue knows of a model's files). The application layer (core/app/updates.py) runs the checks
and the updates.
"""
