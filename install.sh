#!/usr/bin/env bash
# Builds a self-contained shooty for this machine's runtime identifier and installs it:
#   PREFIX/lib/shooty/   the program, its native libraries and themes
#   PREFIX/bin/shooty    a link to it
#   $XDG_CONFIG_HOME/shooty/shooty.toml   a config template, unless one exists
# PREFIX defaults to ~/.local. Needs the .NET 10 SDK. Running it again upgrades in place.
#
# Options:
#   --cron           also run `shooty --auto` every 10 minutes from the user's crontab
#   --timer          also run it from a systemd timer (user units, or system units as root)
#   --webhook-unit   also install the webhook listener's systemd service (see below)
#   --uninstall      remove the program, its link, the cron entry and the timer; keeps the
#                    config and the state
# For tests and packaging, CRONTAB, SYSTEMCTL and SYSTEMD_UNIT_DIR override the crontab and
# systemctl commands and the unit folder.
set -euo pipefail
cd "$(dirname "$0")"

want_cron=0 want_timer=0 uninstall=0
for argument in "$@"; do
  case "$argument" in
    --cron) want_cron=1 ;;
    --timer) want_timer=1 ;;
    --uninstall) uninstall=1 ;;
    --webhook-unit) ;;
    *)
      echo "install.sh: unknown option $argument; use --cron, --timer, --webhook-unit or --uninstall" >&2
      exit 2
      ;;
  esac
done

prefix=${PREFIX:-$HOME/.local}
crontab_cmd=${CRONTAB:-crontab}
systemctl_cmd=${SYSTEMCTL:-systemctl}
if [[ $(id -u) -eq 0 ]]; then
  unit_dir=${SYSTEMD_UNIT_DIR:-/etc/systemd/system}
  systemctl_scope=()
else
  unit_dir=${SYSTEMD_UNIT_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user}
  systemctl_scope=(--user)
fi
cron_marker="# shooty --auto (install.sh)"

# Rewrites the crontab without our line, then adds it back when $1 is 1: running it twice
# leaves one line.
set_cron() {
  local current
  current=$("$crontab_cmd" -l 2>/dev/null | grep -vF "$cron_marker" || true)
  if [[ "$1" -eq 1 ]]; then
    current=$(printf '%s\n%s' "$current" "*/10 * * * * $prefix/bin/shooty --auto $cron_marker")
  fi
  printf '%s\n' "$current" | sed '/^$/d' | "$crontab_cmd" -
}

systemctl_quiet() {
  command -v "$systemctl_cmd" >/dev/null 2>&1 || return 0
  "$systemctl_cmd" "${systemctl_scope[@]}" "$@" >/dev/null 2>&1 || \
    echo "note: systemctl ${systemctl_scope[*]} $* failed; run it by hand once systemd is up" >&2
}

install_timer() {
  mkdir -p "$unit_dir"
  cat >"$unit_dir/shooty-auto.service" <<UNIT
[Unit]
Description=shooty unattended run: recover, watchdog, fetch and update in the window

[Service]
Type=oneshot
ExecStart=$prefix/bin/shooty --auto
UNIT
  cat >"$unit_dir/shooty-auto.timer" <<UNIT
[Unit]
Description=Run shooty --auto every 10 minutes

[Timer]
OnBootSec=2min
OnUnitActiveSec=10min
Persistent=true

[Install]
WantedBy=timers.target
UNIT
  systemctl_quiet daemon-reload
  systemctl_quiet enable --now shooty-auto.timer
  echo "installed $unit_dir/shooty-auto.timer (every 10 minutes)"
}

if [[ "$uninstall" -eq 1 ]]; then
  if command -v "$crontab_cmd" >/dev/null 2>&1; then
    set_cron 0
  fi
  if [[ -f "$unit_dir/shooty-auto.timer" ]]; then
    systemctl_quiet disable --now shooty-auto.timer
    rm -f "$unit_dir/shooty-auto.timer" "$unit_dir/shooty-auto.service"
    systemctl_quiet daemon-reload
  fi
  rm -rf "$prefix/lib/shooty"
  rm -f "$prefix/bin/shooty"
  echo "removed shooty from $prefix; the config and state are kept"
  exit 0
fi
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

if [[ "$want_cron" -eq 1 ]]; then
  set_cron 1
  echo "added to the crontab: */10 * * * * $prefix/bin/shooty --auto"
fi

if [[ "$want_timer" -eq 1 ]]; then
  install_timer
fi

# ---------------------------------------------------------------------------------------------
# Optional: the webhook listener as a systemd service (`install.sh --webhook-unit`).
# Needs BOT_PATH (the bot's checkout); STATE_DIR and BACKUP_DIR default to shooty's defaults
# for [bot] name = BOT_NAME, and WEBHOOK_ENV_FILE to ~/.config/shooty/webhook.env. Uses sudo
# when not run as root.
# ---------------------------------------------------------------------------------------------
if [[ " $* " == *" --webhook-unit "* ]]; then
  if [[ -z "${BOT_PATH:-}" ]]; then
    echo "install.sh: --webhook-unit needs BOT_PATH, the bot's checkout, such as BOT_PATH=\$HOME/shootybot" >&2
    exit 2
  fi

  config_file="$config_dir/shooty.toml"
  state_dir=${STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/shooty/${BOT_NAME:-shootybot}}
  backup_dir=${BACKUP_DIR:-$state_dir/backups}
  env_file=${WEBHOOK_ENV_FILE:-$config_dir/webhook.env}
  mkdir -p "$state_dir" "$backup_dir"
  if [[ ! -f "$env_file" ]]; then
    install -m 0600 /dev/null "$env_file"
    echo "SHOOTY_WEBHOOK_SECRET=" >"$env_file"
    echo "wrote $env_file: put the GitHub hook's secret there and set [webhook] secret_env = \"SHOOTY_WEBHOOK_SECRET\""
  fi

  unit=$(mktemp)
  sed -e "s|@BOT_PATH@|$BOT_PATH|g" \
    -e "s|@USER@|$(id -un)|g" \
    -e "s|@GROUP@|$(id -gn)|g" \
    -e "s|@SHOOTY@|$target/shooty|g" \
    -e "s|@CONFIG@|$config_file|g" \
    -e "s|@ENV_FILE@|$env_file|g" \
    -e "s|@READ_WRITE_PATHS@|$BOT_PATH $state_dir $backup_dir|g" \
    systemd/shooty-webhook.service >"$unit"

  sudo_cmd=()
  [[ "$(id -u)" -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" install -m 0644 "$unit" /etc/systemd/system/shooty-webhook.service
  rm -f "$unit"
  "${sudo_cmd[@]}" systemctl daemon-reload
  echo "installed /etc/systemd/system/shooty-webhook.service"
  echo "start it with: sudo systemctl enable --now shooty-webhook"
fi
