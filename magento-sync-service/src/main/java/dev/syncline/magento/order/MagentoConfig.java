package dev.syncline.magento.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** How to reach and log in to Magento. The base URL is quarkus.rest-client.magento.url (MAGENTO_BASE_URL). */
@ConfigMapping(prefix = "magento")
public interface MagentoConfig {

    /** An integration access token used as a bearer token (MAGENTO_TOKEN); wins over username/password. */
    Optional<String> token();

    /** Admin user for token login (MAGENTO_USERNAME). */
    Optional<String> username();

    /** Admin password for token login (MAGENTO_PASSWORD). */
    Optional<String> password();

    /** How long Magento keeps an admin token (Magento's default is 4 hours); we log in again before that. */
    @WithDefault("4h")
    Duration adminTokenLifetime();

    /** Log in again this long before Magento would expire the admin token. */
    @WithDefault("5m")
    Duration adminTokenRenewMargin();
}
