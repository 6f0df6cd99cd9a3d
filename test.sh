#!/usr/bin/env bash
# Builds Borgerpuls and runs the whole test suite twice: on the embedded SQLite database and on a real PostgreSQL server
# that this script installs (Debian package, as root) and starts on a free loopback port, then stops.
# BORGERPULS_SKIP_POSTGRES=1 skips the PostgreSQL run for quick local work; CI never sets it.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Hundreds of in-process servers start and stop in one test process; each would watch appsettings.json and wwwroot with an
# inotify instance, and Linux allows 128 per user by default. Polling watchers need none.
export DOTNET_USE_POLLING_FILE_WATCHER=1

source scripts/postgres.sh
trap pg_stop EXIT

# The browser tests drive Debian's Chromium (Playwright's own browser download cannot be used).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "== installing Chromium from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "!! /usr/bin/chromium is missing and this is not root: the browser tests will fail." >&2
  fi
fi

# The report tests turn Chromium's PDF into PNG pages with pdftoppm (poppler-utils).
if ! command -v pdftoppm >/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    echo "== installing poppler-utils from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  else
    echo "!! pdftoppm is missing and this is not root: the report PDF test will fail." >&2
  fi
fi

# The alert tests send mail through a real SMTP server process: Debian's aiosmtpd.
if ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    echo "== installing python3-aiosmtpd from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
  else
    echo "!! python3-aiosmtpd is missing and this is not root: the alert mail tests will fail." >&2
  fi
fi

echo "== axe-core for the accessibility checks (npm)"
npm ci --prefix tests/Borgerpuls.BrowserTests --no-audit --no-fund --silent

echo "== build"
dotnet build Borgerpuls.slnx -c Release -warnaserror -nologo -v quiet

results=$(mktemp -d)
run_suite() {
  local provider=$1 target=$2
  echo "== tests on $provider ($target)"
  BORGERPULS_TEST_DB=$provider BORGERPULS_ARTIFACTS="$PWD/artifacts" dotnet test "$target" -c Release --no-build --nologo \
    --logger "console;verbosity=minimal" 2>&1 | tee "$results/$provider.log"
  return "${PIPESTATUS[0]}"
}

status=0
# The browser tests run once (they use their own embedded database); the rest runs on both databases.
run_suite sqlite Borgerpuls.slnx || status=1

if [ "${BORGERPULS_SKIP_POSTGRES:-}" = "1" ]; then
  echo "!! BORGERPULS_SKIP_POSTGRES=1: the PostgreSQL run was skipped. CI does not skip it." >&2
elif pg_start; then
  run_suite postgres tests/Borgerpuls.Tests/Borgerpuls.Tests.csproj || status=1
else
  echo "!! PostgreSQL could not be installed or started: the suite cannot run against it. FAILING (set BORGERPULS_SKIP_POSTGRES=1 to skip locally)." >&2
  status=1
fi

# One closing line over both runs.
passed=$(grep -ho 'Passed: *[0-9]*' "$results"/*.log | awk '{s+=$2} END {print s+0}')
failed=$(grep -ho 'Failed: *[0-9]*' "$results"/*.log | awk '{s+=$2} END {print s+0}')
rm -rf "$results"
[ "$failed" = "0" ] || status=1
echo "$passed passed, $failed failed"
exit $status
