"""The Linux desktop integration: icons, the .desktop entry, AppStream metadata, install.sh.

The validators (desktop-file-validate from desktop-file-utils, appstreamcli from appstream)
are what distributions and Flathub run; ``make test`` installs them on Debian when it may.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QImageReader

from hangar import __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installers" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.hangar.Hangar"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
INSTALL = LINUX / "install.sh"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BASH = shutil.which("bash") or "/bin/bash"


def _entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line and not line.startswith("#"))


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_at_every_size(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is missing or not a PNG"
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0, "the rounded corners should be transparent"
    assert image.pixelColor(size // 2, size // 6).alpha() == 255


def test_windows_icon_holds_the_sizes_up_to_256() -> None:
    reader = QImageReader(str(ICONS / "hangar.ico"))
    assert reader.canRead()
    assert reader.imageCount() == len([s for s in SIZES if s <= 256])


def test_desktop_entry_and_metainfo_agree() -> None:
    entry = _entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "hangar" and entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "Hangar"  # Qt's WM_CLASS for applicationName "Hangar"
    assert "Comment[zh_CN]" in entry

    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert {b.text for b in component.iter("binary")} == {"hangar", "hangar-cli"}
    assert any(s.get(XML_LANG) == "zh_CN" for s in component.findall("summary"))
    assert component.find("content_rating") is not None
    assert component.find("url[@type='homepage']") is not None
    assert component.find("developer/name") is not None
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, "add a <release> for the new version"
    for image in component.iter("image"):
        assert (ROOT / "docs" / "images" / Path(image.text).name).exists(), image.text


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-validate not installed (apt-get install desktop-file-utils)")
def test_desktop_entry_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout and "warning" not in done.stdout, done.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli not installed (apt-get install appstream)")
def test_metainfo_validates() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stdout + done.stderr
    problems = [line for line in done.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == [], done.stdout


# -- install.sh ---------------------------------------------------------------------------------
def _expected_files(data: Path) -> list[Path]:
    return [
        data / "applications" / f"{APP_ID}.desktop",
        data / "metainfo" / f"{APP_ID}.metainfo.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        *(data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in SIZES),
    ]


def _run_install(home: Path, *args: str, path: str = "/usr/bin:/bin", xdg_data_home: Path | None = None):
    env = {"HOME": str(home), "PATH": path}
    if xdg_data_home is not None:
        env["XDG_DATA_HOME"] = str(xdg_data_home)
    return subprocess.run([BASH, str(INSTALL), *args], env=env, capture_output=True, text=True, timeout=30)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A stand-in for dist/hangar in a folder whose name needs quoting in Exec."""
    folder = tmp_path / "My Apps" / "hangar"
    folder.mkdir(parents=True)
    launcher = folder / "hangar"
    launcher.write_text("#!/bin/sh\nexit 0\n")
    launcher.chmod(0o755)
    return folder


def test_install_puts_files_where_freedesktop_looks_and_uninstall_removes_them(tmp_path: Path, bundle: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    data = home / ".local" / "share"
    first = _run_install(home, "--bundle", str(bundle))
    assert first.returncode == 0, first.stderr
    for path in _expected_files(data):
        assert path.is_file(), f"{path} was not installed"
    installed = data / "applications" / f"{APP_ID}.desktop"
    entry = _entry(installed)
    assert entry["Exec"] == f'"{bundle}/hangar"'
    assert entry["TryExec"] == f"{bundle}/hangar"
    assert entry["Icon"] == APP_ID
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True, timeout=30)
        assert check.returncode == 0 and "error" not in check.stdout, check.stdout

    snapshot = {p: p.read_bytes() for p in _expected_files(data)}
    again = _run_install(home, "--bundle", str(bundle))
    assert again.returncode == 0, again.stderr
    assert {p: p.read_bytes() for p in _expected_files(data)} == snapshot  # idempotent

    removed = _run_install(home, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert [p for p in _expected_files(data) if p.exists()] == []
    assert _run_install(home, "--uninstall").returncode == 0  # nothing left to remove is fine


def test_install_finds_hangar_on_path_and_honours_xdg_data_home(tmp_path: Path, bundle: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "xdg-data"
    home.mkdir()
    done = _run_install(home, path=f"{bundle}:/usr/bin:/bin", xdg_data_home=data)
    assert done.returncode == 0, done.stderr
    assert _entry(data / "applications" / f"{APP_ID}.desktop")["Exec"] == f'"{bundle}/hangar"'
    assert not (home / ".local").exists()


@pytest.mark.skipif(bool(shutil.which("hangar", path="/usr/bin:/bin")), reason="a hangar is installed system-wide")
def test_install_without_a_launcher_says_how_to_point_at_one(tmp_path: Path) -> None:
    done = _run_install(tmp_path)
    assert done.returncode != 0
    assert "--bundle" in done.stderr
    assert not (tmp_path / ".local" / "share" / "applications").exists()


# -- the frozen bundle ----------------------------------------------------------------------------
def test_worker_command_from_source_and_from_a_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from hangar.core.runner.client import engine_command

    assert engine_command("--probe") == [sys.executable, "-m", "hangar.engine", "--probe"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "hangar-cli"))
    suffix = ".exe" if sys.platform == "win32" else ""
    assert engine_command("--probe") == [os.path.join(str(tmp_path), "hangar-engine" + suffix), "--probe"]


def test_spec_names_the_entry_scripts_it_builds() -> None:
    spec = (ROOT / "installers" / "hangar.spec").read_text(encoding="utf-8")
    compile(spec, "hangar.spec", "exec")
    for script in ("hangar_gui.py", "hangar_cli.py", "hangar_engine.py"):
        assert f'"{script}"' in spec
        assert (ROOT / "installers" / "pyinstaller" / script).is_file()
    for name in ('"hangar"', '"hangar-cli"', '"hangar-engine"'):
        assert name in spec
