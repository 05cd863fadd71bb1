package dev.syncline.magento.mailflow;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;

/** The mailing tool's webhook: one JSON event per POST; any 2xx means received. */
public interface MailflowWebhook {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> deliver(String eventJson);
}
