package dev.syncline.commons.testing;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The service's OpenAPI document, read as a client reads it. */
public final class ApiDescription {

    private ApiDescription() {
    }

    /**
     * Every request body and every answer with a body that the document describes without a schema
     * (a $ref or a type), as "METHOD path status"; empty when each one has its schema.
     */
    @SuppressWarnings("unchecked")
    public static List<String> answersWithoutSchema() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        List<String> missing = new ArrayList<>();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || !operation.containsKey("responses")) {
                return;
            }
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            if (body != null) {
                checkContent(method.toUpperCase() + " " + path + " request", (Map<String, Object>) body.get("content"), missing);
            }
            ((Map<String, Object>) operation.get("responses")).forEach((status, response) -> {
                Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response).get("content");
                if (!status.startsWith("204")) {
                    checkContent(method.toUpperCase() + " " + path + " " + status, content, missing);
                }
            });
        }));
        return missing;
    }

    @SuppressWarnings("unchecked")
    private static void checkContent(String what, Map<String, Object> content, List<String> missing) {
        if (content == null || content.isEmpty()) {
            missing.add(what + ": no content");
            return;
        }
        content.forEach((mediaType, media) -> {
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) media).get("schema");
            boolean described = schema != null && (schema.containsKey("$ref") || schema.containsKey("type")
                    || schema.containsKey("oneOf") || schema.containsKey("allOf"));
            if (!described) {
                missing.add(what + " " + mediaType + ": no schema");
            }
        });
    }
}
