package dev.syncline.catalog.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Shopware's published Admin API description (npm {@code @shopware/api-client} 1.6.0,
 * {@code api-types/adminApiSchema.json}, Shopware 6.7), downloaded once into
 * {@code ~/.cache/syncline/} and checked against the registry's sha512 integrity before use.
 * The entity schemas list as required what the DAL fills itself (id, createdAt…), so for a
 * write they are read without {@code required} (a field that is not required may be null, as the
 * DAL clears it); they do not forbid unknown fields, so every
 * object schema is closed ({@code additionalProperties: false}) and a read-only field is refused,
 * as the DAL refuses a field it does not know or one that is write-protected.
 */
public final class ShopwareAdminSchema {

    static final String TARBALL = "https://registry.npmjs.org/@shopware/api-client/-/api-client-1.6.0.tgz";
    /** {@code npm view @shopware/api-client@1.6.0 dist.integrity}. */
    static final String INTEGRITY = "sha512-PfD9P4jP+pbm89Sj8/sggf0s9sw2AUI0U2vgPzrjTVaMOc2/5L95YP8ia5ce5O9P2PIQ4cVkyMjaCT7qlxrAfg==";
    static final String ENTRY = "package/api-types/adminApiSchema.json";

    private static ShopwareAdminSchema loaded;

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNode document;
    private final String components;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> writeSchemas = new HashMap<>();

