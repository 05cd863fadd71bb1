package dev.syncline.commons.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error body: an RFC 9457 problem document. {@code field} names the request field at fault,
 * {@code runId} the run a conflict or failure refers to. The source systems' callers look for
 * {@code success:false}, {@code error} and {@code timestamp}, so every problem carries those too;
 * an endpoint may add members of its own (e.g. a failed bulk run's {@code result}).
 *
 * <p>Registered for reflection: exception mappers return it inside a {@code Response}, whose
 * entity no resource signature names, so nothing else registers it for a native executable.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "field", "runId", "success", "error", "timestamp"})
public record Problem(String type, String title, int status, String detail, String field, Long runId,
                      Instant timestamp, @JsonIgnore Map<String, Object> members) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    public Problem {
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null,
                Instant.now(), null);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, Instant.now(), null);
    }

    public static Problem invalidField(String field, String detail) {
        return new Problem("about:blank", "Invalid request", 400, detail, field, null, Instant.now(), null);
    }

    public Problem withRunId(Long id) {
        return new Problem(type, title, status, detail, field, id, timestamp, members);
    }

    /** The same problem with one more member in its body. */
    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(name, value);
        return new Problem(type, title, status, detail, field, runId, timestamp, more);
    }

    /** The same problem with these members in its body too (a failed run's own report). */
    public Problem with(Map<String, ?> more) {
        Map<String, Object> all = new LinkedHashMap<>(members);
        all.putAll(more);
        return new Problem(type, title, status, detail, field, runId, timestamp, all);
    }

    @JsonProperty("success")
    public boolean success() {
        return false;
    }

    /** The seed systems' name for the message. */
    @JsonProperty("error")
    public String error() {
        return detail;
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return members;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
