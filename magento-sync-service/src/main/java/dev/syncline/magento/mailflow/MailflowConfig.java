package dev.syncline.magento.mailflow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where consumer_signup events go (MAILFLOW_WEBHOOK_URL); without a URL they stay in the outbox, readable through the API. */
@ConfigMapping(prefix = "mailflow")
public interface MailflowConfig {

    Optional<URI> webhookUrl();

    /** How often due events are sent; read by {@link OutboxDelivery}. */
    Duration deliveryInterval();

    /** Events claimed per delivery round. */
    @WithDefault("100")
    int batchSize();

    /** Events posted at the same time. */
    @WithDefault("8")
    int concurrency();

    /** How long a claimed event is reserved for one replica; after that another may deliver it again. */
    @WithDefault("60s")
    Duration lease();

    /** The longest wait between two attempts at a failing event (the wait doubles per attempt). */
    @WithDefault("1h")
    Duration maxBackoff();
}
