#!/usr/bin/env bash
# Stops what up.sh started: services, sandbox, Prometheus, Keycloak and the pg_cron cluster.
#   down.sh STATE_DIR
set -uo pipefail
cd "$(dirname "$0")/../.."
state=$1
for pidfile in "$state"/logs/*.pid; do
  [ -f "$pidfile" ] || continue
  case "$pidfile" in *keycloak.pid) continue ;; esac
  kill "$(cat "$pidfile")" 2>/dev/null
done
deploy/e2e/keycloak.sh stop "$state/logs"
sleep 2
deploy/e2e/pg-cron-cluster.sh stop "$state/pg"
