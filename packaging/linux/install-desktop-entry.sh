#!/bin/sh
# Add VNR Desktop to this user's application menu (or remove it with --uninstall).
#
# Run from the unpacked app folder (the one holding the vnr-desktop executable):
#     ./install-desktop-entry.sh             menu entry + icons in ~/.local/share
#     ./install-desktop-entry.sh --uninstall
# Nothing outside $XDG_DATA_HOME (default ~/.local/share) is touched; no root needed.
# The app keeps its own data in the standard folders (~/.local/share/vnr-desktop,
# ~/.local/state/vnr-desktop/log, ~/.cache/vnr-desktop), whatever folder it is started from.
set -eu

APP_ID=vnr-desktop
HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APPS="$DATA_HOME/applications"
ICONS="$DATA_HOME/icons/hicolor"

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$APPS" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ICONS/index.theme" ]; then
        gtk-update-icon-cache -q -t "$ICONS" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$APPS/$APP_ID.desktop"
    for icon in "$ICONS"/*/apps/"$APP_ID".png "$ICONS"/scalable/apps/"$APP_ID".svg; do
        rm -f "$icon"
    done
    refresh
    echo "VNR Desktop removed from the application menu (the app folder and your data are kept)."
    exit 0
fi

if [ ! -x "$HERE/$APP_ID" ] || [ ! -f "$HERE/$APP_ID.desktop" ] || [ ! -d "$HERE/icons/hicolor" ]; then
    echo "install-desktop-entry.sh: run me from the VNR Desktop app folder ($HERE has no $APP_ID)" >&2
    exit 2
fi

# Exec= needs the absolute path, quoted when it has spaces (Desktop Entry spec, "Exec key").
case "$HERE" in
    *[\"\`\$\\]*) echo "install-desktop-entry.sh: move the app to a folder without \" \` \$ or \\ in its path" >&2; exit 2 ;;
    *" "*) EXEC="\"$HERE/$APP_ID\"" ;;
    *) EXEC="$HERE/$APP_ID" ;;
esac

mkdir -p "$APPS"
sed -e "s|^Exec=.*|Exec=$EXEC|" -e "s|^TryExec=.*|TryExec=$HERE/$APP_ID|" \
    "$HERE/$APP_ID.desktop" > "$APPS/$APP_ID.desktop.tmp"
mv "$APPS/$APP_ID.desktop.tmp" "$APPS/$APP_ID.desktop"

(cd "$HERE/icons/hicolor" && find . -name "$APP_ID.*" -type f) | while read -r rel; do
    mkdir -p "$ICONS/$(dirname "$rel")"
    cp "$HERE/icons/hicolor/$rel" "$ICONS/$rel"
done
refresh
echo "VNR Desktop added to the application menu: $APPS/$APP_ID.desktop"
