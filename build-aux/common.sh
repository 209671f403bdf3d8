# build-aux/common.sh: shared by build-aux/run and build-aux/test.
#
# Installs what a fresh Debian 12 machine lacks (only what is missing),
# then configures and builds Debrief in ./build.

set -euo pipefail

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"

packages=(
  # build
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libjson-glib-dev libsqlite3-dev
  libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  libcairo2-dev libpango1.0-dev libpoppler-glib-dev libmd4c-dev
  # validation of data files, tests under Xvfb, reading PDFs back
  desktop-file-utils appstream xvfb xauth dbus-daemon poppler-utils
  # fonts for every script the exports must render
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
)

ensure_packages () {
  local missing=() p
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]} > 0)); then
    echo "Installing missing packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

build () {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}
