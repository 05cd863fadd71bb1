#!/usr/bin/env bash
# Benchmark of the migration service against the sandbox, on this machine's PostgreSQL:
# 1. a customer comparison of WOO (default 50,000) WooCommerce customers with as many Shopify
#    customers, SHARED (default 45,000) of them in both stores (target < 15 s, peak RSS < 300 MB
#    with the documented JVM settings);
# 2. an order comparison of ORDERS (default 100,000) WooCommerce orders with as many Shopify orders,
#    SHARED_ORDERS (default 95,000) in both, in each direction; Shopify's orders are read by a bulk
#    export above SHOPIFY_BULK_THRESHOLD (target < 60 s and peak RSS < 300 MB);
# 3. a migration of MIGRATE (default 1,000) WooCommerce customers into a Shopify store on the
#    Standard plan's limits (bucket 2,000 points, 100 points/s): THROTTLED failures (target 0) and
#    the share of the cost budget used, points spent / (bucket + restore rate x seconds) (target >= 0.8).
# Starts from an empty migration schema. Only on a local database.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOG_DIR="${LOG_DIR:-$(mktemp -d)}"
source deploy/local/lib.sh
WOO="${WOO:-50000}"
SHARED="${SHARED:-45000}"
MIGRATE="${MIGRATE:-1000}"
ORDERS="${ORDERS:-100000}"
SHARED_ORDERS="${SHARED_ORDERS:-95000}"

prepare_benchmark migration
export CRON_SECRET="bench-$RANDOM$RANDOM"
export WOO_URL="$SANDBOX_URL/woo" WOO_CONSUMER_KEY=ck_sandbox WOO_CONSUMER_SECRET=cs_sandbox
export SHOPIFY_SHOP_URL="$SANDBOX_URL/shopify" SHOPIFY_ACCESS_TOKEN=shpat_sandbox_token
start_service migration-service/target/quarkus-app/quarkus-run.jar 8084
echo "Service JVM: $SERVICE_JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
SERVICE=http://127.0.0.1:8084
auth=(-H "Authorization: Bearer $CRON_SECRET" -H 'Content-Type: application/json')

