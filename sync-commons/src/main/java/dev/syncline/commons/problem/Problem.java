package dev.syncline.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document. {@code field} names the request field at fault; {@code runId} the
 * run a conflict refers to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, Long runId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    public static Problem of(Response.Status status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    public static Problem invalidField(String field, String detail) {
        return new Problem("about:blank", "Invalid request", 400, detail, field, null);
    }

    /** The source systems' clients look for success:false on every error; problems carry it too. */
    @com.fasterxml.jackson.annotation.JsonProperty("success")
    public boolean success() {
        return false;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
