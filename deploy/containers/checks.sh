#!/usr/bin/env bash
# The end-to-end checks against the containers deploy/containers/run.sh started (it sets the
# environment this reads: PROJECT, STATE, CI_* ports and database, CRON_SECRET). Each check prints
# PASS, FAIL or SKIP (with why it cannot run here); the last line is "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0 failed=0 skipped=0
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }
skip() { skipped=$((skipped + 1)); printf 'SKIP  %s\n' "$*"; }
# check NAME COMMAND...: PASS when the command succeeds; its output is the detail either way.
check() {
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then pass "$name${out:+: $out}"; else fail "$name${out:+: $out}"; fi
}

sandbox=http://127.0.0.1:$CI_SANDBOX_PORT
declare -A port=([magento-sync-service]=$CI_MAGENTO_PORT [erp-sync-service]=$CI_ERP_PORT
  [catalog-sync-service]=$CI_CATALOG_PORT [migration-service]=$CI_MIGRATION_PORT [package-sync-service]=$CI_PACKAGE_PORT)
services=(magento-sync-service erp-sync-service catalog-sync-service migration-service package-sync-service)
tenant=00000000-0000-0000-0000-000000000001
container() { echo "${PROJECT}_$1_1"; }
url() { echo "http://127.0.0.1:${port[$1]}"; }
sql() { psql -h 127.0.0.1 -p "${DB_PORT:-5432}" -U postgres -d "$CI_DB_NAME" -qAt -c "$1"; }
api() { curl -fsS --max-time 30 -H "Authorization: Bearer $CRON_SECRET" "$@"; }
post() { curl -fsS --max-time 60 -X POST -H 'Content-Type: application/json' "$@"; }

# --- Images
for module in sandbox "${services[@]}"; do
  check "image syncline/$module runs as user 185" \
    bash -c "[ \"\$(podman image inspect -f '{{.Config.User}}' localhost/syncline/$module:ci)\" = 185 ] && echo \"\$(podman image inspect -f '{{.Size}}' localhost/syncline/$module:ci | awk '{printf \"%.0f MB\", \$1/1e6}')\""
done
echo "      (base image ${BASE_SECONDS} s, six images built in ${BUILD_SECONDS} s)"

# --- Readiness
ready_within() {
  local target=$1 limit=$2 t=$SECONDS
  for _ in $(seq 1 "$limit"); do
    if curl -fs -o /dev/null --max-time 2 "$target"; then echo "ready after $((SECONDS - t)) s"; return 0; fi
    sleep 1
  done
  echo "not ready within $limit s"
  return 1
}
check "sandbox container answers" ready_within "$sandbox/sandbox/magento/stats" 120
for s in "${services[@]}"; do
  check "$s container ready (/q/health/ready)" ready_within "$(url "$s")/q/health/ready" 180
done

# --- Non-root: inside the container and as the host sees the process
for name in sandbox "${services[@]}"; do
  c=$(container "$name")
  check "$name runs as uid 185, not root" bash -c "
    inside=\$(podman exec $c id -u) && pid=\$(podman inspect -f '{{.State.Pid}}' $c) &&
    host=\$(awk '/^Uid:/ {print \$2}' /proc/\$pid/status) &&
    echo \"id -u in the container \$inside, java (pid \$pid) on the host \$host\" && [ \"\$inside\" = 185 ] && [ \"\$host\" = 185 ]"
done

