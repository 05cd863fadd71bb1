#!/usr/bin/env bash
# Checks the alert rules and the dashboard: promtool checks the rule files and runs their unit
# tests (tests/*.yaml), every syncline_* metric the rules and the dashboard name must be one the
# services export, the dashboard must be valid JSON, and the Kubernetes PrometheusRule must match
# the rule files. Installs Debian's prometheus package (it carries promtool) when promtool is missing.
set -euo pipefail
shopt -s extglob
cd "$(dirname "$0")"
if ! command -v promtool >/dev/null; then
  echo "Installing prometheus (for promtool)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

promtool check rules rules/*.yaml
promtool test rules tests/*.yaml

# The metric names the services register (Micrometer: dots become underscores; a base unit is
# appended; counters end in _total, timers in _seconds_count/_sum/_max/_bucket).
exported=$(grep -rhoE '"syncline(\.[a-z]+)+"' --include='*.java' ../../*/src/main | tr -d '"' | tr . _ | sort -u)
missing=0
for used in $(grep -hoE 'syncline_[a-z_]+' rules/*.yaml grafana/*.json | sort -u); do
  found=no
  for name in $exported; do
    case $used in
      "$name" | "${name}_seconds" | "${name}_total" | "${name}_seconds_"@(count|sum|max|bucket)) found=yes ;;
    esac
  done
  if [ $found = no ]; then
    echo "$used is named in deploy/prometheus but no service exports it" >&2
    missing=1
  fi
done
[ $missing = 0 ] || exit 1

valid_json() {
  if command -v node >/dev/null; then node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$1"
  else python3 -m json.tool "$1" >/dev/null; fi
}
for dashboard in grafana/*.json; do
  valid_json "$dashboard" || { echo "$dashboard is not valid JSON" >&2; exit 1; }
done

generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
./kubernetes-rules.sh "$generated"
diff -u ../kubernetes/monitoring/prometheus-rule.yaml "$generated" \
  || { echo "deploy/kubernetes/monitoring/prometheus-rule.yaml is stale: run deploy/prometheus/kubernetes-rules.sh" >&2; exit 1; }
echo "Alert rules, their tests and the dashboard: OK"
