#!/usr/bin/env bash
# Refresh the translations from the source, then compile them for the app.
#
#   resources/translations/update.sh
#
# lupdate adds new strings (as unfinished, for a translator to fill in with Qt Linguist
# or an editor), keeps the existing translations, and drops strings no longer in the
# code; lrelease compiles each .ts into the .qm that Hangar loads. Running it twice
# changes nothing the second time. tests/ui/test_i18n.py fails while a string has no
# finished translation or a .qm is older than its .ts.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${PYSIDE6_BIN:-$root/.venv/bin}"
lupdate="$bin/pyside6-lupdate"
lrelease="$bin/pyside6-lrelease"
[ -x "$lupdate" ] || lupdate="$(command -v pyside6-lupdate)"
[ -x "$lrelease" ] || lrelease="$(command -v pyside6-lrelease)"

cd "$root"
# ui/ (tr() calls), core/ and engine/ (QT_TR_NOOP messages, see desktop/hangar/core/common/i18n.py;
# the worker's errors and benchmark stages cross the pipe as templates, core/runner/protocol.py)
mapfile -t sources < <(find desktop/hangar/ui desktop/hangar/core desktop/hangar/engine -name '*.py' | LC_ALL=C sort)
for lang in zh_CN; do
    ts="resources/translations/hangar_$lang.ts"
    "$lupdate" -silent -no-obsolete -locations none -target-language "$lang" "${sources[@]}" -ts "$ts"
    "$lrelease" -silent "$ts" -qm "resources/translations/hangar_$lang.qm"
done
