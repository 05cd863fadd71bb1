package dev.syncline.erp.softone;

import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * SoftOne custom JS web services, each at its own configurable path. The answer is read as raw
 * bytes: SoftOne sends Windows-1253 whatever its Content-Type says, so it is decoded before parsing.
 */
@RegisterRestClient(configKey = "softone")
public interface SoftOneApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<byte[]> call(@Url String serviceUrl, TraderQuery query);
}
