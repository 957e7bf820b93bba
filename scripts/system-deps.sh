#!/usr/bin/env bash
# Make sure the Debian packages the product needs are present.
#   scripts/system-deps.sh run    PDF rendering (Pango) and report fonts
#   scripts/system-deps.sh test   the above, plus PostgreSQL, Chromium and pdftoppm
# As root on Debian, installs what is missing with apt; otherwise says what to install.
set -euo pipefail

mode=${1:-test}
packages=()

have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

have_lib 'libpango-1.0.so.0' || packages+=(libpango-1.0-0)
have_lib 'libpangoft2-1.0.so.0' || packages+=(libpangoft2-1.0-0)
have_lib 'libharfbuzz-subset.so.0' || packages+=(libharfbuzz-subset0)
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || packages+=(fonts-liberation)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)

if [ "$mode" = test ]; then
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || packages+=(postgresql)
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  command -v pdftoppm >/dev/null || packages+=(poppler-utils)
fi

[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null
else
  echo "Missing system packages: ${packages[*]}" >&2
  echo "Install them (for example: sudo apt-get install ${packages[*]}) and try again." >&2
  [ "$mode" = test ] && exit 1
  echo "Carrying on: PDFs of reports will not render until they are installed." >&2
fi
