#!/usr/bin/env bash
# collect-applinks.sh — written by `applink-advisor collector`; how to use it: docs/collecting.md.
#
# Saves what one Atlassian server (Jira, Confluence, Bitbucket, Bamboo, …) answers about its application
# links, for Applink Advisor to import on an offline workstation. READ-ONLY: it sends GET requests and
# nothing else, so it changes nothing on the server.
#
#   bash collect-applinks.sh BASE_URL OUT_DIR
#
# Credentials (never on the command line, never written to disk, never echoed):
#   APPLINKS_TOKEN                       a personal access token of an administrator (sent as Bearer)
#   APPLINKS_USER + APPLINKS_PASSWORD    an administrator's user name and password (Basic)
#   neither: asked for when a terminal is attached.
# TLS certificates are always verified. APPLINKS_CACERT=/path/ca.pem names a CA bundle for an internal CA.
# APPLINKS_ALLOW_HTTP=1 allows a plain http:// BASE_URL — for testing against a local stand-in only: it
# sends the credentials unencrypted.
#
# Needs bash 3.2+ and curl; with jq (optional) secrets are removed from each answer as it is saved.
# Exit status: 0 collected; 2 wrong usage or settings; 3 the server refused the credentials (401/403);
# 4 the server could not be reached or its certificate is not trusted.
set -euo pipefail
umask 077

readonly COLLECTOR_VERSION=1
# The field names and values Applink Advisor's importer removes (shared/import/secrets.ts); keep in step.
readonly SECRET_NAMES='pass(word|wd|phrase)?$|secret|token|private.?key|credential|api.?key|^auth(orization)?$|^cookie$|^session'
readonly SCRUB='
def secretvalue: type == "string" and (test("-----BEGIN [A-Z ]*PRIVATE KEY-----")
  or test("^Bearer\\s+\\S{8,}"; "i") or test("^Basic\\s+[A-Za-z0-9+/=]{8,}$"; "i")
  or test("^[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}$")
  or test("^(ATATT|ATCTT|BBDC-|NjU|MD)[A-Za-z0-9+/=_-]{20,}$"));
def scrub: if type == "object" then
    with_entries(select((.key | test("^public.?key$"; "i")) | not)
      | select(((.key | test($names; "i")) and .value != null and .value != "" and .value != false) | not)
      | select(.value | secretvalue | not)
      | .value |= scrub)
  elif type == "array" then map(select(secretvalue | not) | scrub)
  else . end;
scrub'

say() { printf '%s\n' "$*" >&2; }
usage() {
  say "Usage: bash collect-applinks.sh BASE_URL OUT_DIR"
  say "  BASE_URL  the server's base URL, e.g. https://jira.example.com or https://tools.example.com/wiki"
  say "  OUT_DIR   the folder to save into (the answers go to OUT_DIR/<server host>/)"
  say "Credentials: APPLINKS_TOKEN, or APPLINKS_USER and APPLINKS_PASSWORD, or a prompt. See docs/collecting.md."
}

if [ "$#" -ne 2 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  usage
  exit 2
fi
BASE_URL=${1%/}
OUT_DIR=$2

case $BASE_URL in
  *@*) say "The URL must not hold a user name or password: give them in APPLINKS_USER and APPLINKS_PASSWORD (or APPLINKS_TOKEN)."; exit 2 ;;
esac
if ! printf '%s' "$BASE_URL" | grep -Eq '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$'; then
  say "\"$BASE_URL\" is not a base URL this script accepts: expected e.g. https://jira.example.com or https://tools.example.com:8443/wiki"
  exit 2
fi
PROTOCOLS='=https'
case $BASE_URL in
  http://*)
    if [ "${APPLINKS_ALLOW_HTTP:-}" != "1" ]; then
      say "$BASE_URL is plain http: the credentials would cross the network unencrypted. Use the https:// address."
      say "(APPLINKS_ALLOW_HTTP=1 allows http for testing against a local stand-in only.)"
      exit 2
    fi
    PROTOCOLS='=http' ;;
