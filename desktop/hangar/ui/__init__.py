"""The PySide6 window: adapts core objects and callbacks to Qt models and signals."""
