#!/bin/sh
# Makes the installers' icons from the window's own icon (src/main/resources/io/socketdeck/ui/app/icon.svg):
#   windows/socketdeck.ico   16..256 px, for jpackage --icon on Windows
#   macos/socketdeck.icns    16..1024 px, for jpackage --icon on macOS
# Linux takes the window's icon-256.png as it is. Run after the icon changes and commit the results
# (the profile only reads them, so building needs none of these tools):
#   apt-get install librsvg2-bin imagemagick icnsutils; sh packaging/make-icons.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/../src/main/resources/io/socketdeck/ui/app/icon.svg"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$tmp/icon-$size.png"
done
# ICO: one image per size, 256 stored as PNG (what Windows Vista and later read).
convert "$tmp/icon-16.png" "$tmp/icon-24.png" "$tmp/icon-32.png" "$tmp/icon-48.png" \
    "$tmp/icon-64.png" "$tmp/icon-128.png" "$tmp/icon-256.png" "$here/windows/socketdeck.ico"
# ICNS: the sizes png2icns knows (24 and 64 have no ICNS slot).
png2icns "$here/macos/socketdeck.icns" "$tmp/icon-16.png" "$tmp/icon-32.png" "$tmp/icon-48.png" \
    "$tmp/icon-128.png" "$tmp/icon-256.png" "$tmp/icon-512.png" "$tmp/icon-1024.png" >/dev/null
echo "wrote $here/windows/socketdeck.ico and $here/macos/socketdeck.icns"
