#!/usr/bin/env bash
# Build Hangar.app and Hangar-<version>-macos-<arch>.dmg on a Mac (see README.md here).
#
#   bash installers/macos/build-dmg.sh
#
# Environment:
#   PYTHON               the Python to make .venv with (default: python3; 3.10-3.12)
#   CODESIGN_IDENTITY    "Developer ID Application: Name (TEAMID)"; unset: an unsigned build
#                        (it runs on this Mac; others see Gatekeeper's "unidentified developer")
#   NOTARY_PROFILE       a notarytool keychain profile (xcrun notarytool store-credentials);
#                        with CODESIGN_IDENTITY, the dmg is notarised and stapled
#
# Steps: .venv with Hangar + PyInstaller -> Hangar.icns from the PNGs (iconutil) ->
# pyinstaller installers/hangar.spec (BUNDLE: dist/Hangar.app, bundle id io.github.hangar.Hangar)
# -> codesign (optional) -> hdiutil dmg with an Applications link -> notarise (optional).
set -euo pipefail

[ "$(uname -s)" = Darwin ] || { echo "error: build-dmg.sh runs on macOS (iconutil, hdiutil, codesign)" >&2; exit 1; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"

app_id=io.github.hangar.Hangar
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/hangar/__init__.py)
arch=$(uname -m)   # arm64 (Apple silicon, Metal) or x86_64
app=dist/Hangar.app
dmg=dist/Hangar-$version-macos-$arch.dmg

echo "== Python environment"
if [ ! -x .venv/bin/python ]; then "${PYTHON:-python3}" -m venv .venv; fi
.venv/bin/python -m pip install --quiet --upgrade pip
# llama-cpp-python builds llama.cpp with Metal on Apple silicon by default (GGML_METAL).
.venv/bin/python -m pip install -e '.[package]'

echo "== Hangar.icns from resources/icons/hicolor"
iconset=build/Hangar.iconset
rm -rf "$iconset" && mkdir -p "$iconset"
png() { echo "resources/icons/hicolor/$1x$1/apps/$app_id.png"; }
for size in 16 32 128 256 512; do
  cp "$(png "$size")" "$iconset/icon_${size}x${size}.png"
  double=$((size * 2))
  if [ -f "$(png "$double")" ]; then cp "$(png "$double")" "$iconset/icon_${size}x${size}@2x.png"; fi
done
iconutil -c icns "$iconset" -o build/Hangar.icns   # the spec picks build/Hangar.icns up

echo "== PyInstaller (onedir + BUNDLE)"
rm -rf "$app" dist/hangar build/pyinstaller
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller installers/hangar.spec
[ -x "$app/Contents/MacOS/hangar" ] && [ -x "$app/Contents/MacOS/hangar-engine" ] || { echo "error: $app is incomplete" >&2; exit 1; }
/usr/libexec/PlistBuddy -c 'Print :CFBundleIdentifier' "$app/Contents/Info.plist"

echo "== smoke test: the worker and llama.cpp's libraries load from the bundle"
tmp=$(mktemp -d)
"$app/Contents/MacOS/hangar-cli" synth --preset tiny "$tmp/t.gguf"
"$app/Contents/MacOS/hangar-cli" run "$tmp/t.gguf" --prompt hi >/dev/null
rm -rf "$tmp"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  echo "== codesign (hardened runtime)"
  # Inside out: every library and executable, then the app. --deep alone would skip the
  # entitlements on the inner executables.
  find "$app/Contents" -type f \( -name '*.dylib' -o -name '*.so' \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime --sign "$CODESIGN_IDENTITY"
  for exe in "$app"/Contents/MacOS/*; do
    codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" --sign "$CODESIGN_IDENTITY" "$exe"
  done
  codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" --sign "$CODESIGN_IDENTITY" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
fi

echo "== $dmg"
stage=build/dmg
rm -rf "$stage" "$dmg" && mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "Hangar $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$dmg"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    echo "== notarise"
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
  fi
fi
du -sh "$app" "$dmg"
echo "done: $dmg"
