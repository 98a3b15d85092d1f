"""Entry point of the window (the ``hangar`` command)."""

from __future__ import annotations

import os
import sys

from .. import __version__


def _display_problem() -> str | None:
    """Why Qt would abort without a window, said before it does so with a core dump."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "Hangar needs a graphical desktop, and none was found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
        "On a server, use hangar-cli, or start the window under a virtual display: xvfb-run hangar"
    )


def main(argv: list[str] | None = None) -> int:
    problem = _display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ..core.config.context import AppContext
    from ..core.config.resources import resource
    from .error_dialog import ExceptionHook
    from .i18n import install_translations, resolve_language
    from .startup import open_main_window, schedule_daily_update_check, show_welcome_if_first_run
    from .theme import apply_theme

    app = QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("Hangar")
    app.setOrganizationName("Hangar")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.hangar.Hangar")
    app.setWindowIcon(QIcon(str(resource("icons", "hangar.svg"))))
    ctx = AppContext.open()
    install_translations(resolve_language(ctx.settings.language))  # before any widget exists
    hook = ExceptionHook(ctx.paths.log_file).install()
    apply_theme(ctx.settings.theme)
    window = open_main_window(ctx)
    if window is None:
        ctx.close()
        return 1
    window.show()
    welcome = show_welcome_if_first_run(window)  # noqa: F841 - kept alive while it is open
    schedule_daily_update_check(window)
    try:
        return app.exec()
    finally:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10_000)  # background work reports before Qt is torn down
        hook.uninstall()
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
