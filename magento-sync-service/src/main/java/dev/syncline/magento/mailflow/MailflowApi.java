package dev.syncline.magento.mailflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The mailing tool's webhook (MAILFLOW_WEBHOOK_URL): one JSON event per POST; any 2xx means received. */
@RegisterRestClient(configKey = "mailflow")
interface MailflowApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> deliver(JsonNode event);
}
