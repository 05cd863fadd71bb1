package dev.syncline.erp.softone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.ZoneId;

/** The customer's SoftOne installation. */
@ConfigMapping(prefix = "softone")
public interface SoftOneConfig {

    /** SOFTONE_URL: the installation's base URL. */
    String url();

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

    /**
     * SOFTONE_CHARSET: what the answer's bytes are, whatever its Content-Type says. SoftOne answers
     * in Windows-1253 (ANSI Greek); an installation switched to UTF-8 sets UTF-8.
     */
    @WithDefault("windows-1253")
    Charset charset();

    @WithDefault("5s")
    Duration connectTimeout();

    /** How long SoftOne may stay silent, before the answer starts or within it, before the call fails. */
    @WithDefault("60s")
    Duration readTimeout();
}
