package dev.syncline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The simulators' control routes: read the JSON body, do the action, answer its result as JSON;
 * bad input (an unreadable body, an invalid setting) is a 400 with the reason.
 */
public final class Control {

    private Control() {
    }

    /** An action that takes the request body and answers what becomes the response body. */
    public interface Action {
        Object apply(JsonNode body) throws Exception;
    }

    /** A handler that writes its own response. */
    public interface RawHandler {
        void handle(RoutingContext context) throws Exception;
    }

    public static Handler<RoutingContext> action(Action action) {
        return raw(context -> Json.send(context, 200, action.apply(Json.body(context))));
    }

    public static Handler<RoutingContext> raw(RawHandler handler) {
        return context -> {
            try {
                handler.handle(context);
            } catch (IllegalArgumentException | java.io.IOException e) {
                Json.send(context, 400, Json.message(e.getMessage()));
            } catch (Exception e) {
                context.fail(e);
            }
        };
    }
}
