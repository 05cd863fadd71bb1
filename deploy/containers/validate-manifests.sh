#!/usr/bin/env bash
# Builds deploy/kubernetes with kubectl's kustomize (base, and the production overlay with its
# example secrets, and the monitoring kustomization) and checks every object against the Kubernetes
# API schemas (npm's kubernetes-models, installed once into CACHE_DIR/npm). The Prometheus
# Operator's ServiceMonitor and PrometheusRule are CRDs without a schema there: they are checked
# for the fields the operator needs (see validate-manifests.js). Prints what it checked; non-zero when a
# build fails or an object does not match its schema. No cluster is needed.
#   validate-manifests.sh WORK_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=$1
npm_dir=${CACHE_DIR:-/var/cache/syncline}/npm
if [ ! -d "$npm_dir/node_modules/kubernetes-models" ] || [ ! -d "$npm_dir/node_modules/yaml" ]; then
  mkdir -p "$npm_dir"
  [ -f "$npm_dir/package.json" ] || echo '{"name": "syncline-manifest-validator", "private": true}' > "$npm_dir/package.json"
  npm install --prefix "$npm_dir" --no-audit --no-fund --silent kubernetes-models@4 yaml@2 >&2
fi
rm -rf "$work" && mkdir -p "$work" && cp -r "$root/deploy/kubernetes" "$work/"
for example in "$work"/kubernetes/overlays/production/secrets/*.env.example; do cp "$example" "${example%.example}"; done
kubectl kustomize "$work/kubernetes/base" > "$work/base.yaml"
kubectl kustomize "$work/kubernetes/overlays/production" > "$work/production.yaml"
kubectl kustomize "$work/kubernetes/monitoring" > "$work/monitoring.yaml"
NODE_PATH="$npm_dir/node_modules" node "$root/deploy/containers/validate-manifests.js" "$work/base.yaml" "$work/production.yaml" \
  "$work/monitoring.yaml"
