package dev.syncline.migration.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.UpstreamRefused;
import dev.syncline.commons.upstream.UpstreamUnavailable;
import dev.syncline.commons.upstream.Upstreams;
import dev.syncline.migration.MigrationConfig;
import dev.syncline.migration.store.Created;
import dev.syncline.migration.store.Platform;
import dev.syncline.migration.store.StoreConnector;
import dev.syncline.migration.store.StoreCustomer;
import dev.syncline.migration.store.StoreOrder;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Shopify store through the Admin GraphQL API. Every request first reserves its cost from the
 * app's leaky bucket as Shopify last reported it and waits for the bucket to refill; an answer of
 * THROTTLED (with HTTP 200 or 429) waits for the points and asks again, without counting as a
 * failure. Customers are read in pages of 240 and orders in pages of 25 (Shopify's 1,000-point query
 * limit), or, from SHOPIFY_BULK_THRESHOLD records on, with a bulk export (streamed JSONL).
 * Duplicates come back as userErrors and are mapped to the existing customer; a create whose
 * answer never came is looked up (by email, or by the source tag of an order) before it is tried again.
 */
@ApplicationScoped
public class ShopifyConnector implements StoreConnector {

    static final String SOURCE_TAG = ShopifyInputs.SOURCE_TAG;
    static final String DRAFT_WARNING = "Created as draft order - requires manual completion";
    private static final int MAX_THROTTLED = 60;

    private final ShopifyApi api;
    private final ShopifyBulkExport bulk;
    private final String version;
    private final String token;
    private final int bulkThreshold;
    private final Upstream shopify;
    private final Upstream creates;
    private final ObjectMapper mapper;
    private final ShopifyThrottle throttle = new ShopifyThrottle();
    private final Map<String, Double> costs = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> variantBySku = new ConcurrentHashMap<>();
    private final AtomicLong pointsUsed = new AtomicLong();
    private final AtomicLong throttledAnswers = new AtomicLong();

