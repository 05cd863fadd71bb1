#!/usr/bin/env bash
# The system in containers, for real: builds the images of the five services and the sandbox from
# their Dockerfile.jvm with podman (no Docker engine needed), starts them with docker-compose from
# deploy/compose.yaml plus deploy/containers/compose.ci.yaml, runs the end-to-end checks against
# the containers (deploy/containers/checks.sh), validates the Kubernetes manifests, and removes
# everything it started. Prints each check as PASS/FAIL (or SKIP with the reason) and ends with
# "N passed, M failed"; exits non-zero on any failure. CI runs it after the Maven build
# (.ci/run); locally:
#   ./mvnw -DskipTests package && deploy/containers/run.sh
# Needs root (podman, apt-get), the packaged modules (target/quarkus-app) and the local PostgreSQL
# (DB_HOST 127.0.0.1, DB_PORT 5432, user postgres, trust): it works in a database of its own,
# CI_DB_NAME (default syncline_containers), created fresh and dropped at the end.
# CI_PORT_BASE (default 18080) moves every port: services +1..+5, sandbox +10.
# KEEP=1 leaves the containers and the database up for a look (then: deploy/containers/run.sh --down).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
started=$SECONDS

export CONTAINERS_CONF="$root/deploy/containers/containers.conf"
export CI_DB_NAME=${CI_DB_NAME:-syncline_containers} CI_DB_USER=postgres DB_PORT=${DB_PORT:-5432}
base=${CI_PORT_BASE:-18080}
export CI_MAGENTO_PORT=$((base + 1)) CI_ERP_PORT=$((base + 2)) CI_CATALOG_PORT=$((base + 3))
export CI_MIGRATION_PORT=$((base + 4)) CI_PACKAGE_PORT=$((base + 5)) CI_SANDBOX_PORT=$((base + 10))
state=${STATE_DIR:-$root/target/containers}
project=syncline-ci
socket="$state/podman.sock"
modules=(sandbox magento-sync-service erp-sync-service catalog-sync-service migration-service package-sync-service)
services=(magento-sync-service erp-sync-service catalog-sync-service migration-service package-sync-service)
psql_db() { psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
stamp() { printf '[%4ds] %s\n' $((SECONDS - started)) "$*"; }

compose() {
  DOCKER_HOST="unix://$socket" docker-compose -p "$project" --project-directory "$root/deploy" \
    -f "$state/compose.yaml" -f "$root/deploy/containers/compose.ci.yaml" --profile sandbox "$@"
}

down() {
  if [ -S "$socket" ]; then
    compose down --remove-orphans -t 10 >/dev/null 2>&1 || true
  fi
  for name in "${modules[@]}"; do podman rm -f -t 5 "${project}_${name}_1" >/dev/null 2>&1 || true; done
  if [ -f "$state/podman-service.pid" ]; then
    kill "$(cat "$state/podman-service.pid")" 2>/dev/null || true
    rm -f "$state/podman-service.pid"
  fi
  psql_db -d postgres -c "drop database if exists \"$CI_DB_NAME\" with (force)" 2>/dev/null || true
}

if [ "${1:-}" = --down ]; then
  down
  exit 0
fi

# --- Tools: Debian's podman (daemonless) with runc, docker-compose 1.29 (talks to podman's Docker
# API), debootstrap for the base image, jq for the checks.
missing=()
for tool in podman:podman runc:runc docker-compose:docker-compose debootstrap:debootstrap jq:jq curl:curl; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  stamp "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for module in "${modules[@]}"; do
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || {
    echo "$module is not packaged: run ./mvnw -DskipTests package first" >&2; exit 1; }
done
pg_isready -h 127.0.0.1 -p "$DB_PORT" -q || { echo "PostgreSQL is not up on 127.0.0.1:$DB_PORT" >&2; exit 1; }
for port in "$CI_MAGENTO_PORT" "$CI_ERP_PORT" "$CI_CATALOG_PORT" "$CI_MIGRATION_PORT" "$CI_PACKAGE_PORT" "$CI_SANDBOX_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is taken (an earlier run still up? deploy/containers/run.sh --down; or set CI_PORT_BASE)" >&2
    exit 1
  fi
done

mkdir -p "$state"
rm -rf "$state/logs" && mkdir -p "$state/logs"
trap '[ -n "${KEEP:-}" ] || down' EXIT

# --- The base image the Dockerfiles' FROM names: built once from Debian, then cached.
t=$SECONDS
deploy/containers/base-image.sh
base_seconds=$((SECONDS - t))
stamp "base image ready in ${base_seconds} s"

# --- The six images, from their Dockerfiles unchanged, on the packaged target/quarkus-app.
t=$SECONDS
for module in "${modules[@]}"; do
  tm=$SECONDS
  podman build -q --pull=never -f "$module/src/main/docker/Dockerfile.jvm" -t "localhost/syncline/$module:ci" "$module" \
    > "$state/logs/build-$module.log" 2>&1 || { tail -30 "$state/logs/build-$module.log" >&2; exit 1; }
  stamp "image syncline/$module built in $((SECONDS - tm)) s"
done
build_seconds=$((SECONDS - t))
podman image prune -f >/dev/null 2>&1 || true

# --- docker-compose drives podman through its Docker-compatible API.
rm -f "$socket"
podman system service --time=0 "unix://$socket" > "$state/logs/podman-service.log" 2>&1 &
echo $! > "$state/podman-service.pid"
for _ in $(seq 1 50); do [ -S "$socket" ] && break; sleep 0.2; done
# The copy compose reads here differs from deploy/compose.yaml in two lines only, both things
# docker-compose 1.29 refuses: the top-level "name:" (it predates it; the project is named with -p
# instead), and "ports:", which it will not combine with the override's host network (where
# nothing is published: each container listens on the host's loopback itself).
sed -e '/^name:/d' -e '/^    ports:/d' deploy/compose.yaml > "$state/compose.yaml"

secret() { head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
# Every variable compose.yaml requires, fresh each run (PostgreSQL and Keycloak are not started
# here, but compose reads the whole file).
for name in POSTGRES_PASSWORD MAGENTO_SYNC_DB_PASSWORD ERP_SYNC_DB_PASSWORD CATALOG_SYNC_DB_PASSWORD \
    MIGRATION_DB_PASSWORD PACKAGE_SYNC_DB_PASSWORD KEYCLOAK_ADMIN_PASSWORD DEMO_USER_PASSWORD \
    MIGRATION_UI_CLIENT_SECRET MAGENTO_SYNC_SERVICE_CLIENT_SECRET ERP_SYNC_SERVICE_CLIENT_SECRET \
    CATALOG_SYNC_SERVICE_CLIENT_SECRET MIGRATION_SERVICE_CLIENT_SECRET PACKAGE_SYNC_SERVICE_CLIENT_SECRET; do
  export "$name=$(secret)"
done
export CRON_SECRET="cron-$(secret)"
for name in MAGENTO_SYNC ERP_SYNC CATALOG_SYNC MIGRATION PACKAGE_SYNC; do export "${name}_CRON_SECRET=$CRON_SECRET"; done
export CATALOG_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"

psql_db -d postgres -c "drop database if exists \"$CI_DB_NAME\" with (force)"
psql_db -d postgres -c "create database \"$CI_DB_NAME\" encoding 'UTF8' template template0"

compose config -q
t=$SECONDS
compose up -d --no-deps --no-build sandbox "${services[@]}" > "$state/logs/compose-up.log" 2>&1 \
  || { cat "$state/logs/compose-up.log" >&2; exit 1; }
stamp "compose started ${#modules[@]} containers in $((SECONDS - t)) s"

export PROJECT=$project STATE=$state BASE_SECONDS=$base_seconds BUILD_SECONDS=$build_seconds
status=0
rm -f "$state/summary"
deploy/containers/checks.sh || status=$?
for name in "${modules[@]}"; do podman logs "${project}_${name}_1" > "$state/logs/$name.log" 2>&1 || true; done
stamp "container logs in $state/logs; whole step took $((SECONDS - started)) s"
cat "$state/summary" 2>/dev/null || echo "0 passed, 1 failed"
exit $status
