package dev.syncline.erp.softone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** The customer's SoftOne installation. Its base URL is quarkus.rest-client.softone.url (SOFTONE_URL). */
@ConfigMapping(prefix = "softone")
public interface SoftOneConfig {

    /** SOFTONE_USERNAME */
    String username();

    /** SOFTONE_PASSWORD */
    String password();

    /** SOFTONE_COMPANY */
    String company();

    /** The custom web service answering customers changed since a window start. */
    @WithDefault("/s1services/JS/webservice.customers/getCustomers")
    String customersPath();

    /** The same for suppliers. */
    @WithDefault("/s1services/JS/webservice.suppliers/getSuppliers")
    String suppliersPath();

    /** SoftOne writes times as local time without an offset; this is the zone they are in. */
    @WithDefault("Europe/Athens")
    ZoneId timeZone();
}
