package dev.syncline.migration.woo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.migration.MigrationConfig;
import dev.syncline.migration.store.Created;
import dev.syncline.migration.store.Platform;
import dev.syncline.migration.store.StoreConnector;
import dev.syncline.migration.store.StoreCustomer;
import dev.syncline.migration.store.StoreOrder;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.UpstreamRefused;
import dev.syncline.commons.upstream.UpstreamUnavailable;
import dev.syncline.commons.upstream.Upstreams;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The WooCommerce store: pages of 100 read until {@code X-WP-TotalPages} (or an empty page), with
 * a check that no id comes twice (a known paging bug answers every page with the first); customers
 * of every role; creates that map an existing email to its account, and that look a timed-out
 * order up (by date and the source reference in its meta data) before trying again.
 */
@ApplicationScoped
public class WooConnector implements StoreConnector {

    static final int PER_PAGE = 100;
    static final String SOURCE_META = "_syncline_source";
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final WooApi api;
    private final String authorization;
    private final Upstream woo;
    private final Upstream creates;
    private final ObjectMapper mapper;
    private final Map<String, Optional<Long>> productBySku = new ConcurrentHashMap<>();
    private final int concurrentPages;

    public WooConnector(MigrationConfig config, Upstreams upstreams, ObjectMapper mapper) {
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(config.woo().url()))
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS).build(WooApi.class);
        String credentials = config.woo().consumerKey().orElse("") + ":" + config.woo().consumerSecret().orElse("");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.woo = upstreams.named("woocommerce", "WooCommerce");
        this.creates = upstreams.named("woocommerce-create", "WooCommerce");
        this.mapper = mapper;
        this.concurrentPages = config.woo().concurrentPages();
    }

    @Override
    public Platform platform() {
        return Platform.WOOCOMMERCE;
    }

    @Override
    public Multi<List<StoreCustomer>> customers() {
        return pages("customers", Map.of("role", "all", "orderby", "id", "order", "asc"), WooRecords.Customer.class)
                .map(page -> page.stream().map(WooConnector::customer).toList());
    }

    @Override
    public Multi<List<StoreOrder>> orders() {
        return pages("orders", Map.of("orderby", "id", "order", "asc"), WooRecords.Order.class)
                .map(page -> page.stream().map(WooConnector::order).toList());
    }

    @Override
    public Uni<Map<String, StoreCustomer>> customersById(List<String> ids) {
        return byIds("customers", ids, WooRecords.Customer.class, WooConnector::customer, StoreCustomer::id);
    }

    @Override
    public Uni<Map<String, StoreOrder>> ordersById(List<String> ids) {
        return byIds("orders", ids, WooRecords.Order.class, WooConnector::order, StoreOrder::id);
    }

    @Override
    public Uni<Optional<String>> customerIdByEmail(String email) {
        return page("customers", Map.of("role", "all", "email", email.trim(), "per_page", "1", "page", "1"))
                .map(answer -> convert(answer.entries(), WooRecords.Customer.class).stream().findFirst().map(c -> Long.toString(c.id())));
    }

    @Override
    public Uni<Created> createCustomer(StoreCustomer c, String sourceReference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", c.email());
        body.put("first_name", nullToEmpty(c.firstName()));
        body.put("last_name", nullToEmpty(c.lastName()));
        body.put("billing", billing(c.firstName(), c.lastName(), c.email(), c.phone(), c.address1(), c.city(), c.zip(), c.country()));
        body.put("meta_data", List.of(Map.of("key", SOURCE_META, "value", sourceReference)));
        if (c.email() == null || c.email().isBlank()) {
            return Uni.createFrom().failure(new UpstreamRefused("WooCommerce needs an email for every customer account; this customer has none"));
        }
        return create("customers", body)
                .map(created -> Created.created(created.path("id").asText(), List.of()))
                .onFailure(EmailTaken.class).recoverWithUni(taken -> customerIdByEmail(c.email())
                        .map(found -> new Created(found.orElseThrow(() -> new UpstreamRefused(
                                "WooCommerce says " + c.email() + " has an account, but no customer with it was found")),
                                Created.How.EXISTED, List.of())))
                .onFailure(UpstreamUnavailable.class).recoverWithUni(lost -> customerIdByEmail(c.email()).chain(found -> found.isPresent()
                        ? Uni.createFrom().item(new Created(found.get(), Created.How.FOUND_AFTER_TIMEOUT, List.of()))
                        : Uni.createFrom().failure(lost)));
    }

    @Override
    public Uni<Created> createOrder(StoreOrder o, String customerId, String sourceReference, boolean draft) {
        return lines(o).chain(lines -> {
            List<String> warnings = new ArrayList<>(lines.warnings());
            if (draft) {
                warnings.add("WooCommerce has no draft orders; created as a pending order");
            }
            BigDecimal linesTotal = lines.total();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", draft ? "pending" : status(o));
            body.put("set_paid", !draft && "paid".equals(o.financialStatus()));
            body.put("currency", o.currency());
            body.put("customer_id", customerId == null ? 0 : Long.parseLong(customerId));
            body.put("date_created_gmt", GMT.format(LocalDateTime.ofInstant(o.createdAt(), ZoneOffset.UTC)));
            body.put("billing", billing(o.firstName(), o.lastName(), o.email(), o.phone(), null, null, null, null));
            body.put("line_items", lines.items());
            body.put("shipping_total", o.totalPrice().subtract(linesTotal).max(BigDecimal.ZERO).toPlainString());
            body.put("meta_data", List.of(Map.of("key", SOURCE_META, "value", sourceReference)));
            return create("orders", body)
                    .map(created -> Created.created(created.path("id").asText(), warnings))
                    .onFailure(UpstreamUnavailable.class).recoverWithUni(lost -> orderBySource(o.createdAt(), sourceReference)
                            .chain(found -> found.isPresent()
                                    ? Uni.createFrom().item(new Created(found.get(), Created.How.FOUND_AFTER_TIMEOUT, warnings))
                                    : Uni.createFrom().failure(lost)));
        });
    }

    @Override
    public Uni<Optional<String>> orderIdBySource(StoreOrder order, String sourceReference) {
        return orderBySource(order.createdAt(), sourceReference);
    }

    /** An order created from this source record, found by its creation time and meta data. */
    private Uni<Optional<String>> orderBySource(Instant createdAt, String sourceReference) {
        LocalDateTime at = LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC);
        return page("orders", Map.of("after", GMT.format(at.minusSeconds(1)), "before", GMT.format(at.plusSeconds(1)),
                "dates_are_gmt", "true", "per_page", "100", "page", "1"))
                .map(answer -> convert(answer.entries(), WooRecords.Order.class).stream()
                        .filter(order -> order.metaData() != null && order.metaData().stream()
                                .anyMatch(m -> SOURCE_META.equals(m.key()) && sourceReference.equals(String.valueOf(m.value()))))
                        .findFirst().map(order -> Long.toString(order.id())));
    }

    private record Lines(List<Map<String, Object>> items, BigDecimal total, List<String> warnings) {
    }

    private Uni<Lines> lines(StoreOrder o) {
        return Multi.createFrom().iterable(o.lines())
                .onItem().transformToUniAndConcatenate(line -> productId(line.sku()).map(product -> Map.entry(line, product)))
                .collect().asList()
                .map(resolved -> {
                    List<Map<String, Object>> items = new ArrayList<>();
                    List<String> warnings = new ArrayList<>();
                    BigDecimal total = BigDecimal.ZERO;
                    for (var entry : resolved) {
                        StoreOrder.Line line = entry.getKey();
                        BigDecimal lineTotal = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
                        total = total.add(lineTotal);
                        Map<String, Object> item = new LinkedHashMap<>();
                        entry.getValue().ifPresentOrElse(id -> item.put("product_id", id), () -> {
                            item.put("name", line.title());
                            warnings.add("SKU " + line.sku() + " has no product in WooCommerce; added as a line without product");
                        });
                        item.put("quantity", line.quantity());
                        item.put("total", lineTotal.toPlainString());
                        items.add(item);
                    }
                    return new Lines(items, total, warnings);
                });
    }

    private Uni<Optional<Long>> productId(String sku) {
        if (sku == null || sku.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Optional<Long> known = productBySku.get(sku);
        return known != null ? Uni.createFrom().item(known)
                : page("products", Map.of("sku", sku, "per_page", "1", "page", "1"))
                        .map(answer -> convert(answer.entries(), WooRecords.Product.class).stream().findFirst().map(WooRecords.Product::id))
                        .invoke(found -> productBySku.put(sku, found));
    }

    private static String status(StoreOrder o) {
        return switch (o.financialStatus()) {
            case "paid" -> "fulfilled".equals(o.fulfillmentStatus()) ? "completed" : "processing";
            case "refunded" -> "refunded";
            default -> "pending";
        };
    }

    // ---- reading

    /** One page: its entries and the total page count from X-WP-TotalPages. */
    private record Page(List<JsonNode> entries, int totalPages) {
    }

    private Uni<Page> page(String collection, Map<String, String> query) {
        return woo.call(() -> api.list(collection, query, authorization)
                .onFailure(WebApplicationException.class).recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                .onFailure().transform(woo::unreachable)
                .map(this::read));
    }

    private Page read(Response response) {
        if (response.getStatus() >= 300) {
            throw woo.status(response.getStatus(), response.getHeaderString("Retry-After"), message(response));
        }
        woo.answered(response.getStatus());
        try {
            JsonNode body = mapper.readTree(response.readEntity(String.class));
            List<JsonNode> entries = new ArrayList<>();
            body.forEach(entries::add);
            String pages = response.getHeaderString("X-WP-TotalPages");
            return new Page(entries, pages == null || !pages.matches("\\d+") ? -1 : Integer.parseInt(pages));
        } catch (IOException | RuntimeException e) {
            throw woo.unreadable("a page", e);
        }
    }

    /**
     * Every page of a collection until the last one WooCommerce announced, or an empty one. Once the
     * first page has told how many there are, the rest are read a few at a time (in order), because
     * a WooCommerce page takes long to build and the server answers several at once.
     */
    private <T> Multi<List<T>> pages(String collection, Map<String, String> query, Class<T> type) {
        Set<Long> seen = new HashSet<>();
        return page(collection, paged(query, 1)).onItem().transformToMulti(first -> {
            Multi<List<T>> rest;
            if (first.entries().isEmpty() || first.totalPages() == 1) {
                rest = Multi.createFrom().empty();
            } else if (first.totalPages() > 1) {
                rest = Multi.createFrom().range(2, first.totalPages() + 1).group().intoLists().of(concurrentPages)
                        .onItem().transformToUniAndConcatenate(numbers -> Uni.join().all(numbers.stream()
                                .map(n -> page(collection, paged(query, n)).map(page -> checked(collection, n, page, seen, type)))
                                .toList()).andFailFast())
                        .onItem().disjoint();
            } else {
                rest = oneAfterAnother(collection, query, type, seen);
            }
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(checked(collection, 1, first, seen, type)), rest);
        }).filter(page -> !page.isEmpty());
    }

    /** Without a page count: page after page until an empty one. */
    private <T> Multi<List<T>> oneAfterAnother(String collection, Map<String, String> query, Class<T> type, Set<Long> seen) {
        int[] next = {2};
        boolean[] done = {false};
        return Multi.createBy().repeating()
                .uni(() -> next, n -> page(collection, paged(query, n[0])).map(answer -> {
                    List<T> records = checked(collection, n[0], answer, seen, type);
                    done[0] = answer.entries().isEmpty();
                    n[0]++;
                    return records;
                }))
                .whilst(page -> !done[0]);
    }

    private static Map<String, String> paged(Map<String, String> query, int page) {
        Map<String, String> paged = new LinkedHashMap<>(query);
        paged.put("per_page", Integer.toString(PER_PAGE));
        paged.put("page", Integer.toString(page));
        return paged;
    }

    /** The page's records, after checking that none came on an earlier page. */
    private <T> List<T> checked(String collection, int number, Page answer, Set<Long> seen, Class<T> type) {
        synchronized (seen) {
            for (JsonNode entry : answer.entries()) {
                if (!seen.add(entry.path("id").asLong())) {
                    throw new UpstreamUnavailable("WooCommerce answered page " + number + " of " + collection
                            + " with records of an earlier page (id " + entry.path("id").asLong()
                            + "); its paging is broken (a known HPOS issue), so the list cannot be read completely");
                }
            }
        }
        return convert(answer.entries(), type);
    }

    private <T, R> Uni<Map<String, R>> byIds(String collection, List<String> ids, Class<T> type, java.util.function.Function<T, R> map,
                                            java.util.function.Function<R, String> idOf) {
        List<String> numeric = ids.stream().filter(id -> id.matches("\\d{1,18}")).toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < numeric.size(); i += PER_PAGE) {
            chunks.add(numeric.subList(i, Math.min(numeric.size(), i + PER_PAGE)));
        }
        Map<String, R> found = new LinkedHashMap<>();
        Map<String, String> base = "customers".equals(collection) ? Map.of("role", "all") : Map.of();
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> {
                    Map<String, String> query = new LinkedHashMap<>(base);
                    query.put("include", String.join(",", chunk));
                    query.put("per_page", Integer.toString(PER_PAGE));
                    query.put("page", "1");
                    return page(collection, query);
                })
                .invoke(answer -> convert(answer.entries(), type).forEach(record -> {
                    R converted = map.apply(record);
                    found.put(idOf.apply(converted), converted);
                }))
                .collect().last().replaceWith(found);
    }

    private Uni<JsonNode> create(String collection, Object body) {
        return creates.call(() -> api.create(collection, body, authorization)
                .onFailure(WebApplicationException.class).recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                .onFailure().transform(creates::unreachable)
                .map(response -> {
                    String text = response.readEntity(String.class);
                    JsonNode answer;
                    try {
                        answer = mapper.readTree(text == null || text.isBlank() ? "{}" : text);
                    } catch (IOException e) {
                        throw creates.unreadable("an answer", e);
                    }
                    if (response.getStatus() == 400 && "registration-error-email-exists".equals(answer.path("code").asText())) {
                        creates.answered(400);
                        throw new EmailTaken();
                    }
                    if (response.getStatus() >= 300) {
                        throw creates.status(response.getStatus(), response.getHeaderString("Retry-After"),
                                answer.path("message").asText(answer.path("code").asText("")));
                    }
                    creates.answered(response.getStatus());
                    return answer;
                }));
    }

    private <T> List<T> convert(List<JsonNode> entries, Class<T> type) {
        List<T> records = new ArrayList<>(entries.size());
        for (JsonNode entry : entries) {
            try {
                records.add(mapper.treeToValue(entry, type));
            } catch (IOException e) {
                throw woo.unreadable("a " + type.getSimpleName().toLowerCase(Locale.ROOT), e);
            }
        }
        return records;
    }

    private String message(Response response) {
        try {
            return mapper.readTree(response.readEntity(String.class)).path("message").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static StoreCustomer customer(WooRecords.Customer c) {
        WooRecords.Address b = c.billing();
        return new StoreCustomer(Long.toString(c.id()), c.email(), c.firstName(), c.lastName(), b == null ? null : blankToNull(b.phone()),
                b == null ? null : b.address1(), b == null ? null : b.city(), b == null ? null : b.postcode(), b == null ? null : b.country());
    }

    static StoreOrder order(WooRecords.Order o) {
        WooRecords.Address b = o.billing();
        List<StoreOrder.Line> lines = o.lineItems() == null ? List.of() : o.lineItems().stream()
                .map(l -> new StoreOrder.Line(blankToNull(l.sku()), l.name(), l.quantity(), l.price() != null ? l.price()
                        : new BigDecimal(l.total()).divide(BigDecimal.valueOf(Math.max(1, l.quantity())), 2, java.math.RoundingMode.HALF_UP)))
                .toList();
        return new StoreOrder(Long.toString(o.id()), o.number(), b == null ? null : blankToNull(b.email()), new BigDecimal(o.total()),
                o.currency(), LocalDateTime.parse(o.dateCreatedGmt()).toInstant(ZoneOffset.UTC), financial(o.status()),
                "completed".equals(o.status()) ? "fulfilled" : "unfulfilled", o.customerId() == 0 ? null : Long.toString(o.customerId()),
                b == null ? null : b.firstName(), b == null ? null : b.lastName(), b == null ? null : blankToNull(b.phone()), lines);
    }

    private static String financial(String status) {
        return switch (status) {
            case "completed", "processing" -> "paid";
            case "refunded" -> "refunded";
            default -> "pending";
        };
    }

    private static Map<String, Object> billing(String first, String last, String email, String phone, String address1, String city,
                                               String zip, String country) {
        Map<String, Object> billing = new LinkedHashMap<>();
        billing.put("first_name", nullToEmpty(first));
        billing.put("last_name", nullToEmpty(last));
        billing.put("email", nullToEmpty(email));
        billing.put("phone", nullToEmpty(phone));
        billing.put("address_1", nullToEmpty(address1));
        billing.put("city", nullToEmpty(city));
        billing.put("postcode", nullToEmpty(zip));
        billing.put("country", nullToEmpty(country));
        return billing;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** WooCommerce already has an account with this email. */
    static final class EmailTaken extends RuntimeException {
        EmailTaken() {
            super("An account is already registered with this email", null, false, false);
        }
    }
}