esac

CA_ARGS=()
if [ -n "${APPLINKS_CACERT:-}" ]; then
  if [ ! -r "$APPLINKS_CACERT" ]; then
    say "APPLINKS_CACERT names $APPLINKS_CACERT, which cannot be read: give the path of your CA bundle (PEM)."
    exit 2
  fi
  CA_ARGS=(--cacert "$APPLINKS_CACERT")
fi

# curl config lines quote values with "…"; a backslash or a quote inside is escaped.
quote() {
  local v=$1
  v=${v//\\/\\\\}
  v=${v//\"/\\\"}
  printf '"%s"' "$v"
}
# The credentials reach curl as a config on its standard input (-K -): never on its command line, where
# any user of the host could read them in the process list.
CURL_CONFIG=
if [ -n "${APPLINKS_TOKEN:-}" ]; then
  CURL_CONFIG="header = $(quote "Authorization: Bearer $APPLINKS_TOKEN")"
elif [ -n "${APPLINKS_USER:-}" ] && [ -n "${APPLINKS_PASSWORD:-}" ]; then
  CURL_CONFIG="user = $(quote "$APPLINKS_USER:$APPLINKS_PASSWORD")"
elif [ -t 0 ]; then
  user=${APPLINKS_USER:-}
  if [ -z "$user" ]; then
    printf 'Administrator user name (leave empty to give a personal access token): ' >&2
    IFS= read -r user
  fi
  if [ -z "$user" ]; then
    printf 'Personal access token (not shown): ' >&2
    IFS= read -r -s secret
    printf '\n' >&2
    CURL_CONFIG="header = $(quote "Authorization: Bearer $secret")"
  else
    printf 'Password for %s (not shown): ' "$user" >&2
    IFS= read -r -s secret
    printf '\n' >&2
    CURL_CONFIG="user = $(quote "$user:$secret")"
  fi
  unset secret
else
  say "No credentials: set APPLINKS_TOKEN (a personal access token), or APPLINKS_USER and APPLINKS_PASSWORD, or run the script in a terminal to be asked."
  exit 2
fi
case $CURL_CONFIG in
  *$'\n'*|*$'\r'*) say "The credentials hold a line break; they cannot be right."; exit 2 ;;
esac

if command -v jq >/dev/null 2>&1; then JSON_TOOL=jq; else JSON_TOOL=none; fi

# The folder is named for the server: host, then port and context path if any (tools.example.com_8443_wiki).
HOST_DIR=$(printf '%s' "$BASE_URL" | sed -E 's#^https?://##; s#[:/]+#_#g; s#_+$##')
TARGET="$OUT_DIR/$HOST_DIR"
if [ -e "$TARGET" ]; then
  say "$TARGET already exists; nothing was collected. Choose another OUT_DIR, or move the earlier collection away."
  exit 2
fi
mkdir -p "$TARGET"
ERR_FILE=$(mktemp "${TMPDIR:-/tmp}/collect-applinks.XXXXXX")
trap 'rm -f "$ERR_FILE"' EXIT

STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
CALLS=''
SAVED=0
SCRUBBED=''
MAY_HOLD=''

json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
note() { # PATH STATUS FILE NOTE
  local entry
  entry="{\"path\": $(json_string "$1"), \"status\": $2"
  [ -n "$3" ] && entry="$entry, \"file\": $(json_string "$3")"
  [ -n "$4" ] && entry="$entry, \"note\": $(json_string "$4")"
  CALLS="${CALLS:+$CALLS,
    }$entry}"
}
json_list() { # space-separated words → ["a", "b"]
  local out='' word
  for word in $1; do out="${out:+$out, }$(json_string "$word")"; done
  printf '[%s]' "$out"
}
write_collection() { # STOPPED_REASON (empty when complete)
  local stopped=null
  [ -n "$1" ] && stopped=$(json_string "$1")
  cat >"$TARGET/collection.json" <<EOF
{
  "format": "applink-advisor.collection",
  "collectorVersion": $COLLECTOR_VERSION,
  "collector": "collect-applinks.sh",
  "server": $(json_string "$BASE_URL"),
  "startedAt": "$STARTED",
  "finishedAt": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "sensitiveFieldsRemovedBy": $( [ "$JSON_TOOL" = jq ] && printf '"jq"' || printf 'null'),
  "sensitiveFieldsRemovedFrom": $(json_list "$SCRUBBED"),
  "mayStillHoldSensitiveFields": $(json_list "$MAY_HOLD"),
  "stopped": $stopped,
  "calls": [
    $CALLS
  ]
}
EOF
}

