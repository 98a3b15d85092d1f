"""Hangar's logic, free of Qt: the GUI and the CLI are two faces of this package.

A test (tests/test_architecture.py) fails the build if anything here imports PySide6.
"""
