"""The Qt binding itself: a release that corrupts reference counts takes the window down."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 (PEP 683)")
def test_void_methods_keep_none_alive() -> None:
    """PySide6 6.12.0 dropped a reference to None per void call: a long chat reply aborted the app."""
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) - before > -100, "this PySide6 release corrupts None's reference count; see pyproject.toml"
