# Shared helpers for carehub's scripts. Sourced, not run.

# The repository root (this file lives in scripts/).
CAREHUB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The directory holding PostgreSQL's server programs (Debian keeps them off PATH).
pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return 0
  fi
  return 1
}

# Where a private cluster named $1 lives: under .carehub/ in the project, unless the server's
# user cannot reach the project (a private parent such as /root), then under /tmp.
default_pg_dir() {
  local name="$1"
  if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$CAREHUB_ROOT"; then
    echo "/tmp/carehub-$(printf '%s' "$CAREHUB_ROOT" | cksum | cut -d' ' -f1)-$name"
  else
    echo "$CAREHUB_ROOT/.carehub/$name"
  fi
}
