package dev.syncline.migration.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Shopify's Admin API 2025-07 schema as Shopify publishes it: the introspection result in the npm
 * package @shopify/dev-mcp 1.14.4 ({@code dist/data/admin_2025-07.json.gz}). The package is
 * downloaded once into ~/.cache/syncline and checked against the sha512 the registry lists for it;
 * without the network the tests that need it fail, they are never skipped.
 */
public final class PublishedShopifySchema {

    public static final String VERSION = "2025-07";
    static final String TARBALL = "https://registry.npmjs.org/@shopify/dev-mcp/-/dev-mcp-1.14.4.tgz";
    /** {@code dist.integrity} of @shopify/dev-mcp@1.14.4 in the npm registry. */
    static final String SHA512 = "+3Ybg4C3OyLnsVIrjZFWXN1OXJFXOKTNGhjYyQJXxDtGib9czhhBvYrajFnwKCgjb0x3kfXbrVvjqkk+uCsVJA==";
    static final String ENTRY = "package/dist/data/admin_" + VERSION + ".json.gz";

    private static GraphQLSchema schema;
    private static Set<String> deprecatedInputFields;

    private PublishedShopifySchema() {
    }

    public static synchronized GraphQLSchema schema() throws IOException, InterruptedException {
        if (schema == null) {
            Map<String, Object> introspection = new ObjectMapper().readValue(introspectionJson(tarball()), new TypeReference<>() {
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) introspection.get("data");
            var document = new IntrospectionResultToSchema().createSchemaDefinition(data);
            deprecatedInputFields = deprecatedInputFields(data);
            schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(document));
        }
        return schema;
    }

    /**
     * The input fields Shopify marks deprecated, as "Type.field": graphql-java's reading of an
     * introspection result drops their deprecation, so it is taken from the JSON itself.
     */
    public static synchronized Set<String> deprecatedInputFields() throws IOException, InterruptedException {
        schema();
        return deprecatedInputFields;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> deprecatedInputFields(Map<String, Object> data) {
        Set<String> deprecated = new TreeSet<>();
        for (Object type : (List<Object>) ((Map<String, Object>) data.get("__schema")).get("types")) {
            Map<String, Object> t = (Map<String, Object>) type;
            if (t.get("inputFields") instanceof List<?> fields) {
                fields.stream().map(f -> (Map<String, Object>) f).filter(f -> Boolean.TRUE.equals(f.get("isDeprecated")))
                        .forEach(f -> deprecated.add(t.get("name") + "." + f.get("name")));
            }
        }
        return Set.copyOf(deprecated);
    }

    private static Path tarball() throws IOException, InterruptedException {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "syncline");
        Path file = cache.resolve("dev-mcp-1.14.4.tgz");
        if (Files.exists(file) && SHA512.equals(sha512(Files.readAllBytes(file)))) {
            return file;
        }
        Files.createDirectories(cache);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(TARBALL)).timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IOException(TARBALL + " answered HTTP " + answer.statusCode());
        }
        String actual = sha512(answer.body());
        if (!SHA512.equals(actual)) {
            throw new IOException(TARBALL + " is not the published package: sha512 " + actual + ", expected " + SHA512);
        }
        Path part = Files.createTempFile(cache, "dev-mcp", ".part");
        Files.write(part, answer.body());
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** The introspection JSON: the one tar entry, read from the gzipped tar (ustar headers of 512 bytes). */
    private static String introspectionJson(Path tarball) throws IOException {
        try (InputStream tar = new GZIPInputStream(Files.newInputStream(tarball), 1 << 16)) {
            byte[] header = new byte[512];
            while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (path.equals(ENTRY)) {
                    byte[] gz = tar.readNBytes((int) size);
                    try (InputStream json = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
                        return new String(json.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
                tar.skipNBytes(padded);
            }
        }
        throw new IOException(ENTRY + " is not in " + tarball);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static String sha512(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
