package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the mock shop: what a tenant in mock mode would have sent to Shopware. */
@ApplicationScoped
public class MockShopStore {

    private final Pool pool;
    private final ObjectMapper mapper;

    public MockShopStore(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public record MockProduct(String id, String productNumber, String parentId, JsonNode payload, OffsetDateTime updatedAt) {
    }

    /** A page of products in id order; {@code next} is the id to ask after for the next page, null at the end. */
    public record MockProductPage(long total, List<MockProduct> products, String next) {
    }

    public Uni<MockProductPage> page(UUID tenant, String after, int limit) {
        return pool.preparedQuery("""
                        select id, product_number, parent_id, payload::text as payload, updated_at,
                               (select count(*) from mock_shopware_product where tenant_id = $1) as total
                        from mock_shopware_product where tenant_id = $1 and id > $2 order by id limit $3""")
                .execute(Tuple.of(tenant, after, limit))
                .map(rows -> {
                    List<MockProduct> products = new ArrayList<>();
                    long[] total = {0};
                    rows.forEach(row -> {
                        total[0] = row.getLong("total");
                        products.add(new MockProduct(row.getString("id"), row.getString("product_number"), row.getString("parent_id"),
                                json(row.getString("payload")), row.getOffsetDateTime("updated_at")));
                    });
                    String next = products.size() == limit ? products.get(products.size() - 1).id() : null;
                    return new MockProductPage(total[0], products, next);
                });
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
