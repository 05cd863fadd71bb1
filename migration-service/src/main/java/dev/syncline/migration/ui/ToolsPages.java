package dev.syncline.migration.ui;

import dev.syncline.commons.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** The two tools' pages: Customer Sync and Order Sync, server-rendered, under the "Tools" sidebar. */
@Path("/")
@Tag(name = "Pages")
@RolesAllowed(Roles.ADMIN)
public class ToolsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tool(Tool tool);
    }

    /** What a page is about: its path, its records' words, and its columns. */
    public record Tool(String path, String kind, String title, String noun, String nounPlural, boolean orders) {
        public String compareLabel() {
            return "Compare " + Character.toUpperCase(nounPlural.charAt(0)) + nounPlural.substring(1);
        }
    }

    static final Tool CUSTOMERS = new Tool("/customer-sync", "customers", "Customer Sync", "customer", "customers", false);
    static final Tool ORDERS = new Tool("/order-sync", "orders", "Order Sync", "order", "orders", true);

    @GET
    @Operation(hidden = true)
    public Response index() {
        return Response.seeOther(URI.create("/customer-sync")).build();
    }

    @GET
    @Path("/customer-sync")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The Customer Sync page")
    public TemplateInstance customerSync() {
        return Templates.tool(CUSTOMERS);
    }

    @GET
    @Path("/order-sync")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The Order Sync page")
    public TemplateInstance orderSync() {
        return Templates.tool(ORDERS);
    }
}