    public ShopifyConnector(MigrationConfig config, Upstreams upstreams, ObjectMapper mapper, Vertx vertx) {
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(config.shopify().url()))
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS).build(ShopifyApi.class);
        this.version = config.shopify().apiVersion();
        this.token = config.shopify().accessToken().orElse("");
        this.bulkThreshold = config.shopify().bulkThreshold();
        this.shopify = upstreams.named("shopify", "Shopify");
        this.creates = upstreams.named("shopify-create", "Shopify");
        this.mapper = mapper;
        this.bulk = new ShopifyBulkExport((document, variables, estimate) -> query(document, variables, estimate, shopify),
                vertx.createHttpClient(), shopify, mapper);
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    /** Points this service spent and THROTTLED answers it got, for the benchmark and the log. */
    public long pointsUsed() {
        return pointsUsed.get();
    }

    public long throttledAnswers() {
        return throttledAnswers.get();
    }

    // ---- reading

    @Override
    public Multi<List<StoreCustomer>> customers() {
        return isLarge(ShopifyQueries.CUSTOMERS_COUNT, "customersCount").onItem().transformToMulti(large -> large
                ? bulk.lines(ShopifyQueries.CUSTOMERS_BULK, "the customers").map(ShopifyConnector::customer).group().intoLists().of(500)
                : cursorPages(ShopifyQueries.CUSTOMERS, "customers", ShopifyQueries.CUSTOMER_PAGE, 962).map(nodes -> nodes.stream().map(ShopifyConnector::customer).toList()));
    }

    /** Orders with their line items: from the bulk threshold on by a bulk export, else 25 to a page. */
    @Override
    public Multi<List<StoreOrder>> orders() {
        return isLarge(ShopifyQueries.ORDERS_COUNT, "ordersCount").onItem().transformToMulti(large -> large
                ? BulkOrderAssembler.orders(bulk.lines(ShopifyQueries.ORDERS_BULK, "the orders"), 500)
                : orderPages());
    }

    /** At least SHOPIFY_BULK_THRESHOLD records (Shopify counts exactly up to 10,000, beyond that "at least"). */
    private Uni<Boolean> isLarge(String countDocument, String field) {
        return query(countDocument, Map.of(), 1, shopify).map(data -> {
            JsonNode counted = data.path(field);
            return counted.path("count").asInt() >= bulkThreshold || "AT_LEAST".equals(counted.path("precision").asText());
        });
    }

    private Multi<List<StoreOrder>> orderPages() {
        return cursorPages(ShopifyQueries.ORDERS, "orders", 25, 952)
                .onItem().transformToUniAndConcatenate(nodes -> Multi.createFrom().iterable(nodes)
                        .onItem().transformToUniAndConcatenate(this::withAllLines)
                        .collect().asList());
    }

    /** An order with more line items than one page holds has the rest counted with a query of its own. */
    private Uni<StoreOrder> withAllLines(JsonNode node) {
        if (!node.path("lineItems").path("pageInfo").path("hasNextPage").asBoolean()) {
            return Uni.createFrom().item(order(node, node.path("lineItems").path("nodes")));
        }
        return query(ShopifyQueries.ORDER_LINE_COUNT, Map.of("id", node.path("id").asText()), 252, shopify)
                .map(data -> order(node, data.path("node").path("lineItems").path("nodes")));
    }

    private Multi<List<JsonNode>> cursorPages(String document, String field, int first, double estimate) {
        String[] after = {null};
        boolean[] done = {false};
        return Multi.createBy().repeating()
                .uni(() -> after, cursor -> {
                    Map<String, Object> variables = new LinkedHashMap<>();
                    variables.put("first", first);
                    variables.put("after", cursor[0]);
                    return query(document, variables, estimate, shopify).map(data -> {
                        JsonNode connection = data.path(field);
                        cursor[0] = connection.path("pageInfo").path("endCursor").asText(null);
                        done[0] = !connection.path("pageInfo").path("hasNextPage").asBoolean();
                        List<JsonNode> nodes = new ArrayList<>();
                        connection.path("nodes").forEach(nodes::add);
                        return nodes;
                    });
                })
                .whilst(page -> !done[0])
                .filter(page -> !page.isEmpty());
    }

    @Override
    public Uni<Map<String, StoreCustomer>> customersById(List<String> ids) {
        return byIds(ids, 50, ShopifyQueries.CUSTOMER_NODES, 60, node -> customer(node));
    }

    @Override
    public Uni<Map<String, StoreOrder>> ordersById(List<String> ids) {
        return byIds(ids, 3, ShopifyQueries.ORDER_NODES, 926, node -> order(node, node.path("lineItems").path("nodes")));
    }

    private <R> Uni<Map<String, R>> byIds(List<String> ids, int chunk, String document, double estimate,
                                         java.util.function.Function<JsonNode, R> map) {
        List<String> valid = ids.stream().filter(id -> id.startsWith("gid://shopify/")).toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < valid.size(); i += chunk) {
            chunks.add(valid.subList(i, Math.min(valid.size(), i + chunk)));
        }
        Map<String, R> found = new LinkedHashMap<>();
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(part -> query(document, Map.of("ids", part), estimate, shopify))
                .invoke(data -> data.path("nodes").forEach(node -> {
                    if (node.hasNonNull("id")) {
                        found.put(node.path("id").asText(), map.apply(node));
                    }
                }))
                .collect().last().replaceWith(found);
    }

    @Override
    public Uni<Optional<String>> customerIdByEmail(String email) {
        return search(ShopifyQueries.CUSTOMER_SEARCH, "customers", "email:" + email.trim().toLowerCase(Locale.ROOT));
    }

    private Uni<Optional<String>> search(String document, String field, String searchQuery) {
        return query(document, Map.of("query", searchQuery), 6, shopify)
                .map(data -> {
                    JsonNode nodes = data.path(field).path("nodes");
                    return nodes.isEmpty() ? Optional.<String>empty() : Optional.of(nodes.get(0).path("id").asText());
                });
    }

    // ---- writing

    @Override
    public Uni<Created> createCustomer(StoreCustomer c, String sourceReference) {
        Map<String, Object> input = ShopifyInputs.customer(c, sourceReference);
        return query(ShopifyQueries.CUSTOMER_CREATE, Map.of("input", input), 10, creates)
                .chain(data -> {
                    JsonNode payload = data.path("customerCreate");
                    JsonNode errors = payload.path("userErrors");
                    if (errors.isEmpty()) {
                        String id = payload.path("customer").path("id").asText();
                        return withAddress(id, c).map(warnings -> Created.created(id, warnings));
                    }
                    if (taken(errors, "email") && c.email() != null) {
                        return existing(customerIdByEmail(c.email()), "email " + c.email());
                    }
                    if (taken(errors, "phone") && input.get("phone") != null) {
                        return existing(search(ShopifyQueries.CUSTOMER_SEARCH, "customers", "phone:" + input.get("phone")),
                                "phone " + input.get("phone"));
                    }
                    return Uni.createFrom().failure(new UpstreamRefused("Shopify refused the customer: " + messages(errors)));
                })
                .onFailure(UpstreamUnavailable.class).recoverWithUni(lost -> (c.email() == null
                        ? search(ShopifyQueries.CUSTOMER_SEARCH, "customers", "tag:'" + SOURCE_TAG + sourceReference + "'")
                        : customerIdByEmail(c.email()))
                        .chain(found -> found.isPresent()
                                ? Uni.createFrom().item(new Created(found.get(), Created.How.FOUND_AFTER_TIMEOUT, List.of()))
                                : Uni.createFrom().failure(lost)));
    }

    /**
     * The customer's address, with customerAddressCreate (2025-07 deprecates addresses on CustomerInput).
     * The customer exists by then, so an address Shopify refuses is a warning on it, not a failure.
     */
    private Uni<List<String>> withAddress(String customerId, StoreCustomer c) {
        Optional<Map<String, Object>> address = ShopifyInputs.address(c);
        if (address.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return query(ShopifyQueries.CUSTOMER_ADDRESS_CREATE, ShopifyInputs.addressCreate(customerId, address.get()), 10, creates)
                .map(data -> {
                    JsonNode errors = data.path("customerAddressCreate").path("userErrors");
                    return errors.isEmpty() ? List.<String>of() : List.of("Shopify refused the address: " + messages(errors));
                })
                .onFailure(UpstreamRefused.class).recoverWithItem(e -> List.of(e.getMessage()))
                .onFailure(UpstreamUnavailable.class).recoverWithItem(e -> List.of("The address may not have been added: " + e.getMessage()));
    }

    private static Uni<Created> existing(Uni<Optional<String>> lookup, String what) {
        return lookup.map(found -> new Created(found.orElseThrow(() -> new UpstreamRefused(
                "Shopify says the " + what + " has been taken, but no customer with it was found")), Created.How.EXISTED, List.of()));
    }

    @Override
    public Uni<Created> createOrder(StoreOrder o, String customerId, String sourceReference, boolean draft) {
        return Multi.createFrom().iterable(o.lines())
                .onItem().transformToUniAndConcatenate(line -> variantId(line.sku()).map(variant -> Map.entry(line, variant)))
                .collect().asList()
                .chain(lines -> draft ? draft(o, customerId, sourceReference, lines) : order(o, customerId, sourceReference, lines));
    }

    private Uni<Created> order(StoreOrder o, String customerId, String sourceReference,
                               List<Map.Entry<StoreOrder.Line, Optional<String>>> lines) {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> variables = ShopifyInputs.order(o, customerId, sourceReference, lines, warnings);
        return query(ShopifyQueries.ORDER_CREATE, variables, 10, creates)
                .map(data -> {
                    JsonNode payload = data.path("orderCreate");
                    refuseOnUserErrors(payload, "create the order");
                    return Created.created(payload.path("order").path("id").asText(), warnings);
                })
                .onFailure(UpstreamUnavailable.class).recoverWithUni(lost -> orderBySource(sourceReference)
                        .chain(found -> found.isPresent()
                                ? Uni.createFrom().item(new Created(found.get(), Created.How.FOUND_AFTER_TIMEOUT, warnings))
                                : Uni.createFrom().failure(lost)));
    }

    private Uni<Created> draft(StoreOrder o, String customerId, String sourceReference,
                               List<Map.Entry<StoreOrder.Line, Optional<String>>> lines) {
        List<String> warnings = new ArrayList<>(List.of(DRAFT_WARNING));
        Map<String, Object> variables = ShopifyInputs.draft(o, customerId, sourceReference, lines, warnings);
        return query(ShopifyQueries.DRAFT_ORDER_CREATE, variables, 10, creates)
                .map(data -> {
                    JsonNode payload = data.path("draftOrderCreate");
                    refuseOnUserErrors(payload, "create the draft order");
                    return Created.created(payload.path("draftOrder").path("id").asText(), warnings);
                });
    }

    @Override
    public Uni<Optional<String>> orderIdBySource(StoreOrder order, String sourceReference) {
        return orderBySource(sourceReference);
    }

    private Uni<Optional<String>> orderBySource(String sourceReference) {
        return search(ShopifyQueries.ORDER_SEARCH, "orders", "tag:'" + SOURCE_TAG + sourceReference + "'");
    }

    private Uni<Optional<String>> variantId(String sku) {
        if (sku == null || sku.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Optional<String> known = variantBySku.get(sku);
        return known != null ? Uni.createFrom().item(known)
                : query(ShopifyQueries.VARIANT_BY_SKU, Map.of("query", "sku:" + sku), 3, shopify)
                        .map(data -> {
                            JsonNode nodes = data.path("productVariants").path("nodes");
                            return nodes.isEmpty() ? Optional.<String>empty() : Optional.of(nodes.get(0).path("id").asText());
                        })
                        .invoke(found -> variantBySku.put(sku, found));
    }

    // ---- one request under the bucket

    /**
     * Sends one document: waits for the points (the cost Shopify reported for this document last
     * time, else {@code estimate}), asks again after THROTTLED, and answers the {@code data}.
     */
    private Uni<JsonNode> query(String document, Map<String, Object> variables, double estimate, Upstream upstream) {
        return query(document, variables, estimate, upstream, 0);
    }

    private Uni<JsonNode> query(String document, Map<String, Object> variables, double estimate, Upstream upstream, int throttled) {
        double cost = costs.getOrDefault(document, estimate);
        Duration wait = throttle.reserve(cost);
        Uni<Void> ready = wait.isZero() ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem().onItem().delayIt().by(wait);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        return ready.chain(() -> upstream.call(() -> api.graphql(version, token, request)
                        .onFailure(WebApplicationException.class).recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                        .onFailure().transform(upstream::unreachable)
                        .map(response -> answer(response, upstream))))
                .chain(body -> {
                    JsonNode costInfo = body.path("extensions").path("cost");
                    throttle.observe(costInfo);
                    if (costInfo.has("requestedQueryCost")) {
                        costs.put(document, costInfo.path("requestedQueryCost").asDouble());
                    }
                    if (isThrottled(body)) {
                        throttledAnswers.incrementAndGet();
                        if (throttled >= MAX_THROTTLED) {
                            return Uni.createFrom().failure(new UpstreamUnavailable("Shopify kept answering THROTTLED ("
                                    + MAX_THROTTLED + " times); its cost bucket does not refill"));
                        }
                        Duration refill = throttle.untilAvailable(costInfo.path("requestedQueryCost").asDouble(cost));
                        Log.debugf("Shopify answered THROTTLED; waiting %d ms", refill.toMillis());
                        return Uni.createFrom().voidItem().onItem().delayIt().by(refill)
                                .chain(() -> query(document, variables, estimate, upstream, throttled + 1));
                    }
                    pointsUsed.addAndGet((long) costInfo.path("actualQueryCost").asDouble(0));
                    if (body.has("errors") && !body.path("errors").isEmpty()) {
                        return Uni.createFrom().failure(new UpstreamRefused("Shopify refused the request: " + ShopifyRefusals.describe(body.path("errors"))));
                    }
                    return Uni.createFrom().item(body.path("data"));
                });
    }

    /** The answer's body; THROTTLED (with 200 or 429) is an answer, other non-success statuses are failures. */
    private JsonNode answer(Response response, Upstream upstream) {
        String text = response.readEntity(String.class);
        JsonNode body;
        try {
            body = mapper.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (IOException e) {
            throw upstream.unreadable("an answer", e);
        }
        if (response.getStatus() == 429 && isThrottled(body)) {
            upstream.answered(429);
            return body;
        }
        if (response.getStatus() >= 300) {
            throw upstream.status(response.getStatus(), response.getHeaderString("Retry-After"),
                    body.path("errors").isTextual() ? body.path("errors").asText() : messages(body.path("errors")));
        }
        upstream.answered(response.getStatus());
        return body;
    }

    private static boolean isThrottled(JsonNode body) {
        for (JsonNode error : body.path("errors")) {
            if ("THROTTLED".equals(error.path("extensions").path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean taken(JsonNode errors, String field) {
        for (JsonNode error : errors) {
            if (error.path("field").toString().contains("\"" + field + "\"") && error.path("message").asText().contains("taken")) {
                return true;
            }
        }
        return false;
    }

    private static void refuseOnUserErrors(JsonNode payload, String what) {
        if (!payload.path("userErrors").isEmpty()) {
            throw new UpstreamRefused("Shopify refused to " + what + ": " + messages(payload.path("userErrors")));
        }
    }

    static String messages(JsonNode errors) {
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> {
            String field = e.path("field").isArray() && !e.path("field").isEmpty() ? e.path("field").get(e.path("field").size() - 1).asText() + ": " : "";
            messages.add(field + e.path("message").asText());
        });
        return messages.isEmpty() ? "no reason given" : String.join("; ", messages);
    }

    static StoreCustomer customer(JsonNode n) {
        JsonNode a = n.path("defaultAddress");
        return new StoreCustomer(n.path("id").asText(), text(n.path("defaultEmailAddress"), "emailAddress"), text(n, "firstName"),
                text(n, "lastName"), text(n.path("defaultPhoneNumber"), "phoneNumber"),
                text(a, "address1"), text(a, "city"), text(a, "zip"), text(a, "countryCodeV2"));
    }

    static StoreOrder order(JsonNode n, JsonNode lineNodes) {
        List<StoreOrder.Line> lines = new ArrayList<>();
        lineNodes.forEach(l -> lines.add(new StoreOrder.Line(text(l, "sku"), l.path("title").asText(""), l.path("quantity").asInt(1),
                new BigDecimal(l.path("originalUnitPriceSet").path("shopMoney").path("amount").asText("0")))));
        JsonNode customer = n.path("customer");
        String financial = text(n, "displayFinancialStatus");
        return new StoreOrder(n.path("id").asText(), n.path("name").asText(), text(n, "email"),
                new BigDecimal(n.path("totalPriceSet").path("shopMoney").path("amount").asText("0")), n.path("currencyCode").asText("EUR"),
                OffsetDateTime.parse(n.path("processedAt").asText(n.path("createdAt").asText())).toInstant(),
                financial == null ? "pending" : financial.toLowerCase(Locale.ROOT),
                "FULFILLED".equals(text(n, "displayFulfillmentStatus")) ? "fulfilled" : "unfulfilled",
                text(customer, "id"), text(customer, "firstName"), text(customer, "lastName"),
                text(n, "phone") != null ? text(n, "phone") : text(customer.path("defaultPhoneNumber"), "phoneNumber"), lines);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() || value.asText().isBlank() ? null : value.asText();
    }

    /** The restore rate Shopify last reported (points per second). */
    public double restoreRate() {
        return throttle.restoreRate();
    }
}
