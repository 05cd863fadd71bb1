package dev.syncline.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.run.RunFailedException;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every error leaves as application/problem+json with a message a person can act on. */
public class ProblemMappers {

    private final CurrentVertxRequest currentRequest;

    public ProblemMappers(CurrentVertxRequest currentRequest) {
        this.currentRequest = currentRequest;
    }

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problem.invalidField(e.field(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return Problem.invalidField(e.parameter(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response alreadyRunning(JobAlreadyRunningException e) {
        return Problem.of(409, "Sync already running", e.getMessage()).withRunId(e.runningRunId()).toResponse();
    }

    @ServerExceptionMapper
    public Response runFailed(RunFailedException e) {
        return Problem.of(502, "Sync failed", e.getMessage()).withRunId(e.runId()).with(e.members()).toResponse();
    }

    /** Bean Validation on request bodies and parameters: the first violation, with its field. */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .orElse(null);
        if (first == null) {
            return Problem.invalidField(null, "The request is not valid").toResponse();
        }
        String field = fieldOf(first.getPropertyPath());
        String detail = field == null ? first.getMessage() : field + " " + first.getMessage()
                + (first.getInvalidValue() == null ? "" : ", was " + shown(first.getInvalidValue()));
        return Problem.invalidField(field, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = fieldPath(e);
        if (e instanceof NulCharacterException) {
            return Problem.invalidField(field, "Field '" + field + "' must not contain a NUL character").toResponse();
        }
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String detail = field.isEmpty()
                ? "The request body must be a JSON object"
                : "Field '" + field + "' must be " + expected;
        return Problem.invalidField(field.isEmpty() ? null : field, detail).toResponse();
    }

    /** Valid JSON with a number too large for the field. */
    @ServerExceptionMapper
    public Response outOfRange(InputCoercionException e) {
        String field = e.getProcessor() == null ? null : currentField(e.getProcessor());
        String detail = field == null ? "A number in the request body is out of range"
                : "Field '" + field + "' is out of range for " + describe(e.getTargetType());
        return Problem.invalidField(field, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            return Problem.invalidField(field, "Field '" + field + "' could not be read: " + e.getOriginalMessage())
                    .toResponse();
        }
        if (e instanceof JsonParseException) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(e.getOriginalMessage());
            if (duplicate.find()) {
                return Problem.invalidField(duplicate.group(1), "Field '" + duplicate.group(1)
                        + "' appears more than once in the request body").toResponse();
            }
        }
        return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage())
                .toResponse();
    }

    /**
     * No or unusable credentials: a problem, with the Bearer challenge. Where the path belongs to a
     * web-page login (an OIDC code-flow tenant), the authenticator's own challenge: the redirect
     * to the login page.
     */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Uni<Response> unauthorized(RuntimeException e) {
        RoutingContext context = currentRequest.getCurrent();
        HttpAuthenticator authenticator = context == null ? null : context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(ProblemMappers::bearerProblem);
        }
        return authenticator.getChallenge(context)
                .map(challenge -> challenge != null && challenge.status == 302 ? redirect(challenge) : bearerProblem())
                .onFailure().recoverWithItem(failure -> bearerProblem());
    }

    private static Response redirect(ChallengeData challenge) {
        Response.ResponseBuilder redirect = Response.status(302);
        challenge.getHeaders().forEach((name, value) -> redirect.header(name.toString(), value));
        return redirect.build();
    }

    private static Response bearerProblem() {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                        "Send a bearer token of the configured issuer, or the cron secret where the endpoint takes it")
                .toResponse()).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        String detail = e.getMessage() == null ? "This identity may not do this" : e.getMessage();
        return Problem.of(Response.Status.FORBIDDEN, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON reader wraps parser-level failures (duplicate keys, numbers out of range) in a 400.
        if (e.getCause() instanceof InputCoercionException coercion) {
            return outOfRange(coercion);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        // The framework's own messages for routing and media-type failures name classes, not fixes.
        boolean frameworkMessage = e.getMessage() == null || e.getMessage().startsWith("HTTP " + status.getStatusCode())
                || List.of(405, 406, 415).contains(status.getStatusCode());
        String detail = frameworkMessage ? defaultDetail(status.getStatusCode(), status.getReasonPhrase()) : e.getMessage();
        return Problem.of(status, detail).toResponse();
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

    /**
     * The request field a violation is about: for a body, the path inside it ({@code batchSize},
     * {@code customers[2].email}); for a query parameter, its name.
     */
    static String fieldOf(Path path) {
        List<String> inside = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null ? "" : node.getName();
                if (node.getIndex() != null && !inside.isEmpty()) {
                    inside.set(inside.size() - 1, inside.get(inside.size() - 1) + "[" + node.getIndex() + "]");
                }
                if (!name.isEmpty() && !name.startsWith("<")) {
                    inside.add(name);
                }
            }
        }
        return inside.isEmpty() ? parameter : String.join(".", inside);
    }

    static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String currentField(JsonParser parser) {
        try {
            return parser.getParsingContext() == null ? null : parser.getParsingContext().getCurrentName();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? "'" + text.substring(0, 60) + "…'" : "'" + text + "'";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }
}