# GET one path: sets STATUS (000 when curl failed) and BODY.
get() {
  local out rc=0
  out=$(printf '%s\n' "$CURL_CONFIG" | curl -q --silent --show-error --globoff --proto "$PROTOCOLS" \
    --connect-timeout 20 --max-time 120 ${CA_ARGS[@]+"${CA_ARGS[@]}"} -H 'Accept: application/json' \
    --write-out '\n%{http_code}' -K - "$BASE_URL$1" 2>"$ERR_FILE") || rc=$?
  if [ "$rc" -ne 0 ]; then
    STATUS=000
    BODY=''
    case $rc in
      35|51|53|54|58|59|60|66|77|80|82|83|90|91)
        say "$BASE_URL: the server's TLS certificate could not be verified (curl: $(cat "$ERR_FILE"))."
        say "If it is signed by an internal CA, set APPLINKS_CACERT=/path/to/ca-bundle.pem and run again. Verification is never switched off."
        write_collection "certificate not trusted"
        exit 4 ;;
      *)
        say "$BASE_URL$1: could not be reached (curl: $(cat "$ERR_FILE")). Nothing more was collected."
        write_collection "server not reachable"
        exit 4 ;;
    esac
  fi
  STATUS=${out##*$'\n'}
  BODY=${out%$'\n'*}
  [ "$BODY" = "$out" ] && BODY=''
  return 0
}

refused() { # PATH STATUS
  if [ "$2" = 401 ]; then
    say "The server did not accept the credentials (HTTP 401 for $1). Check APPLINKS_TOKEN, or APPLINKS_USER and APPLINKS_PASSWORD. Nothing more was collected."
  else
    say "The server refused $1 (HTTP 403): the user must be an administrator (the applicationlink resources also ask for WebSudo; an administrator's personal access token avoids it). Nothing more was collected."
  fi
  note "$1" "$2" "" "refused: collection stopped"
  write_collection "refused with HTTP $2"
  exit 3
}

# Saves BODY as FILE: through jq (secrets removed) when there is jq, as sent otherwise.
save() {
  local file=$1 path="$TARGET/$1"
  if [ "$JSON_TOOL" = jq ]; then
    if ! printf '%s' "$BODY" | jq . >/dev/null 2>&1; then
      return 1
    fi
    printf '%s' "$BODY" | jq --arg names "$SECRET_NAMES" "$SCRUB" >"$path"
    if [ "$(printf '%s' "$BODY" | jq -S .)" != "$(jq -S . "$path")" ]; then SCRUBBED="$SCRUBBED $file"; fi
  else
    case $BODY in
      '{'*|'['*) ;;
      *) return 1 ;;
    esac
    printf '%s\n' "$BODY" >"$path"
    if grep -Eiq '"[^"]*(pass(word|wd|phrase)?|secret|token|private.?key|credential|api.?key|authorization|cookie|session)[^"]*"[[:space:]]*:' "$path" \
      || grep -Eq 'PRIVATE KEY-----|"Bearer |"Basic ' "$path"; then
      MAY_HOLD="$MAY_HOLD $file"
    fi
  fi
  SAVED=$((SAVED + 1))
  return 0
}

