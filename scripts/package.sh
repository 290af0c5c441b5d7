#!/usr/bin/env bash
# Builds Glose's packages for the machine it runs on (cargo-packager, configured in Cargo.toml):
#   Linux:   target/packages/glose_VERSION_ARCH.deb and glose-VERSION-linux-ARCH.tar.gz
#            (binary, icons, desktop entry, MIME type, AppStream metainfo, README, licences,
#            and an install.sh that puts them under ~/.local without root)
#   macOS:   .app and .dmg;  Windows: NSIS installer (run this script there, in Git Bash).
# Then, where the tools are present, checks what it built: desktop-file-validate, appstreamcli
# validate --no-net, dpkg-deb --info, and the unpacked binary's --version.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo packager --version >/dev/null 2>&1; then
  echo "== installing cargo-packager"
  case "$(uname -s)" in
    # Without TLS: a .deb, .app or .dmg needs no download (2 min to build on 2 cores).
    Linux | Darwin) cargo install cargo-packager --locked --no-default-features --features cli ;;
    # NSIS: cargo-packager downloads the NSIS tools.
    *) cargo install cargo-packager --locked ;;
  esac
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
echo "== building glose $version (release)"
cargo build --release --locked --bin glose

case "$(uname -s)" in
  Linux)
    arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
    cargo packager --release --formats deb
    deb=$(ls -t target/packages/*.deb | head -1)
    echo "== portable archive"
    name="glose-$version-linux-$arch"
    stage="target/packages/$name"
    rm -rf "$stage"
    mkdir -p "$stage/bin" "$stage/share/applications" "$stage/share/mime/packages" "$stage/share/metainfo" \
      "$stage/share/icons/hicolor/scalable/apps" "$stage/share/doc/glose"
    cp target/release/glose "$stage/bin/"
    cp assets/linux/org.glose.Glose.desktop "$stage/share/applications/"
    cp assets/linux/org.glose.Glose.xml "$stage/share/mime/packages/"
    cp assets/linux/org.glose.Glose.metainfo.xml "$stage/share/metainfo/"
    cp assets/icons/glose.svg "$stage/share/icons/hicolor/scalable/apps/org.glose.Glose.svg"
    for s in 16 32 48 64 128 256 512; do
      mkdir -p "$stage/share/icons/hicolor/${s}x${s}/apps"
      cp "assets/icons/glose-$s.png" "$stage/share/icons/hicolor/${s}x${s}/apps/org.glose.Glose.png"
    done
    cp README.md LICENSE-MIT LICENSE-APACHE "$stage/share/doc/glose/"
    cat > "$stage/install.sh" <<'INSTALL'
#!/usr/bin/env bash
# Installs Glose for this user (no root): ~/.local/bin/glose, its menu entry, icon and the
# file type of Glose projects. Remove with: ./install.sh --uninstall
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
files=(bin/glose share/applications/org.glose.Glose.desktop share/mime/packages/org.glose.Glose.xml
       share/metainfo/org.glose.Glose.metainfo.xml $(cd "$here" && find share/icons -type f))
for f in "${files[@]}"; do
  if [[ ${1:-} == --uninstall ]]; then rm -f "$prefix/$f"; else install -D -m "$([[ $f == bin/* ]] && echo 755 || echo 644)" "$here/$f" "$prefix/$f"; fi
done
command -v update-mime-database >/dev/null && update-mime-database "$prefix/share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -qtf "$prefix/share/icons/hicolor" || true
echo "glose ${1:+un}installed under $prefix"
INSTALL
    chmod 755 "$stage/install.sh"
    tar -czf "target/packages/$name.tar.gz" -C target/packages "$name"
    echo "== checks"
    if command -v desktop-file-validate >/dev/null; then desktop-file-validate assets/linux/org.glose.Glose.desktop; fi
    if command -v appstreamcli >/dev/null; then appstreamcli validate --no-net assets/linux/org.glose.Glose.metainfo.xml; fi
    dpkg-deb --info "$deb"
    unpacked=$(mktemp -d)
    dpkg-deb -x "$deb" "$unpacked"
    "$unpacked/usr/bin/glose" --version
    rm -rf "$unpacked"
    ls -l "$deb" "target/packages/$name.tar.gz"
    ;;
  Darwin) cargo packager --release --formats app,dmg ;;
  MINGW* | MSYS* | CYGWIN*) cargo packager --release --formats nsis ;;
  *) echo "package.sh: no package format for $(uname -s)" >&2; exit 2 ;;
esac