# --- Every job once, through its cron endpoint (the calls deploy/kubernetes/base/cronjobs.yaml makes)
seed() {
  post "$sandbox/sandbox/magento/reset" -d '{"orders": 2000, "seed": 7}' >/dev/null &&
  post "$sandbox/sandbox/softone/reset" -d '{"customers": 400, "suppliers": 60}' >/dev/null &&
  post "$sandbox/sandbox/plenty/main/reset" -d '{"variations": 200}' >/dev/null &&
  post "$sandbox/sandbox/shopware/main/reset" -d '{}' >/dev/null &&
  post "$sandbox/sandbox/crm/reset" -d '{"customers": 30, "packages": 90}' >/dev/null &&
  post "$sandbox/sandbox/commerce/reset" -d '{"seed": 5, "sharedCustomers": 80, "wooOnlyCustomers": 6, "shopifyOnlyCustomers": 4, "sharedOrders": 40, "wooOnlyOrders": 3, "shopifyOnlyOrders": 2}' >/dev/null &&
  echo "Magento 2000 orders, SoftOne 400+60 traders, 200 variations, 30 CRM customers, about 90+50 commerce records"
}
# Profiles must have logged in to the booking system before its bulk sync has anyone to sync.
login_crm_customers() {
  local n=0 customer
  for customer in $(curl -fsS -H 'apikey: sandbox-crm-key' "$sandbox/rest/v1/customers?select=id,email&order=id.asc&limit=1000" \
      | jq -c '.[] | select(.email != null)'); do
    api -X POST -H 'Content-Type: application/json' "$(url package-sync-service)/api/hooks/login" \
      -d "$(jq -nc --arg p "$(cat /proc/sys/kernel/random/uuid)" --arg e "$(jq -r .email <<<"$customer")" '{profileId: $p, email: $e}')" \
      >/dev/null || return 1
    n=$((n + 1))
  done
  echo "$n profiles logged in"
}
check "sandbox seeded" seed
check "package-sync login hook" login_crm_customers

# await_run SERVICE RUN_ID: waits for the ledger run to end; prints the run's JSON.
await_run() {
  local run
  for _ in $(seq 1 600); do
    run=$(api "$(url "$1")/api/runs/$2") || return 1
    [ "$(jq -r .status <<<"$run")" != running ] && { echo "$run"; return 0; }
    sleep 0.5
  done
  echo "$run"
  return 1
}
await_job() {
  local job
  for _ in $(seq 1 600); do
    job=$(api "$(url catalog-sync-service)/api/jobs/$1") || return 1
    jq -e '.status | test("succeeded|partial|dead")' <<<"$job" >/dev/null && { echo "$job"; return 0; }
    sleep 0.5
  done
  echo "$job"
  return 1
}
# run_summary JSON: "status, N read, N created, N rejected"; true when the run ended well.
run_ended_well() {
  jq -r '"\(.status), \(.recordsRead // .records.read // 0) read, \(.recordsCreated // .records.created // 0) created, \(.recordsRejected // .records.rejected // 0) rejected"' <<<"$1"
  jq -e '.status == "succeeded" or .status == "partial"' <<<"$1" >/dev/null
}
# cron_job NAME SERVICE PATH BODY ID_FIELD [HEADER]
cron_job() {
  local service=$1 path=$2 body=$3 field=$4 answer id run t=$SECONDS
  shift 4
  answer=$(api -X POST -H 'Content-Type: application/json' "$@" "$(url "$service")$path" -d "$body") || { echo "trigger refused"; return 1; }
  id=$(jq -r "$field" <<<"$answer")
  [ -n "$id" ] && [ "$id" != null ] || { echo "no run id in $answer"; return 1; }
  run=$(await_run "$service" "$id") || { echo "run $id did not end: $run"; return 1; }
  printf 'run %s in %d s: ' "$id" $((SECONDS - t))
  run_ended_well "$run"
}
cron_catalog() {
  local type=$1 answer job t=$SECONDS
  answer=$(api -X POST -H 'Content-Type: application/json' "$(url catalog-sync-service)/api/tenants/$tenant/syncs" \
    -d "{\"type\": \"$type\"}") || { echo "trigger refused"; return 1; }
  job=$(await_job "$(jq -r .jobId <<<"$answer")") || { echo "job did not end: $job"; return 1; }
  printf 'job %s in %d s: ' "$(jq -r .jobId <<<"$answer")" $((SECONDS - t))
  jq -r '.status' <<<"$job"
  jq -e '.status == "succeeded" or .status == "partial"' <<<"$job" >/dev/null
}
check "cron magento-sync sync-customers" cron_job magento-sync-service /api/admin/mailing/sync-customers '{}' .data.runId
check "cron erp-sync sync-customers" cron_job erp-sync-service /api/cron/sync-customers '{}' .runId -H 'Prefer: respond-async'
check "cron erp-sync sync-suppliers" cron_job erp-sync-service /api/cron/sync-suppliers '{}' .runId -H 'Prefer: respond-async'
check "cron catalog-sync CONFIG" cron_catalog CONFIG
check "cron catalog-sync PRODUCT_DELTA" cron_catalog PRODUCT_DELTA
check "cron migration compare customers" cron_job migration-service /api/customers/compare '{"sourceOfTruth": "woocommerce", "async": true}' .comparisonId
check "cron migration compare orders" cron_job migration-service /api/orders/compare '{"sourceOfTruth": "woocommerce", "async": true}' .comparisonId
check "cron package-sync sync-packages" cron_job package-sync-service /api/crm/sync-packages '{"batchSize": 20, "async": true}' .runId

