package dev.syncline.packages.crm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The CRM's Supabase project. Its URL is quarkus.rest-client.crm.url (CRM_SUPABASE_URL). */
@ConfigMapping(prefix = "crm")
public interface CrmConfig {

    /** CRM_SUPABASE_KEY, sent as apikey and as bearer token. */
    String key();

    @WithDefault("customers")
    String customersTable();

    @WithDefault("packages")
    String packagesTable();

    /** Rows asked for per request; PostgREST may cap it lower (1000 by default), which paging copes with. */
    @WithDefault("1000")
    int pageSize();
}
