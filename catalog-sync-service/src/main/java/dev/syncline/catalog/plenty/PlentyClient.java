package dev.syncline.catalog.plenty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.UpstreamRefused;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One tenant's Plentymarkets system. Logs in (and refreshes before the 24-hour token expires, logs
 * in again after a 401); reads pages under the tenant's Plenty policy, which also pauses every call
 * of the tenant when Plenty's rate-limit headers say the short period is nearly used up (before
 * Plenty answers 429) and after a 429 for the period's decay; stops paging on {@code isLastPage},
 * and ends at an answer for another page than the one asked for (Plenty answers a page past the end
 * with the last page), so a page is never read twice.
 */
public final class PlentyClient {

    /** Renew the access token this long (or a tenth of its lifetime, if shorter) before Plenty would expire it. */
    static final Duration RENEW_MARGIN = Duration.ofMinutes(5);

    public enum Resource {
        CATEGORIES, ATTRIBUTES, SALES_PRICES, MANUFACTURERS, UNITS, VAT, ITEMS, VARIATIONS
    }

    /** A page of entries, with the system's clock at the time it answered. */
    public record Page(List<JsonNode> entries, int page, int lastPageNumber, boolean lastPage, long totalsCount,
                       OffsetDateTime serverTime) {
    }

    private final PlentyApi api;
    private final String username;
    private final String password;
    private final Upstream plenty;
    private final ObjectMapper mapper;
    private final int minCallsLeft;
    private volatile Tokens tokens;
    private volatile Uni<Tokens> renewing;

    PlentyClient(PlentyApi api, String username, String password, Upstream plenty, ObjectMapper mapper, int minCallsLeft) {
        this.api = api;
        this.username = username;
        this.password = password;
        this.plenty = plenty;
        this.mapper = mapper;
        this.minCallsLeft = minCallsLeft;
    }

    private record Tokens(String access, String refresh, Instant renewAt) {
        @Override
        public String toString() {
            return "Tokens[renewAt=" + renewAt + "]";
        }
    }

    /** Every page of a resource, one after another. */
    public Multi<Page> pages(Resource resource, Map<String, String> query, int perPage) {
        return pages(resource.name().toLowerCase(), (paged, bearer) -> call(resource, paged, bearer), query, perPage);
    }

    private Multi<Page> pages(String what, BiFunction<Map<String, String>, String, Uni<Response>> call, Map<String, String> query,
                              int perPage) {
        int[] next = {1};
        return Multi.createBy().repeating()
                .uni(() -> next, asked -> page(call, query, asked[0], perPage).map(answer -> {
                    if (answer.page() != asked[0] && asked[0] <= answer.lastPageNumber()) {
                        throw plenty.unreadable("page " + asked[0] + " of " + what,
                                new IllegalStateException("Plentymarkets answered page " + answer.page() + " instead"));
                    }
                    if (answer.page() != asked[0]) {
                        // Past the end (the set shrank while it was read): Plenty repeats its last page.
                        return new Page(List.of(), asked[0], answer.lastPageNumber(), true, answer.totalsCount(), answer.serverTime());
                    }
                    asked[0]++;
                    return answer;
                }))
                .whilst(page -> !page.lastPage());
    }

    /** Every entry of a small resource (configuration), read page by page. */
    public <T> Uni<List<T>> all(Resource resource, Map<String, String> query, Class<T> type) {
        return collect(pages(resource, query, 250), type);
    }

    /** Every value of an attribute with its names, page by page (Plenty pages them, 50 by default). */
    public <T> Uni<List<T>> attributeValues(long attributeId, Class<T> type) {
        return collect(pages("values of attribute " + attributeId, (paged, bearer) -> api.attributeValues(attributeId, paged, bearer),
                Map.of("with", "names"), 250), type);
    }

    public Uni<Page> page(Resource resource, Map<String, String> query, int page, int perPage) {
        return page((paged, bearer) -> call(resource, paged, bearer), query, page, perPage);
    }

    private Uni<Page> page(BiFunction<Map<String, String>, String, Uni<Response>> call, Map<String, String> query, int page,
                           int perPage) {
        Map<String, String> paged = new LinkedHashMap<>(query);
        paged.put("page", Integer.toString(page));
        paged.put("itemsPerPage", Integer.toString(perPage));
        return plenty.call(() -> authorized(bearer -> call.apply(paged, bearer), this::read));
    }