consumers_match_sandbox() {
  local stored expected
  stored=$(sql "select count(*) from magento_sync.consumer")
  expected=$(curl -fsS "$sandbox/sandbox/magento/summary" | jq -r '.consumers // .distinctConsumers // empty')
  echo "$stored consumers stored, the sandbox says $expected"
  [ -n "$expected" ] && [ "$stored" = "$expected" ]
}
check "magento-sync stored what the sandbox says a correct sync ends with" consumers_match_sandbox

# --- Logs: JSON lines with the run's fields, and no secret
json_logs() {
  local log lines bad runs
  log=$(podman logs "$(container "$1")" 2>&1 | grep .)
  lines=$(wc -l <<<"$log")
  bad=$(jq -R -r '(fromjson? | select(type == "object" and has("message") and has("level")) | "ok") // "bad"' <<<"$log" | grep -c bad)
  runs=$(jq -R -r 'fromjson? | select(.mdc.runId != null) | .mdc.runId' <<<"$log" | wc -l)
  echo "$lines lines, $bad not JSON, $runs carry mdc.runId"
  [ "$lines" -gt 0 ] && [ "$bad" = 0 ] && [ "$runs" -gt 0 ]
}
for s in "${services[@]}"; do check "$s logs are JSON lines" json_logs "$s"; done
no_secret_in_logs() {
  local hits=0 s
  for s in "${services[@]}"; do
    podman logs "$(container "$s")" 2>&1 | grep -qF -e "$CRON_SECRET" -e "$CATALOG_ENCRYPTION_KEY" && hits=$((hits + 1))
  done
  echo "$hits services logged a secret"
  [ "$hits" = 0 ]
}
check "no service logs the cron secret or the encryption key" no_secret_in_logs