    private ShopwareAdminSchema(byte[] json) throws IOException {
        document = mapper.readTree(json);
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas").deepCopy();
        List<String> names = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            // An entity has a JSON:API twin; value objects (Price…) keep what they require.
            if (schemas.has(name + "JsonApi")) {
                nullableUnlessRequired((ObjectNode) schemas.get(name));
            }
            closed(schemas.get(name));
        }
        components = mapper.writeValueAsString(mapper.createObjectNode().set("schemas", schemas));
    }

    public static synchronized ShopwareAdminSchema get() throws IOException, InterruptedException {
        if (loaded == null) {
            loaded = new ShopwareAdminSchema(entry(tarball(), ENTRY));
        }
        return loaded;
    }

    /** Shopware's entity name (product_visibility) as its schema name (ProductVisibility). */
    public static String schemaName(String entity) {
        StringBuilder name = new StringBuilder();
        for (String part : entity.split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    public boolean hasEntity(String entity) {
        return document.path("components").path("schemas").has(schemaName(entity) + "JsonApi");
    }

    /** What is wrong with one record written to an entity, empty when nothing is. */
    public synchronized List<String> writeViolations(String entity, JsonNode record) throws IOException {
        Schema schema = writeSchemas.computeIfAbsent(entity, e -> registry.getSchema(
                "{\"$ref\":\"#/components/schemas/" + schemaName(e) + "\",\"components\":" + components + "}", InputFormat.JSON));
        return schema.validate(mapper.writeValueAsString(record), InputFormat.JSON).stream().map(ShopwareAdminSchema::described).toList();
    }

    /** What is wrong with a {@code POST /api/_action/sync} body, against the operation's published request body. */
    public List<String> syncRequestViolations(JsonNode body) throws IOException {
        JsonNode requestBody = document.path("paths").path("/_action/sync").path("post").path("requestBody")
                .path("content").path("application/json").path("schema");
        Schema schema = registry.getSchema(mapper.writeValueAsString(requestBody), InputFormat.JSON);
        return schema.validate(mapper.writeValueAsString(body), InputFormat.JSON).stream().map(ShopwareAdminSchema::described).toList();
    }

    /**
     * What is wrong with a call of an action route (e.g. {@code /_action/media/{mediaId}/upload}):
     * its path and query parameters (required ones present, each against its schema) and its JSON
     * body against the operation's published {@code application/json} request body.
     */
    public List<String> actionRequestViolations(String path, Map<String, String> parameters, JsonNode body) throws IOException {
        JsonNode operation = document.path("paths").path(path).path("post");
        if (operation.isMissingNode()) {
            return List.of("Shopware publishes no POST " + path);
        }
        List<String> violations = new ArrayList<>();
        Map<String, String> unknown = new HashMap<>(parameters);
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            String value = parameters.get(name);
            unknown.remove(name);
            if (value == null) {
                if (parameter.path("required").asBoolean(false)) {
                    violations.add("the required " + parameter.path("in").asText() + " parameter " + name + " is missing");
                }
                continue;
            }
            Schema schema = registry.getSchema("{\"allOf\":[" + mapper.writeValueAsString(parameter.path("schema"))
                    + "],\"components\":" + components + "}", InputFormat.JSON);
            schema.validate(mapper.writeValueAsString(value), InputFormat.JSON)
                    .forEach(error -> violations.add("parameter " + name + ": " + described(error)));
        }
        unknown.keySet().forEach(name -> violations.add("Shopware publishes no parameter " + name + " for " + path));
        JsonNode requestBody = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (requestBody.isMissingNode()) {
            violations.add("Shopware publishes no JSON request body for " + path);
        } else {
            ObjectNode closedBody = requestBody.deepCopy();
            closed(closedBody);
            registry.getSchema(mapper.writeValueAsString(closedBody), InputFormat.JSON)
                    .validate(mapper.writeValueAsString(body), InputFormat.JSON)
                    .forEach(error -> violations.add("body: " + described(error)));
        }
        return violations;
    }

    private static String described(com.networknt.schema.Error error) {
        return "at " + error.getInstanceLocation() + ": " + error.getKeyword()
                + (error.getProperty() == null ? "" : " " + error.getProperty()) + " (" + error.getMessage() + ")";
    }

    /** Drops {@code required}; a field not required takes null (the DAL clears it), a required one does not. */
    private static void nullableUnlessRequired(ObjectNode entity) {
        java.util.Set<String> required = new java.util.HashSet<>();
        entity.path("required").forEach(r -> required.add(r.asText()));
        entity.remove("required");
        entity.path("properties").fields().forEachRemaining(p -> {
            if (!required.contains(p.getKey()) && p.getValue().path("type").isTextual()) {
                String type = p.getValue().get("type").asText();
                ((ObjectNode) p.getValue()).putArray("type").add(type).add("null");
            }
        });
    }

    /** Closes a schema and those nested in it (properties, items, compositions); a $ref is closed where it points. */
    private static void closed(JsonNode node) {
        if (!node.isObject()) {
            return;
        }
        ObjectNode schema = (ObjectNode) node;
        if (schema.path("properties").isObject()) {
            if (!schema.has("additionalProperties")) {
                schema.put("additionalProperties", false);
            }
            ObjectNode properties = (ObjectNode) schema.get("properties");
            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (properties.get(name).path("readOnly").asBoolean(false)) {
                    properties.put(name, false);
                } else {
                    closed(properties.get(name));
                }
            }
        }
        closed(schema.path("items"));
        closed(schema.path("additionalProperties"));
        for (String composition : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(composition).forEach(ShopwareAdminSchema::closed);
        }
    }

    /** The cached tarball, downloaded when missing or not the published one. No network fails the test. */
    private static byte[] tarball() throws IOException, InterruptedException {
        Path cached = Path.of(System.getProperty("user.home"), ".cache", "syncline", "shopware-api-client-1.6.0.tgz");
        if (Files.isRegularFile(cached)) {
            byte[] bytes = Files.readAllBytes(cached);
            if (INTEGRITY.equals(integrity(bytes))) {
                return bytes;
            }
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
        HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(TARBALL)).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IOException("The npm registry answered " + answer.statusCode() + " for " + TARBALL);
        }
        byte[] bytes = answer.body();
        String actual = integrity(bytes);
        if (!INTEGRITY.equals(actual)) {
            throw new IOException("The downloaded " + TARBALL + " has integrity " + actual + ", the registry publishes " + INTEGRITY);
        }
        Files.createDirectories(cached.getParent());
        Path partial = Files.createTempFile(cached.getParent(), "download", ".tgz");
        Files.write(partial, bytes);
        Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return bytes;
    }

    static String integrity(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file of a gzipped tar (ustar headers of 512 bytes, contents padded to 512). */
    static byte[] entry(byte[] tgz, String wanted) throws IOException {
        try (InputStream tar = new GZIPInputStream(new java.io.ByteArrayInputStream(tgz))) {
            byte[] header = new byte[512];
            while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (path.equals(wanted) && (header[156] == '0' || header[156] == 0)) {
                    ByteArrayOutputStream content = new ByteArrayOutputStream();
                    content.write(tar.readNBytes((int) size));
                    return content.toByteArray();
                }
                tar.skipNBytes(padded);
            }
        }
        throw new IOException(wanted + " is not in the tarball");
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
