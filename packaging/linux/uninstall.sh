#!/usr/bin/env bash
# Remove the system-wide ExitBot install (run as root). Users' data folders, with their
# encrypted interviews and key files, are kept: delete them separately, after a backup,
# only when the organisation no longer needs them.
set -euo pipefail
PREFIX="${PREFIX:-/opt/exitbot-desktop}"
if [ "$(id -u)" -ne 0 ]; then
    echo "Run this as root (sudo $0)." >&2
    exit 1
fi
[ "$(readlink /usr/local/bin/exitbot-desktop 2>/dev/null)" = "$PREFIX/exitbot-desktop" ] &&
    rm -f /usr/local/bin/exitbot-desktop
rm -f /usr/share/applications/exitbot-desktop.desktop
rm -f /usr/share/icons/hicolor/scalable/apps/exitbot-desktop.svg
for size in 16 32 48 64 128 256; do
    rm -f "/usr/share/icons/hicolor/${size}x${size}/apps/exitbot-desktop.png"
done
rm -rf "$PREFIX"
echo "ExitBot is uninstalled. Data folders (~/.local/share/ExitBot) were kept."