# --- podman stop during a run: SIGTERM closes the run as interrupted, nothing half-written
magento=$(url magento-sync-service)
mc=$(container magento-sync-service)
stop_during_run() {
  local answer id read_before t stop_seconds code row
  post "$sandbox/sandbox/magento/reset" -d '{"orders": 60000, "seed": 11}' >/dev/null || return 1
  curl -fsS -X PUT -H 'Content-Type: application/json' "$sandbox/sandbox/magento/faults" -d '{"latencyMs": 150}' >/dev/null || return 1
  answer=$(api -X POST -H 'Content-Type: application/json' "$magento/api/admin/mailing/sync-customers" \
    -d '{"fullSync": true, "batchSize": 100}') || { echo "trigger refused"; return 1; }
  id=$(jq -r .data.runId <<<"$answer")
  for _ in $(seq 1 120); do
    read_before=$(sql "select records_read from magento_sync.sync_run where id = $id")
    [ "${read_before:-0}" -gt 0 ] && break
    sleep 0.5
  done
  [ "${read_before:-0}" -gt 0 ] || { echo "run $id read nothing within 60 s"; return 1; }
  t=$SECONDS
  podman stop -t 20 "$mc" >/dev/null || { echo "podman stop failed"; return 1; }
  stop_seconds=$((SECONDS - t))
  code=$(podman inspect -f '{{.State.ExitCode}}' "$mc")
  row=$(sql "select status || '|' || records_read || ' read, ' || records_created || ' created; ' || coalesce(error_message, '') from magento_sync.sync_run where id = $id")
  echo "run $id had read $read_before; podman stop took ${stop_seconds} s, exit code $code; ledger before any restart: ${row%%|*}, ${row#*|}"
  STOPPED_RUN=$id
  # 143: the JVM ended on SIGTERM by itself (137 would be the SIGKILL after the grace period).
  [ "$code" = 143 ] && [ "$stop_seconds" -lt 20 ] && [ "${row%%|*}" = error ] && [[ $row == *"Interrupted: the service stopped"* ]]
}
STOPPED_RUN=
stop_during_run > "$STATE/stop.out" 2>&1 && pass "podman stop during a magento run: closed as interrupted by the stopping service: $(cat "$STATE/stop.out")" \
  || fail "podman stop during a magento run: $(cat "$STATE/stop.out")"
nothing_half_written() {
  local consumers created
  consumers=$(sql "select count(*) from magento_sync.consumer")
  created=$(sql "select coalesce(sum(records_created), 0) from magento_sync.sync_run")
  echo "$consumers consumer rows, $created created by the runs' counts"
  [ "$consumers" = "$created" ] && [ "$(sql "select count(*) from magento_sync.sync_run where status = 'running'")" = 0 ]
}
check "nothing half-written: every stored consumer is counted by a closed run" nothing_half_written
after_restart() {
  local run t=$SECONDS
  podman start "$mc" >/dev/null || return 1
  ready_within "$magento/q/health/ready" 180 >/dev/null || { echo "not ready again"; return 1; }
  run=$(api "$magento/api/runs/$STOPPED_RUN") || return 1
  curl -fsS -X PUT -H 'Content-Type: application/json' "$sandbox/sandbox/magento/faults" -d '{"latencyMs": 0}' >/dev/null
  printf 'ready again in %d s; GET /api/runs/%s: %s; ' $((SECONDS - t)) "$STOPPED_RUN" "$(jq -c '{status, errorMessage}' <<<"$run")"
  jq -e '.status == "error"' <<<"$run" >/dev/null || return 1
  cron_job magento-sync-service /api/admin/mailing/sync-customers '{}' .data.runId
}
if [ -n "$STOPPED_RUN" ]; then
  check "after podman start the run reads as interrupted, and the next run ends well" after_restart
else
  skip "after podman start: the stop check did not get a run to stop"
fi

# --- Compose and Kubernetes files
check "deploy/compose.yaml with the CI override: docker-compose config" bash -c \
  "DOCKER_HOST=unix://$STATE/podman.sock docker-compose -p $PROJECT --project-directory deploy -f $STATE/compose.yaml -f deploy/containers/compose.ci.yaml config -q && echo valid"
skip "postgres and keycloak services of deploy/compose.yaml: their images come from registries this machine cannot reach; the host's PostgreSQL stands in, OIDC is off (the e2e profile tests OIDC with Keycloak)"
if command -v kubectl >/dev/null; then
  check "deploy/kubernetes: kustomize and validate against the Kubernetes schemas" deploy/containers/validate-manifests.sh "$STATE/kubernetes"
else
  skip "deploy/kubernetes: no kubectl on this machine (Debian's kubernetes-client is too old for kustomize v5 files)"
fi
skip "deploy/kubernetes applied to a cluster: no cluster here (no kind/k3s image can be pulled)"

echo
echo "$skipped checks skipped (SKIP lines say why)"
# run.sh prints this file as its very last line.
echo "$passed passed, $failed failed" | tee "$STATE/summary"
[ "$failed" = 0 ]
