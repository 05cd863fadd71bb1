#!/usr/bin/env bash
# Keycloak from its distribution (KEYCLOAK_HOME, unpacked by the e2e build from Maven Central's
# org.keycloak:keycloak-quarkus-dist), in dev mode on KEYCLOAK_PORT (default 8180), with the
# syncline realm imported from deploy/keycloak/syncline-realm.json. The realm's secrets come from
# the environment (see the realm file's ${...} placeholders). Keycloak 26 needs Java 21+: JAVA_HOME
# if it is one, else the newest JDK under /usr/lib/jvm that is.
#   keycloak.sh start LOG_DIR    keycloak.sh stop LOG_DIR
set -euo pipefail
action=$1 log_dir=$2
port=${KEYCLOAK_PORT:-8180}
root="$(cd "$(dirname "$0")/../.." && pwd)"

java_major() { "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}'; }
find_java21() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ -x "$jdk/bin/java" ] && [ "$(java_major "$jdk")" -ge 21 ]; then echo "${jdk%/}"; return; fi
  done
  echo "Keycloak 26 needs Java 21 or newer: none found in JAVA_HOME or under /usr/lib/jvm (install Temurin 21+)" >&2
  return 1
}

case "$action" in
  start)
    [ -x "${KEYCLOAK_HOME:-}/bin/kc.sh" ] || { echo "KEYCLOAK_HOME must point at an unpacked Keycloak distribution" >&2; exit 1; }
    jdk=$(find_java21)
    # A fresh realm every start: the import skips a realm that exists, and its secrets are new each time.
    rm -rf "$KEYCLOAK_HOME/data/h2"
    mkdir -p "$KEYCLOAK_HOME/data/import" "$log_dir"
    cp "$root/deploy/keycloak/syncline-realm.json" "$KEYCLOAK_HOME/data/import/"
    JAVA_HOME="$jdk" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" KC_BOOTSTRAP_ADMIN_USERNAME=admin \
      KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
      nohup "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port="$port" --import-realm --cache=local \
      > "$log_dir/keycloak.log" 2>&1 &
    echo $! > "$log_dir/keycloak.pid"
    for _ in $(seq 1 180); do
      curl -fs -o /dev/null "http://localhost:$port/realms/syncline/.well-known/openid-configuration" && exit 0
      kill -0 "$(cat "$log_dir/keycloak.pid")" 2>/dev/null || { tail -30 "$log_dir/keycloak.log" >&2; exit 1; }
      sleep 1
    done
    echo "Keycloak did not serve the syncline realm within 180 s" >&2
    tail -30 "$log_dir/keycloak.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$log_dir/keycloak.pid" ]; then
      pkill -P "$(cat "$log_dir/keycloak.pid")" 2>/dev/null || true
      kill "$(cat "$log_dir/keycloak.pid")" 2>/dev/null || true
    fi
    ;;
esac
