#!/usr/bin/env bash
# System-wide install of the ExitBot bundle from the unpacked tarball (run as root):
#   sudo ./install.sh            installs into /opt/exitbot-desktop
#   sudo PREFIX=/opt/other ./install.sh
# Puts `exitbot-desktop` on the PATH (/usr/local/bin), a menu entry and icons. Data is
# never here: each user's data folder is ~/.local/share/ExitBot (or EXITBOT_DATA_DIR).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX="${PREFIX:-/opt/exitbot-desktop}"
if [ "$(id -u)" -ne 0 ]; then
    echo "Run this as root (sudo ./install.sh): it writes to $PREFIX and /usr/local." >&2
    exit 1
fi
if [ ! -x "$HERE/app/exitbot-desktop" ]; then
    echo "No app/ folder beside this script: unpack the whole tarball first." >&2
    exit 1
fi
echo "Installing ExitBot into $PREFIX"
mkdir -p "$(dirname "$PREFIX")"
rm -rf "$PREFIX.new"
cp -a "$HERE/app" "$PREFIX.new"
cp "$HERE/uninstall.sh" "$PREFIX.new/uninstall.sh"
# Replace an older version only once the new one is completely in place.
if [ -d "$PREFIX" ]; then rm -rf "$PREFIX.old" && mv "$PREFIX" "$PREFIX.old"; fi
mv "$PREFIX.new" "$PREFIX"
rm -rf "$PREFIX.old"
chmod -R go-w "$PREFIX"
ln -sf "$PREFIX/exitbot-desktop" /usr/local/bin/exitbot-desktop
install -Dm644 "$HERE/exitbot-desktop.desktop" /usr/share/applications/exitbot-desktop.desktop
install -Dm644 "$HERE/icons/exitbot-desktop.svg" \
    /usr/share/icons/hicolor/scalable/apps/exitbot-desktop.svg
for size in 16 32 48 64 128 256; do
    install -Dm644 "$HERE/icons/exitbot-desktop-$size.png" \
        "/usr/share/icons/hicolor/${size}x${size}/apps/exitbot-desktop.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
echo "Installed. Check it with: exitbot-desktop check"
echo "Uninstall with: sudo $PREFIX/uninstall.sh (data folders are kept)"
