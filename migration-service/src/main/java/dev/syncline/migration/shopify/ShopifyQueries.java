package dev.syncline.migration.shopify;

/** The GraphQL documents the migration sends, each within Shopify's single-query cost limit. */
final class ShopifyQueries {

    private ShopifyQueries() {
    }

    /** Admin API 2025-07: a customer's email and phone as objects (Customer.email and .phone are deprecated). */
    static final String CUSTOMER_FIELDS = "id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } "
            + "defaultAddress { address1 city zip countryCodeV2 }";

    /** Each customer costs 4 (itself and its three objects): 2 + 240 × 4 = 962 points. */
    static final int CUSTOMER_PAGE = 240;

    static final String CUSTOMERS = "query customers($first: Int!, $after: String) { customers(first: $first, after: $after, sortKey: ID) "
            + "{ nodes { " + CUSTOMER_FIELDS + " } pageInfo { hasNextPage endCursor } } }";

    static final String CUSTOMERS_COUNT = "query customersCount { customersCount { count precision } }";

    /**
     * Bulk exports group each object's children right after it ({@code groupObjects}, 2025-07's
     * default, said explicitly since later versions default to ungrouped), so an order's line items
     * can be joined to it while the JSONL streams by.
     */
    static final String CUSTOMERS_BULK = bulk("customersBulk", "customers { edges { node { " + CUSTOMER_FIELDS + " } } }");

    static final String BULK_OPERATION = "query bulkOperation($id: ID!) { node(id: $id) { ... on BulkOperation "
            + "{ id status errorCode objectCount url } } }";

    static final String ORDER_HEADER_FIELDS = "id name email phone createdAt processedAt currencyCode "
            + "totalPriceSet { shopMoney { amount currencyCode } } displayFinancialStatus displayFulfillmentStatus "
            + "customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }";

    static final String LINE_ITEM_FIELDS = "sku title quantity originalUnitPriceSet { shopMoney { amount } }";

    static final String ORDER_FIELDS = ORDER_HEADER_FIELDS + " lineItems(first: %d) { nodes { " + LINE_ITEM_FIELDS + " } pageInfo { hasNextPage } }";

    static final String ORDERS_COUNT = "query ordersCount { ordersCount { count precision } }";

    /** Every order, its line items as lines of their own (with {@code __parentId}) right after it. */
    static final String ORDERS_BULK = bulk("ordersBulk", "orders(sortKey: ID) { edges { node { " + ORDER_HEADER_FIELDS
            + " lineItems { edges { node { " + LINE_ITEM_FIELDS + " } } } } } }");

    /** 2 + 25 × (1 + 2 + 3 + 2 + 10 × 3) = 952 points. */
    static final String ORDERS = "query orders($first: Int!, $after: String) { orders(first: $first, after: $after, sortKey: ID) "
            + "{ nodes { " + ORDER_FIELDS.formatted(10) + " } pageInfo { hasNextPage endCursor } } }";

    static final String ORDER_LINE_COUNT = "query lineCount($id: ID!) { node(id: $id) { ... on Order { lineItems(first: 250) { nodes { sku } } } } }";

    static final String CUSTOMER_NODES = "query customerNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on Customer { " + CUSTOMER_FIELDS + " } } }";

    /** One order with up to 100 line items: about 308 points, so orders are read by id in threes. */
    static final String ORDER_NODES = "query orderNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { "
            + ORDER_FIELDS.formatted(100) + " } } }";

    static final String CUSTOMER_SEARCH = "query customerSearch($query: String!) { customers(first: 2, query: $query) { nodes { id } } }";

    static final String ORDER_SEARCH = "query orderSearch($query: String!) { orders(first: 2, query: $query) { nodes { id name } } }";

    static final String VARIANT_BY_SKU = "query variantBySku($query: String!) { productVariants(first: 1, query: $query) { nodes { id sku } } }";

    static final String CUSTOMER_CREATE = "mutation customerCreate($input: CustomerInput!) { customerCreate(input: $input) "
            + "{ customer { id } userErrors { field message } } }";

    static final String CUSTOMER_ADDRESS_CREATE = "mutation customerAddressCreate($customerId: ID!, $address: MailingAddressInput!, "
            + "$setAsDefault: Boolean) { customerAddressCreate(customerId: $customerId, address: $address, setAsDefault: $setAsDefault) "
            + "{ address { id } userErrors { field message } } }";

    static final String ORDER_CREATE = "mutation orderCreate($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) "
            + "{ orderCreate(order: $order, options: $options) { order { id name } userErrors { field message code } } }";

    static final String DRAFT_ORDER_CREATE = "mutation draftOrderCreate($input: DraftOrderInput!) { draftOrderCreate(input: $input) "
            + "{ draftOrder { id name } userErrors { field message } } }";

    private static String bulk(String name, String connection) {
        return "mutation " + name + " { bulkOperationRunQuery(query: \"{ " + connection + " }\", groupObjects: true) "
                + "{ bulkOperation { id status } userErrors { field message code } } }";
    }
}
