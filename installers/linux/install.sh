#!/usr/bin/env bash
# Put Hangar in the desktop's application menu (for the current user, no root needed).
#
#   install.sh [--bundle DIR | --prefix DIR] [--uninstall]
#
#   --bundle DIR   a PyInstaller bundle (make package: dist/hangar); the menu entry runs DIR/hangar
#   --prefix DIR   a pip/venv install; the menu entry runs DIR/bin/hangar (e.g. --prefix .venv)
#   (neither)      inside a bundle: that bundle; otherwise the `hangar` found on PATH
#   --uninstall    remove what an install put there (the same files, whatever the target was)
#
# Files go where the freedesktop specifications look, under ${XDG_DATA_HOME:-~/.local/share}:
#   applications/io.github.hangar.Hangar.desktop
#   icons/hicolor/<N>x<N>/apps/io.github.hangar.Hangar.png, icons/hicolor/scalable/apps/...svg
#   metainfo/io.github.hangar.Hangar.metainfo.xml
# Running it again replaces them (idempotent). The desktop and icon caches are refreshed
# when update-desktop-database / gtk-update-icon-cache are installed.
set -euo pipefail

APP_ID=io.github.hangar.Hangar
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
# The same relative layout in a checkout (installers/linux -> resources) and in a bundle
# (_internal/installers/linux -> _internal/resources).
icons_src=$(cd "$here/../.." && pwd)/resources/icons

usage() { sed -n '2,16s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "install.sh: $*" >&2; exit 1; }

mode=install exe=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) [ $# -ge 2 ] || die "--bundle needs a folder"; exe="$(cd "$2" 2>/dev/null && pwd)/hangar" || die "no such folder: $2"; shift 2 ;;
    --bundle=*) exe="$(cd "${1#*=}" 2>/dev/null && pwd)/hangar" || die "no such folder: ${1#*=}"; shift ;;
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; exe="$(cd "$2" 2>/dev/null && pwd)/bin/hangar" || die "no such folder: $2"; shift 2 ;;
    --prefix=*) exe="$(cd "${1#*=}" 2>/dev/null && pwd)/bin/hangar" || die "no such folder: ${1#*=}"; shift ;;
    --uninstall) mode=uninstall; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

data=${XDG_DATA_HOME:-$HOME/.local/share}
apps_dir=$data/applications
icons_dir=$data/icons/hicolor
metainfo_dir=$data/metainfo

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps_dir" || true; fi
  if [ -d "$icons_dir" ]; then
    touch "$icons_dir"  # icon loaders compare the folder's time with their cache
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t -f "$icons_dir" || true; fi
  fi
}

if [ "$mode" = uninstall ]; then
  rm -f "$apps_dir/$APP_ID.desktop" "$metainfo_dir/$APP_ID.metainfo.xml"
  rm -f "$icons_dir"/*/apps/"$APP_ID".png "$icons_dir/scalable/apps/$APP_ID.svg"
  refresh_caches
  echo "Hangar's menu entry, icons and AppStream metadata are removed from $data"
  exit 0
fi

if [ -z "$exe" ]; then
  bundle=$(cd "$here/../../.." && pwd)
  if [ "$(basename "$(dirname "$(dirname "$here")")")" = _internal ] && [ -x "$bundle/hangar" ]; then
    exe=$bundle/hangar  # this script ships inside a bundle: install that bundle
  else
    exe=$(command -v hangar) || die "hangar is not on PATH; point at it with --bundle DIR or --prefix DIR"
    exe=$(readlink -f "$exe")
  fi
fi
[ -x "$exe" ] || die "$exe is not an executable Hangar launcher"
case "$exe" in
  *[\"\`\$\\%]*) die "the path $exe has a character a desktop entry cannot carry (\" \` \$ \\ %)";;
esac
# The desktop entry spec: an argument with spaces (or other reserved characters) is double-quoted.
case "$exe" in
  *[[:space:]\'\>\<\~\|\&\;\*\?\#\(\)]*) exec_value="\"$exe\"" ;;
  *) exec_value=$exe ;;
esac

[ -f "$here/$APP_ID.desktop" ] || die "missing $here/$APP_ID.desktop"
[ -d "$icons_src/hicolor" ] || die "missing $icons_src/hicolor (icons)"
mkdir -p "$apps_dir" "$metainfo_dir"

tmp=$(mktemp "$apps_dir/.$APP_ID.XXXXXX")
trap 'rm -f "$tmp"' EXIT
# TryExec takes a plain path (no quoting); Exec takes the quoted form.
awk -v exec_value="$exec_value" -v try="$exe" '
  /^Exec=/ { print "Exec=" exec_value; next }
  /^TryExec=/ { print "TryExec=" try; next }
  { print }
' "$here/$APP_ID.desktop" >"$tmp"
chmod 644 "$tmp"
mv -f "$tmp" "$apps_dir/$APP_ID.desktop"
trap - EXIT

install -m 644 "$here/$APP_ID.metainfo.xml" "$metainfo_dir/$APP_ID.metainfo.xml"
for png in "$icons_src"/hicolor/*/apps/"$APP_ID".png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  install -D -m 644 "$png" "$icons_dir/$size/apps/$APP_ID.png"
done
install -D -m 644 "$icons_src/hangar.svg" "$icons_dir/scalable/apps/$APP_ID.svg"
refresh_caches

echo "Hangar is in the application menu (runs $exe)."
echo "  $apps_dir/$APP_ID.desktop"
echo "Remove it with: ${HANGAR_INSTALLER:-$0} --uninstall"