control() { curl -fs -X "$1" "$SANDBOX_URL$2" -H 'Content-Type: application/json' -d "$3" > /dev/null; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "== Compare: $WOO WooCommerce customers with $WOO Shopify customers, $SHARED shared"
only=$((WOO - SHARED))
control POST /sandbox/commerce/reset "{\"seed\": 17, \"sharedCustomers\": $SHARED, \"wooOnlyCustomers\": $only, \"shopifyOnlyCustomers\": $only}"
start=$(now)
answer=$(curl -fs -X POST "$SERVICE/api/customers/compare" "${auth[@]}" -d '{"sourceOfTruth": "woocommerce"}')
end=$(now)
echo "source customers:      $(json_field "$answer" sourceCustomerCount)"
echo "destination customers: $(json_field "$answer" destinationCustomerCount)"
echo "matched:               $(json_field "$answer" matchedCustomers)"
echo "only in source:        $(json_field "$answer" customersOnlyInSource)"
echo "ambiguous:             $(json_field "$answer" ambiguous)"
echo "compare time:          $(seconds "$start" "$end") s (the first after start: JVMs still warming up)"
start=$(now)
curl -fs -o /dev/null -X POST "$SERVICE/api/customers/compare" "${auth[@]}" -d '{"sourceOfTruth": "woocommerce"}'
end=$(now)
echo "compare time again:    $(seconds "$start" "$end") s"
truth=$(curl -fs "$SANDBOX_URL/sandbox/commerce/truth?kind=customers&sourceOfTruth=woocommerce")
echo "sandbox truth:         matched $(json_field "$truth" matched) of $(json_field "$truth" sourceCount)"
echo "service peak RSS:      $(peak_rss_mb "$SERVICE_PID") MB"

echo "== Compare: $ORDERS WooCommerce orders with $ORDERS Shopify orders, $SHARED_ORDERS shared"
only=$((ORDERS - SHARED_ORDERS))
control POST /sandbox/commerce/reset "{\"seed\": 29, \"sharedCustomers\": 1000, \"sharedOrders\": $SHARED_ORDERS, \"wooOnlyOrders\": $only, \"shopifyOnlyOrders\": $only}"
for source in shopify woocommerce; do
  start=$(now)
  answer=$(curl -fs -X POST "$SERVICE/api/orders/compare" "${auth[@]}" -d "{\"sourceOfTruth\": \"$source\"}" --max-time 900)
  end=$(now)
  truth=$(curl -fs "$SANDBOX_URL/sandbox/commerce/truth?kind=orders&sourceOfTruth=$source")
  echo "from $source: $(json_field "$answer" sourceOrderCount) source orders, $(json_field "$answer" matchedOrders) matched," \
    "$(json_field "$answer" ordersOnlyInSource) only in source (sandbox truth: matched $(json_field "$truth" matched)," \
    "$(json_field "$truth" sourceCount) source orders), $(seconds "$start" "$end") s"
done
echo "Shopify bulk exports:  $(json_field "$(curl -fs "$SANDBOX_URL/sandbox/commerce/stats")" shopifyBulkOperations)"
echo "service peak RSS:      $(peak_rss_mb "$SERVICE_PID") MB"

echo "== Migrate: $MIGRATE WooCommerce customers into Shopify at 100 points/s (bucket 2,000)"
control POST /sandbox/commerce/reset "{\"seed\": 23, \"sharedCustomers\": 100, \"wooOnlyCustomers\": $MIGRATE}"
answer=$(curl -fs -X POST "$SERVICE/api/customers/compare" "${auth[@]}" -d '{"sourceOfTruth": "woocommerce"}')
id=$(json_field "$answer" comparisonId)
ids=$(curl -fs "$SERVICE/api/customers/compare/$id.csv" "${auth[@]}" | tr -d '\r' \
  | awk -F, 'NR > 1 && $0 ~ /onlyInSource/ { printf "%s{\"sourceCustomerId\": \"%s\"}", (n++ ? "," : ""), $5 }')
control PUT /sandbox/shopify/limits '{"maximumAvailable": 2000, "restoreRate": 100, "throttledStatus": 200}'
before=$(curl -fs "$SANDBOX_URL/sandbox/commerce/stats")
start=$(now)
run=$(curl -fs -X POST "$SERVICE/api/customers/sync" "${auth[@]}" -d "{\"sourceOfTruth\": \"woocommerce\", \"customers\": [$ids]}" \
  --max-time 900)
end=$(now)
after=$(curl -fs "$SANDBOX_URL/sandbox/commerce/stats")
elapsed=$(seconds "$start" "$end")
points=$(( $(json_field "$after" shopifyPointsUsed) - $(json_field "$before" shopifyPointsUsed) ))
throttled=$(( $(json_field "$after" shopifyThrottled) - $(json_field "$before" shopifyThrottled) ))
echo "migrated:              $(json_field "$run" succeeded) of $(json_field "$run" total), failed $(json_field "$run" failed)"
echo "time:                  $elapsed s ($(awk -v n="$(json_field "$run" succeeded)" -v t="$elapsed" 'BEGIN { printf "%.1f", n / t }') customers/s)"
echo "THROTTLED answers:     $throttled (retried; failures above)"
echo "points used:           $points"
echo "share of cost budget:  $(awk -v p="$points" -v t="$elapsed" 'BEGIN { printf "%.2f", p / (2000 + 100 * t) }')"
echo "share of restore rate: $(awk -v p="$points" -v t="$elapsed" 'BEGIN { printf "%.2f", p / (100 * t) }')"
echo "service peak RSS:      $(peak_rss_mb "$SERVICE_PID") MB"
