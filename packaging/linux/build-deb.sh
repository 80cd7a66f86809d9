#!/usr/bin/env bash
# Build the Linux package from the one-folder bundle: dist/clerk-app_<version>_<arch>.deb
#   packaging/linux/build-deb.sh [BUNDLE_DIR] [OUT_DIR]      (make deb)
# Installs the bundle under /opt/window-clerk, /usr/bin/clerk-app, a desktop entry and the
# commented provisioning example (/usr/share/doc/window-clerk/). Depends on a CJK font (Noto,
# or WenQuanYi where a distribution such as UOS or Kylin carries only that).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUNDLE="${1:-$ROOT/dist/clerk-app}"
OUT="${2:-$ROOT/dist}"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/clerk_app/__init__.py")"
# The package is for this machine's own architecture (amd64, arm64, ...): the bundle in it
# holds native Qt and Python libraries, and PyInstaller does not cross-build, so a bundle
# made on another architecture is refused rather than packaged under the wrong name.
ARCH="$(dpkg --print-architecture)"
[ -x "$BUNDLE/clerk-app" ] || { echo "no bundle at $BUNDLE (run make bundle)" >&2; exit 2; }
ELF_MACHINE="$(od -An -t u2 -j 18 -N 2 "$BUNDLE/clerk-app" | tr -d ' ')"  # e_machine
case "$ELF_MACHINE" in
  62) BUNDLE_ARCH=amd64 ;;
  183) BUNDLE_ARCH=arm64 ;;
  258) BUNDLE_ARCH=loong64 ;;
  8) BUNDLE_ARCH=mips64el ;;
  *) BUNDLE_ARCH="unknown (ELF machine ${ELF_MACHINE:-none})" ;;
esac
if [ "$BUNDLE_ARCH" != "$ARCH" ]; then
  echo "the bundle at $BUNDLE is for $BUNDLE_ARCH but this machine is $ARCH:" \
    "make the bundle on the machine the package is for (make bundle; make deb)" >&2
  exit 2
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
PKG="$STAGE/pkg"
mkdir -p "$PKG/DEBIAN" "$PKG/opt/window-clerk" "$PKG/usr/bin" \
  "$PKG/usr/share/applications" "$PKG/usr/share/doc/window-clerk"
cp -a "$BUNDLE/." "$PKG/opt/window-clerk/"
ln -s /opt/window-clerk/clerk-app "$PKG/usr/bin/clerk-app"
install -m 0644 "$ROOT/packaging/linux/window-clerk.desktop" "$PKG/usr/share/applications/"
install -m 0644 "$ROOT/packaging/provisioning.example.toml" "$PKG/usr/share/doc/window-clerk/"
install -m 0644 "$ROOT/packaging/README.md" "$PKG/usr/share/doc/window-clerk/README.md"
install -m 0755 "$ROOT/packaging/linux/prerm" "$PKG/DEBIAN/prerm"  # unsent cases: warn / refuse
SIZE_KB="$(du -sk "$PKG" | cut -f1)"
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: clerk-app
Version: $VERSION
Section: misc
Priority: optional
Architecture: $ARCH
Depends: fonts-noto-cjk | fonts-wqy-zenhei | fonts-wqy-microhei, libxcb-cursor0, libxkbcommon-x11-0, libegl1, libfontconfig1
Recommends: cups-client
Installed-Size: $SIZE_KB
Maintainer: Window Clerk IT <it@example.invalid>
Description: Window Clerk (窗口受理客户端)
 Intake client for the departmental windows of a government service center.
 Provision a window with: clerk-app provision FILE (as root); check it with
 clerk-app self-check.
CONTROL
# The per-machine provisioning file (/etc/window-clerk) belongs to IT, not to the
# package: upgrading or removing the package keeps it, and each user's data is kept too.
find "$PKG" -type d -exec chmod 0755 {} +
mkdir -p "$OUT"
DEB="$OUT/clerk-app_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zgzip -z6 --build "$PKG" "$DEB" >/dev/null
echo "$DEB"
