#!/usr/bin/env bash
# Adds an account to the centre's Mosquitto (or gives an existing one a new password): docs/broker.md.
#
#   add-account.sh [--passwd FILE] [--acl FILE] [--password-stdin] device ID
#   add-account.sh [--passwd FILE] [--acl FILE] [--password-stdin] seat NAME [DISTRICT]
#
# device: a grid worker (W0001) or sensor (S0001); the acl file's patterns let it publish on its own topics
#         only, so nothing is added to the acl file.
# seat:   a console; "user NAME" and "topic read gc/v1/DISTRICT/+/+" are appended to the acl file (every
#         district, "+", when none is given).
#
# The password is made here (144 random bits) and printed once on stdout as "NAME<tab>PASSWORD", unless
# --password-stdin reads it from the first line of stdin (then nothing is printed). It reaches
# mosquitto_passwd through a pipe, never the command line (which other users of the machine can see).
# Files default to /etc/mosquitto/passwd and /etc/mosquitto/acl; the broker reads them again on reload.
set -euo pipefail

PASSWD=/etc/mosquitto/passwd
ACL=/etc/mosquitto/acl
PASSWORD_FROM_STDIN=false

usage() {
  sed -n '4,5s/^#  */usage: /p' "$0" >&2
  exit 2
}
fail() {
  printf 'add-account.sh: %s\n' "$*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
    --passwd) [ $# -ge 2 ] || usage; PASSWD="$2"; shift 2 ;;
    --acl) [ $# -ge 2 ] || usage; ACL="$2"; shift 2 ;;
    --password-stdin) PASSWORD_FROM_STDIN=true; shift ;;
    -h|--help) usage ;;
    --*) fail "unknown option $1" ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || usage
KIND="$1"
NAME="$2"
DISTRICT="${3:-+}"

command -v mosquitto_passwd >/dev/null 2>&1 || fail "mosquitto_passwd not found: install the mosquitto package"
# The protocol's sender id: it becomes a topic level, so no "/", "+", "#" or spaces.
[[ "$NAME" =~ ^[A-Za-z0-9_.-]{1,64}$ ]] || fail "account name '$NAME' must be 1 to 64 of A-Z a-z 0-9 _ . -"
[ -f "$ACL" ] || fail "acl file $ACL not found: install packaging/mosquitto/acl there first (or name it with --acl)"

# "user NAME" in the acl file is what makes an account a seat.
is_seat() { grep -qxF "user $NAME" "$ACL"; }
has_account() { [ -f "$PASSWD" ] && cut -d: -f1 "$PASSWD" | grep -qxF "$NAME"; }

case "$KIND" in
  device)
    [ $# -eq 2 ] || usage
    if is_seat; then fail "$NAME is a seat account in $ACL; a device must have a name of its own"; fi
    ;;
  seat)
    [ $# -le 3 ] || usage
    [[ "$DISTRICT" == "+" || "$DISTRICT" =~ ^[0-9]{6,12}$ ]] \
      || fail "district '$DISTRICT' must be the district's code (6 to 12 digits, e.g. 440402) or +"
    if has_account && ! is_seat; then fail "$NAME is a device account; a seat must have a name of its own"; fi
    ;;
  *) usage ;;
esac

if [ "$PASSWORD_FROM_STDIN" = true ]; then
  IFS= read -r PASSWORD || true
  [ -n "$PASSWORD" ] || fail "--password-stdin: the first line of stdin is empty"
else
  PASSWORD="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
fi

if [ ! -f "$PASSWD" ]; then
  (umask 077 && : > "$PASSWD") || fail "cannot create $PASSWD"
fi
# mosquitto_passwd asks twice when it gets no password argument; its prompts go to stdout.
printf '%s\n%s\n' "$PASSWORD" "$PASSWORD" | mosquitto_passwd "$PASSWD" "$NAME" >/dev/null \
  || fail "mosquitto_passwd could not write $PASSWD"
# The broker reads the file after dropping root for the mosquitto user: readable by its group, nobody else.
if getent group mosquitto >/dev/null 2>&1 && chgrp mosquitto "$PASSWD" 2>/dev/null; then
  chmod 0640 "$PASSWD"
else
  chmod 0600 "$PASSWD"
fi

if [ "$KIND" = seat ] && ! is_seat; then
  printf '\nuser %s\ntopic read gc/v1/%s/+/+\n' "$NAME" "$DISTRICT" >> "$ACL"
fi

if [ "$PASSWORD_FROM_STDIN" = false ]; then
  printf '%s\t%s\n' "$NAME" "$PASSWORD"
fi
printf 'add-account.sh: %s account %s is in %s; reload the broker to use it: systemctl reload mosquitto\n' \
  "$KIND" "$NAME" "$PASSWD" >&2
