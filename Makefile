# Hangar: `make run` sets everything up and opens the window; `make test` sets
# everything up and runs the test suite. Both work on a fresh Debian/Ubuntu machine.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# llama-cpp-python compiles llama.cpp on first install: use every core.
export CMAKE_BUILD_PARALLEL_LEVEL ?= $(shell nproc 2>/dev/null || echo 2)

# Shared libraries Qt needs for a window (xcb) and offscreen (EGL, fonts, xkb).
QT_LIBS := libEGL.so.1 libGL.so.1 libfontconfig.so.1 libxkbcommon.so.0 libxkbcommon-x11.so.0 \
           libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-shape.so.0 libdbus-1.so.3
QT_DEBS := libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 \
           libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libdbus-1-3 libxcb-image0 libxcb-randr0 \
           libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core
# Tools the installer tests use to check the desktop entry and the AppStream metadata.
TEST_TOOLS := desktop-file-validate appstreamcli
TEST_DEBS  := desktop-file-utils appstream

.PHONY: run test package sysdeps testdeps clean help

help:
	@echo "make run   - set up .venv and open Hangar"
	@echo "make test  - set up .venv with test tools and run the tests (offscreen)"
	@echo "make package - build the double-click bundle into dist/hangar/ (PyInstaller)"
	@echo "make clean - remove .venv and build leftovers"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[test]'
	touch $@ $(VENV)/.installed-run

# Installs Qt's system libraries when they are missing and we may (root on Debian).
sysdeps:
	@missing=""; for lib in $(QT_LIBS); do ldconfig -p | grep -q "$$lib" || missing="$$missing $$lib"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Qt system libraries (missing:$$missing)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(QT_DEBS) >/dev/null; \
	  else \
	    echo "Qt needs these system libraries:$$missing"; \
	    echo "on Debian/Ubuntu: sudo apt-get install $(QT_DEBS)"; \
	  fi; \
	fi

# The same for the desktop-file and AppStream validators (the tests skip without them).
testdeps:
	@missing=""; for tool in $(TEST_TOOLS); do command -v "$$tool" >/dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing desktop-file and AppStream validators (missing:$$missing)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEST_DEBS) >/dev/null; \
	  else \
	    echo "the installer tests skip their validators without:$$missing"; \
	    echo "on Debian/Ubuntu: sudo apt-get install $(TEST_DEBS)"; \
	  fi; \
	fi

run: sysdeps $(VENV)/.installed-run
	$(BIN)/hangar

test: sysdeps testdeps $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

$(VENV)/.installed-package: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[package]'
	touch $@ $(VENV)/.installed-run

# The bundle: dist/hangar/{hangar,hangar-cli,hangar-engine,install.sh,_internal/}; runs without Python.
package: sysdeps $(VENV)/.installed-package
	rm -rf dist/hangar build/pyinstaller
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller installers/hangar.spec
	@du -sh dist/hangar
	@echo "try it: dist/hangar/hangar; add it to the application menu: dist/hangar/install.sh"

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info .pytest_cache
