"""The application layer: what the window, the CLI and the server call (see hangar.py)."""

from .changes import Announcer, Change, ChangeReport, LibraryChange, LibraryEvent
from .hangar import Hangar
from .hosting import LoadedModel, LoadRequest
from .library import ModelFileMissing

__all__ = ["Announcer", "Change", "ChangeReport", "Hangar", "LibraryChange", "LibraryEvent", "LoadRequest", "LoadedModel", "ModelFileMissing"]
