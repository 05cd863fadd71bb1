package dev.syncline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.util.Map;

/** Small JSON helpers shared by the simulators. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static void send(RoutingContext context, int status, Object body) {
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(MAPPER.writeValueAsBytes(body)));
        } catch (IOException e) {
            context.fail(e);
        }
    }

    public static void sendBytes(RoutingContext context, int status, byte[] body) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(body));
    }

    /** The request body as a JSON object, or an empty one when there is no body. */
    public static JsonNode body(RoutingContext context) {
        Buffer body = context.body() == null ? null : context.body().buffer();
        if (body == null || body.length() == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(body.getBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException("Request body is not valid JSON: " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> message(String message) {
        return Map.of("message", message);
    }
}
