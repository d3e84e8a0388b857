#!/usr/bin/env bash
# Builds a self-contained shooty for this machine's runtime identifier and installs it:
#   PREFIX/lib/shooty/   the program, its native libraries and themes
#   PREFIX/bin/shooty    a link to it
#   $XDG_CONFIG_HOME/shooty/shooty.toml   a config template, unless one exists
# PREFIX defaults to ~/.local. Needs the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")"

prefix=${PREFIX:-$HOME/.local}
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *)
    echo "install.sh: unsupported machine $(uname -m); shooty is built for x86_64 and aarch64 (64-bit Raspberry Pi OS)" >&2
    exit 1
    ;;
esac

target="$prefix/lib/shooty"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

echo "building shooty for $rid..."
dotnet publish src/ShootyTui -c Release -r "$rid" --self-contained \
  -p:PublishSingleFile=true -p:DebugType=none -o "$staging" -nologo -v q

# Replace the old installation only after the new build succeeded.
mkdir -p "$prefix/lib" "$prefix/bin"
rm -rf "$target.old"
[[ -d "$target" ]] && mv "$target" "$target.old"
mv "$staging" "$target"
trap - EXIT
rm -rf "$target.old"
ln -sfn "$target/shooty" "$prefix/bin/shooty"
echo "installed $prefix/bin/shooty -> $target/shooty"

config_dir="${XDG_CONFIG_HOME:-$HOME/.config}/shooty"
if [[ ! -f "$config_dir/shooty.toml" ]]; then
  mkdir -p "$config_dir"
  install -m 0600 shooty.toml.example "$config_dir/shooty.toml"
  echo "wrote a config template to $config_dir/shooty.toml: set [bot] name and path"
else
  echo "kept the existing $config_dir/shooty.toml"
fi

case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on PATH; add it to run \`shooty\`" ;;
esac