    /** The VAT configuration Plenty applies by default: its rates are what a variation's vatId (0 to 3) points at. */
    public Uni<PlentyRecords.VatConfiguration> standardVat() {
        return plenty.call(() -> authorized(api::standardVat, response -> {
            JsonNode body = body(response, "the standard VAT configuration");
            if (!body.path("vatRates").isArray()) {
                throw new UpstreamRefused("The answer to GET /rest/vat/standard has no vatRates: is plentyUrl the system's address?");
            }
            return convert(List.of(body), PlentyRecords.VatConfiguration.class).get(0);
        }));
    }

    /** The system's clock now, from the Date header of a small read. */
    public Uni<OffsetDateTime> serverNow() {
        return page(Resource.VAT, Map.of(), 1, 1).map(Page::serverTime);
    }

    private Uni<Response> call(Resource resource, Map<String, String> query, String bearer) {
        return switch (resource) {
            case CATEGORIES -> api.categories(query, bearer);
            case ATTRIBUTES -> api.attributes(query, bearer);
            case SALES_PRICES -> api.salesPrices(query, bearer);
            case MANUFACTURERS -> api.manufacturers(query, bearer);
            case UNITS -> api.units(query, bearer);
            case VAT -> api.vat(query, bearer);
            case ITEMS -> api.items(query, bearer);
            case VARIATIONS -> api.variations(query, bearer);
        };
    }

    /** One request with a valid token; after a 401 once more with a fresh login. */
    private <T> Uni<T> authorized(Function<String, Uni<Response>> request, Function<Response, T> reader) {
        return bearer().chain(bearer -> answered(request.apply(bearer), reader)).onFailure(TokenRefused.class).recoverWithUni(refused -> {
            tokens = null;
            return login().chain(fresh -> answered(request.apply("Bearer " + fresh.access()), reader))
                    .onFailure(TokenRefused.class).transform(again -> new UpstreamRefused(
                            "Plentymarkets refused a freshly issued token (HTTP 401)"));
        });
    }

    private <T> Uni<T> answered(Uni<Response> call, Function<Response, T> reader) {
        return call.onFailure(WebApplicationException.class).recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                .onFailure().transform(plenty::unreachable)
                .map(response -> {
                    accepted(response);
                    return reader.apply(response);
                });
    }

    /** Rate limits honoured; a 401 renews the token; other errors become failures in words. */
    private void accepted(Response response) {
        honourRateLimit(response);
        int status = response.getStatus();
        if (status == 401) {
            plenty.answered(401);
            throw new TokenRefused();
        }
        if (status >= 400) {
            String retryAfter = response.getHeaderString("X-Plenty-Global-Short-Period-Decay");
            throw plenty.status(status, retryAfter != null ? retryAfter : response.getHeaderString("Retry-After"), messageOf(response));
        }
        plenty.answered(status);
    }

    private JsonNode body(Response response, String what) {
        try {
            return mapper.readTree(response.readEntity(String.class));
        } catch (IOException | RuntimeException e) {
            throw plenty.unreadable(what, e);
        }
    }

    private Page read(Response response) {
        try {
            JsonNode body = mapper.readTree(response.readEntity(String.class));
            OffsetDateTime serverTime = serverTime(response);
            if (body.isArray()) {
                List<JsonNode> entries = new ArrayList<>();
                body.forEach(entries::add);
                return new Page(entries, 1, 1, true, entries.size(), serverTime);
            }
            if (!body.path("entries").isArray() || !(body.has("isLastPage") || body.has("lastPageNumber"))) {
                // Another server (a proxy's page, a wrong URL) can answer 200 too: an empty catalogue
                // read from it would replace a good config cache.
                throw new UpstreamRefused("The answer to a list request has no Plentymarkets paging envelope "
                        + "(entries, isLastPage): is plentyUrl the system's address?");
            }
            List<JsonNode> entries = new ArrayList<>();
            body.path("entries").forEach(entries::add);
            int lastPageNumber = body.path("lastPageNumber").asInt(1);
            int page = body.path("page").asInt(1);
            boolean last = body.path("isLastPage").asBoolean(page >= lastPageNumber) || page >= lastPageNumber;
            return new Page(entries, page, lastPageNumber, last, body.path("totalsCount").asLong(entries.size()), serverTime);
        } catch (UpstreamRefused notPlenty) {
            throw notPlenty;
        } catch (IOException | RuntimeException e) {
            throw plenty.unreadable("a page", e);
        }
    }