# call PATH FILE: GET PATH and save a 200 answer as FILE; a 404 or another answer is noted and skipped;
# 401/403 stop everything. Returns 0 when saved.
call() {
  get "$1"
  case $STATUS in
    200)
      if save "$2"; then
        note "$1" 200 "$2" ""
        say "  saved $2"
        return 0
      fi
      note "$1" 200 "" "not JSON (a login page or a proxy's answer?); not saved"
      say "  $1: the answer is not JSON (a login page or a proxy's answer?); skipped" ;;
    401|403) refused "$1" "$STATUS" ;;
    404)
      note "$1" 404 "" "not answered by this server (an older Applinks version, or no such link); skipped"
      say "  $1: not answered (404); skipped" ;;
    *)
      note "$1" "$STATUS" "" "unexpected answer; skipped"
      say "  $1: HTTP $STATUS; skipped" ;;
  esac
  return 1
}

# The link ids in a saved list of links (jq), or, without jq, the UUID-shaped "id" values in it.
ids_in() {
  local file="$TARGET/$1"
  [ -f "$file" ] || return 0
  if [ "$JSON_TOOL" = jq ]; then
    jq -r '(if type == "array" then . else (.list // .applinks // .applicationLinks // []) end)[]? | (.application.id? // .id?) | strings' "$file"
  else
    grep -oE '"id"[[:space:]]*:[[:space:]]*"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"' "$file" | sed -E 's/.*"([^"]+)"$/\1/'
  fi
}

say "Collecting the application links of $BASE_URL into $TARGET (read-only GET requests)"
[ "$JSON_TOOL" = jq ] || say "  (no jq on this host: answers are saved as the server sent them; see the end for files that may hold secrets)"

if ! call /rest/applinks/1.0/manifest manifest.json; then
  say "Without the manifest the importer cannot tell which server this is: is $BASE_URL the base URL of an Atlassian application?"
fi
call /rest/applinks/1.0/listApplicationlinks listApplicationlinks.json \
  || call /rest/applinks/latest/listApplicationlinks listApplicationlinks.json || true
call /rest/applinks/3.0/applinks applinks.json || true

LINK_IDS=$( { ids_in listApplicationlinks.json; ids_in applinks.json; } | awk '!seen[$0]++')
for id in $LINK_IDS; do
  if ! printf '%s' "$id" | grep -Eq '^[A-Za-z0-9_-]{1,100}$'; then
    note "(link id)" 0 "" "a link id with unexpected characters was skipped"
    say "  a link id with unexpected characters was skipped"
    continue
  fi
  say "Link $id"
  call "/rest/applinks/3.0/status/$id" "status-$id.json" || true
  call "/rest/applinks/3.0/status/$id/oauth" "oauth-$id.json" || true
  call "/rest/applinks/latest/applicationlink/$id/authentication" "authentication-$id.json" || true
  call "/rest/applinks/latest/applicationlink/$id/authentication/provider" "authentication-provider-$id.json" || true
done

write_collection ""
say ""
say "Saved $SAVED answers from $BASE_URL in $TARGET ($(printf '%s\n' $LINK_IDS | grep -c . || true) links), and collection.json (what was asked and answered; no secrets)."
if [ "$JSON_TOOL" = jq ]; then
  [ -n "$SCRUBBED" ] && say "Secrets were removed as they were saved, from:$SCRUBBED"
  say "No file is known to hold a secret still (the importer checks again)."
else
  if [ -n "$MAY_HOLD" ]; then
    say "These files may still hold secrets (no jq here to remove them; the importer removes them on import):$MAY_HOLD"
    say "Keep the folder as safe as the servers' admin passwords, and delete it once imported."
  else
    say "No file has a field or value that looks secret."
  fi
fi
say "Next: carry $OUT_DIR to the workstation and run  applink-advisor import $OUT_DIR --dry-run"
