package dev.syncline.magento.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.UpstreamRefused;
import dev.syncline.commons.upstream.Upstreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.util.function.Function;

/**
 * Reads Magento orders page by page under Magento's upstream policy (retries with backoff on
 * 5xx, 429 after the Retry-After Magento asks for, timeouts and broken pages; a circuit breaker;
 * {@code syncline.upstream.magento.*}). A refused token is renewed once.
 */
@ApplicationScoped
public class MagentoClient {

    private final MagentoApi api;
    private final MagentoAuth auth;
    private final ObjectMapper mapper;
    private final Upstream magento;

    public MagentoClient(@RestClient MagentoApi api, MagentoConfig config, ObjectMapper mapper, Upstreams upstreams) {
        this.api = api;
        this.mapper = mapper;
        this.magento = upstreams.named("magento", "Magento");
        this.auth = new MagentoAuth(api, config, mapper, magento);
    }

    /** Orders with entity_id greater than {@code afterEntityId}, lowest first, at most {@code pageSize}. */
    public Uni<OrderPage> ordersAfter(long afterEntityId, int pageSize) {
        return magento.call(() -> withRenewal(bearer -> fetch(bearer, afterEntityId, pageSize)));
    }

    /** Orders with entity_id in ({@code afterEntityId}, {@code upToEntityId}], lowest first, at most {@code pageSize}. */
    public Uni<OrderPage> ordersBetween(long afterEntityId, long upToEntityId, int pageSize) {
        return magento.call(() -> withRenewal(bearer -> api.ordersBetween(bearer, "entity_id", afterEntityId, "gt", "entity_id",
                        upToEntityId, "lteq", "entity_id", "ASC", pageSize, 1)
                .invoke(() -> magento.answered(200))
                .map(body -> parse(body, afterEntityId))
                .onFailure().transform(this::classify)));
    }

    /** The newest order after {@code afterEntityId} (one item) and, as total_count, how many there are. */
    public Uni<OrderPage> newestAfter(long afterEntityId) {
        return magento.call(() -> withRenewal(bearer -> api.orders(bearer, "entity_id", afterEntityId, "gt", "entity_id", "DESC", 1, 1)
                .invoke(() -> magento.answered(200))
                .map(body -> parse(body, afterEntityId))
                .onFailure().transform(this::classify)));
    }

    /** Runs the request with the current token; after a 401 once more with a renewed one. */
    private <T> Uni<T> withRenewal(Function<String, Uni<T>> request) {
        return auth.bearer().chain(request::apply).onFailure(TokenRefused.class).recoverWithUni(refused -> {
            if (!auth.forgetAdminToken()) {
                return Uni.createFrom().failure(new UpstreamRefused("Magento refused the configured MAGENTO_TOKEN (HTTP 401)"));
            }
            return auth.bearer().chain(request::apply).onFailure(TokenRefused.class).transform(again ->
                    new UpstreamRefused("Magento refused a freshly issued admin token (HTTP 401)"));
        });
    }

    private Uni<OrderPage> fetch(String bearer, long afterEntityId, int pageSize) {
        return api.orders(bearer, "entity_id", afterEntityId, "gt", "entity_id", "ASC", pageSize, 1)
                .invoke(() -> magento.answered(200))
                .map(body -> parse(body, afterEntityId))
                .onFailure().transform(this::classify);
    }

    private RuntimeException classify(Throwable e) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() == 401) {
            magento.answered(401);
            return new TokenRefused();
        }
        return magento.failure(e);
    }

    private OrderPage parse(byte[] body, long afterEntityId) {
        try {
            return mapper.readValue(body, OrderPage.class);
        } catch (IOException e) {
            throw magento.unreadable("an orders page after entity_id " + afterEntityId, e);
        }
    }

    /** Magento answered 401 to a token we sent; renewed once before giving up. */
    static final class TokenRefused extends RuntimeException {
        TokenRefused() {
            super("Magento refused the token (HTTP 401)", null, false, false);
        }
    }
}
