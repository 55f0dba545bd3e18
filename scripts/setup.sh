#!/usr/bin/env bash
# Installs what go-matrix's tests and example need, when missing, and says where the Go toolchains are:
# - Go 1.19 (bookworm) and Go 1.21, 1.22, 1.23 (bookworm-backports, added with the URI of the machine's
#   Debian source) with apt, into /usr/lib/go-X.Y;
# - Go 1.24, 1.25, 1.26 and 1.27, which Debian packages only for trixie: their golang-X.Y-go and
#   golang-X.Y-src packages are fetched with `apt-get download` under a private apt configuration (the
#   system's sources are never touched: mixing releases could upgrade libc) and unpacked with `dpkg -x`
#   into $GO_MATRIX_TOOLCHAINS (default /opt/go-matrix), one self-contained GOROOT each: go-X.Y/;
# - lcov (genhtml).
# Idempotent: installs nothing when everything is there.
set -euo pipefail

BOOKWORM_MINORS=(1.19 1.21 1.22 1.23)
TRIXIE_MINORS=(1.24 1.25 1.26 1.27)
# Which trixie suite carries each minor: 1.24 is trixie's own Go; later ones come from trixie-backports.
declare -A TRIXIE_SUITE=([1.24]=trixie [1.25]=trixie-backports [1.26]=trixie-backports [1.27]=trixie-backports)
TOOLCHAINS=${GO_MATRIX_TOOLCHAINS:-/opt/go-matrix}

if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; else SUDO=; fi
need_root() {
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    echo "setup: $1; run this script as root (it uses apt-get)" >&2
    exit 1
  fi
}

# The machine's own Debian mirror (deb822 or one-line sources), for the extra suites.
debian_uri() {
  local uri
  uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n 1 || true)
  [ -n "$uri" ] || uri=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -n 1 || true)
  [ -n "$uri" ] || { echo "setup: no Debian source found in /etc/apt to derive $1 from" >&2; exit 1; }
  echo "$uri"
}

install_bookworm() {
  local missing=()
  for v in "${BOOKWORM_MINORS[@]}"; do
    [ -x "/usr/lib/go-$v/bin/go" ] || missing+=("golang-$v-go")
  done
  command -v genhtml >/dev/null 2>&1 || missing+=(lcov)
  [ ${#missing[@]} -eq 0 ] && return 0
  need_root "missing ${missing[*]}"
  echo "setup: installing ${missing[*]}"
  local list=/etc/apt/sources.list.d/go-matrix-backports.list
  if [ ! -f "$list" ] && ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "deb $(debian_uri bookworm-backports) bookworm-backports main" | $SUDO tee "$list" >/dev/null
  fi
  $SUDO apt-get update -qq
  local packages=()
  for p in "${missing[@]}"; do
    case "$p" in
      golang-1.19-go | lcov) packages+=("$p") ;;
      *) packages+=("$p/bookworm-backports") ;;
    esac
  done
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
}

# A GOROOT counts as installed when its go runs and reports the minor it is named after.
trixie_installed() {
  local goroot="$TOOLCHAINS/go-$1"
  [ -x "$goroot/bin/go" ] && [ -d "$goroot/src/runtime" ] &&
    GOROOT="$goroot" GOTOOLCHAIN=local "$goroot/bin/go" version 2>/dev/null | grep -q "go$1[. ]"
}

install_trixie() {
  local missing=()
  for v in "${TRIXIE_MINORS[@]}"; do trixie_installed "$v" || missing+=("$v"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  need_root "missing Go ${missing[*]}"
  echo "setup: installing Go ${missing[*]} from Debian trixie into $TOOLCHAINS (private apt configuration)"
  local apt uri
  apt=$(mktemp -d)
  trap 'rm -rf "$apt"' RETURN
  uri=$(debian_uri trixie)
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs"
  cat >"$apt/sources.list" <<EOF
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie-backports main
EOF
  # Only these options differ from the system's: its sources and lists are neither read nor written.
  local opts=(
    -o "Dir::Etc::sourcelist=$apt/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
    -o "APT::Sandbox::User=root" -qq
  )
  apt-get "${opts[@]}" update
  local packages=()
  for v in "${missing[@]}"; do
    packages+=("golang-$v-go/${TRIXIE_SUITE[$v]}" "golang-$v-src/${TRIXIE_SUITE[$v]}")
  done
  # apt-get download checks every .deb against the signed index it just fetched.
  (cd "$apt/debs" && apt-get "${opts[@]}" download "${packages[@]}")
  $SUDO mkdir -p "$TOOLCHAINS"
  for v in "${missing[@]}"; do
    local unpack="$apt/unpack-$v"
    mkdir -p "$unpack"
    for deb in "$apt"/debs/golang-"$v"-go_*.deb "$apt"/debs/golang-"$v"-src_*.deb; do dpkg -x "$deb" "$unpack"; done
    # Debian splits a GOROOT between usr/lib/go-X.Y and usr/share/go-X.Y, joined by relative links
    # (src -> ../../share/go-X.Y/src, ...). Put each linked directory in its link's place, so the
    # GOROOT is one self-contained tree, laid out as a go.dev archive's go/ folder.
    local goroot="$unpack/usr/lib/go-$v"
    for link in "$goroot"/* "$goroot"/pkg/*; do
      [ -L "$link" ] || continue
      local target
      target=$(readlink -f "$link")
      case "$target" in "$unpack"/*) ;; *) echo "setup: $link points outside the package ($target)" >&2; exit 1 ;; esac
      rm "$link"
      mv "$target" "$link"
    done
    # Staged beside the destination, then renamed: a GOROOT appears whole or not at all.
    local staged="$TOOLCHAINS/.go-$v.staging"
    $SUDO rm -rf "$staged" "$TOOLCHAINS/go-$v"
    $SUDO mv "$goroot" "$staged"
    $SUDO mv "$staged" "$TOOLCHAINS/go-$v"
    trixie_installed "$v" || { echo "setup: $TOOLCHAINS/go-$v does not run as Go $v" >&2; exit 1; }
  done
}

install_bookworm
install_trixie
for v in "${BOOKWORM_MINORS[@]}"; do echo "setup: Go $v: /usr/lib/go-$v ($("/usr/lib/go-$v/bin/go" env GOVERSION))"; done
for v in "${TRIXIE_MINORS[@]}"; do
  echo "setup: Go $v: $TOOLCHAINS/go-$v ($(GOROOT="$TOOLCHAINS/go-$v" GOTOOLCHAIN=local "$TOOLCHAINS/go-$v/bin/go" env GOVERSION))"
done
