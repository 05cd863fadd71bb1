package dev.syncline.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.syncline.commons.lock.JobAlreadyRunningException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves as application/problem+json with a message a person can act on. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problem.invalidField(e.field(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response alreadyRunning(JobAlreadyRunningException e) {
        return new Problem("about:blank", "Sync already running", 409, e.getMessage(), null, e.runningRunId())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = fieldPath(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String detail = field.isEmpty()
                ? "The request body must be a JSON object"
                : "Field '" + field + "' must be " + expected;
        return Problem.invalidField(field.isEmpty() ? null : field, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            return Problem.invalidField(field, "Field '" + field + "' could not be read: " + e.getOriginalMessage())
                    .toResponse();
        }
        return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        String detail = e.getMessage() == null ? "This identity may not do this" : e.getMessage();
        return Problem.of(Response.Status.FORBIDDEN, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        // The framework's own messages for routing and media-type failures name classes, not fixes.
        boolean frameworkMessage = e.getMessage() == null || e.getMessage().startsWith("HTTP " + status.getStatusCode())
                || List.of(405, 406, 415).contains(status.getStatusCode());
        String detail = frameworkMessage ? defaultDetail(status.getStatusCode(), status.getReasonPhrase()) : e.getMessage();
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Log.error("Request failed unexpectedly", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "The request failed unexpectedly; the service log has the details").toResponse();
    }

    /** What to do about a framework-raised status that came without a message of its own. */
    private static String defaultDetail(int status, String reason) {
        return switch (status) {
            case 400 -> "The request could not be read: the body is not valid JSON or is incomplete";
            case 404 -> "There is nothing at this path";
            case 405 -> "This path does not accept that method";
            case 406 -> "This path answers application/json only";
            case 415 -> "Send the body as application/json";
            default -> reason;
        };
    }

    static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "of type " + type.getSimpleName();
    }
}
