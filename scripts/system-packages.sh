#!/usr/bin/env bash
# System packages the tests use beyond Python's: Debian's chromium for the browser test of
# `bulletins browse` (Playwright drives it; its own browser download cannot run here) and
# fonts-noto-cjk so that the screenshot shows Chinese. Installed only where missing, only as root
# with apt-get; elsewhere a note, and the browser test skips saying why.
set -uo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: ${missing[*]} not installed (needs root and apt-get): the browser test will skip" >&2
  exit 0
fi
echo "installing ${missing[*]} (apt-get)..." >&2
log=$(mktemp)
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
       "${missing[@]}"; } >"$log" 2>&1; then
  tail -20 "$log" >&2
  echo "note: apt-get could not install ${missing[*]}: the browser test will skip" >&2
fi
rm -f "$log"
exit 0