    /** Waits for the period's decay before Plenty would answer 429: its headers say how many calls are left. */
    private void honourRateLimit(Response response) {
        for (String prefix : new String[] {"X-Plenty-Global-Short-Period", "X-Plenty-Route"}) {
            String left = response.getHeaderString(prefix + "-Calls-Left");
            String decay = response.getHeaderString(prefix + "-Decay");
            if (left != null && decay != null && left.matches("\\d+") && decay.matches("\\d+")
                    && Integer.parseInt(left) < minCallsLeft) {
                plenty.pauseFor(Duration.ofSeconds(Long.parseLong(decay)));
            }
        }
    }

    private Uni<String> bearer() {
        Tokens current = tokens;
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return Uni.createFrom().item("Bearer " + current.access());
        }
        return (current != null && current.refresh() != null ? refresh(current.refresh()).onFailure().recoverWithUni(failure -> login()) : login())
                .map(fresh -> "Bearer " + fresh.access());
    }

    /** One login at a time: callers that need a token meanwhile wait for the same one. */
    private synchronized Uni<Tokens> login() {
        if (renewing == null) {
            renewing = api.login(Map.of("username", username, "password", password))
                    .onFailure(WebApplicationException.class).recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                    .onFailure().transform(plenty::unreachable)
                    .map(this::issued)
                    .onTermination().invoke(() -> {
                        synchronized (this) {
                            renewing = null;
                        }
                    })
                    .memoize().indefinitely();
        }
        return renewing;
    }

    private Uni<Tokens> refresh(String refreshToken) {
        return api.refresh(Map.of("refresh_token", refreshToken))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                .onFailure().transform(plenty::unreachable)
                .map(this::issued);
    }

    private Tokens issued(Response response) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            plenty.answered(status);
            throw new UpstreamRefused("Plentymarkets refused the login for user " + username + " (HTTP " + status + ")");
        }
        if (status >= 400) {
            throw plenty.status(status, response.getHeaderString("Retry-After"), messageOf(response));
        }
        plenty.answered(status);
        try {
            JsonNode body = mapper.readTree(response.readEntity(String.class));
            // Plenty's login answer carries camelCase keys (and, on newer systems, snake_case ones as well).
            Duration lifetime = Duration.ofSeconds(body.path("expiresIn").asLong(body.path("expires_in").asLong(86_400)));
            Duration margin = RENEW_MARGIN.compareTo(lifetime.dividedBy(10)) <= 0 ? RENEW_MARGIN : lifetime.dividedBy(10);
            Instant renewAt = Instant.now().plus(lifetime).minus(margin);
            String access = body.path("accessToken").asText(body.path("access_token").asText(""));
            if (access.isBlank()) {
                throw new UpstreamRefused("Plentymarkets' login answer holds no accessToken: is plentyUrl the system's address?");
            }
            Tokens issued = new Tokens(access, body.path("refreshToken").asText(body.path("refresh_token").asText(null)), renewAt);
            tokens = issued;
            return issued;
        } catch (IOException e) {
            throw plenty.unreadable("a login answer", e);
        }
    }

    private static OffsetDateTime serverTime(Response response) {
        String date = response.getHeaderString("Date");
        try {
            return date == null ? OffsetDateTime.now(ZoneOffset.UTC)
                    : ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime();
        } catch (RuntimeException unreadable) {
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    private String messageOf(Response response) {
        try {
            JsonNode body = mapper.readTree(response.readEntity(String.class));
            return body.path("message").asText(body.path("error").asText(""));
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    private <T> Uni<List<T>> collect(Multi<Page> pages, Class<T> type) {
        return pages.collect().in(ArrayList<T>::new, (all, page) -> all.addAll(convert(page.entries(), type)))
                .map(all -> (List<T>) all);
    }

    public <T> List<T> convert(List<JsonNode> entries, Class<T> type) {
        List<T> converted = new ArrayList<>(entries.size());
        for (JsonNode entry : entries) {
            try {
                converted.add(mapper.treeToValue(entry, type));
            } catch (IOException e) {
                throw plenty.unreadable("a " + type.getSimpleName().toLowerCase() + " entry", e);
            }
        }
        return converted;
    }

    /** Plenty answered 401 to a token we sent; we log in again once. */
    static final class TokenRefused extends RuntimeException {
        TokenRefused() {
            super("Plentymarkets refused the token (HTTP 401)", null, false, false);
        }
    }
}
