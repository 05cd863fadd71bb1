#!/usr/bin/env bash
# A Prometheus (Debian's prometheus package) for the end-to-end tests: scrapes the five services'
# /q/metrics every second and evaluates deploy/prometheus/rules every second, so an alert the
# system earns shows in its API (http://127.0.0.1:$PROMETHEUS_PORT/api/v1/alerts) within seconds.
#   prometheus.sh start STATE_DIR LOG_DIR   (the pid goes to LOG_DIR/prometheus.pid; down.sh stops it)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
command -v prometheus >/dev/null || { echo "No prometheus: install Debian's prometheus package (.ci/run does)" >&2; exit 1; }
port=${PROMETHEUS_PORT:-9190}
state=$2/prometheus
log_dir=$3
rm -rf "$state" && mkdir -p "$state"
{
  echo "global:"
  echo "  scrape_interval: 1s"
  echo "  evaluation_interval: 1s"
  echo "rule_files:"
  echo "  - $root/deploy/prometheus/rules/*.yaml"
  echo "scrape_configs:"
  for service in magento-sync-service:8081 erp-sync-service:8082 catalog-sync-service:8083 \
      migration-service:8084 package-sync-service:8085; do
    echo "  - job_name: ${service%:*}"
    echo "    metrics_path: /q/metrics"
    echo "    static_configs: [{targets: ['127.0.0.1:${service#*:}']}]"
  done
} > "$state/prometheus.yml"
prometheus --config.file="$state/prometheus.yml" --storage.tsdb.path="$state/data" \
  --web.listen-address="127.0.0.1:$port" > "$log_dir/prometheus.log" 2>&1 &
echo "$!" > "$log_dir/prometheus.pid"
for _ in $(seq 1 60); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/-/ready" && exit 0
  sleep 1
done
echo "Prometheus did not become ready; see $log_dir/prometheus.log" >&2
exit 1
