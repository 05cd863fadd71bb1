package dev.syncline.commons.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Puts the problem document into the API description: a {@code Problem} schema, and every
 * operation's 4XX and 5XX answers as {@code application/problem+json} of that schema.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        openAPI.setComponents(components);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        // Security and validation declare 400/401/403 without a body: each is a problem too.
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                response.content(problemContent());
            }
        });
        for (String range : new String[] {"4XX", "5XX"}) {
            if (!operation.getResponses().hasAPIResponse(range)) {
                operation.getResponses().addAPIResponse(range, OASFactory.createAPIResponse()
                        .description(range.startsWith("4") ? "The request was refused; the problem says why"
                                : "The service or its upstream failed; the problem says what happened")
                        .content(problemContent()));
            }
        }
        return operation;
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem document, with the members the original systems' callers read")
                .addProperty("type", text("Always about:blank"))
                .addProperty("title", text("The kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).description("The HTTP status"))
                .addProperty("detail", text("What happened, and what to do about it"))
                .addProperty("field", text("The request field or parameter at fault, for 400"))
                .addProperty("runId", OASFactory.createSchema().addType(SchemaType.INTEGER).description("The run a conflict or failure is about"))
                .addProperty("success", OASFactory.createSchema().addType(SchemaType.BOOLEAN).description("Always false"))
                .addProperty("error", text("The same as detail"))
                .addProperty("timestamp", text("When the problem occurred (ISO-8601)"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
