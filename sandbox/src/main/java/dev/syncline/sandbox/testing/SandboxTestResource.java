package dev.syncline.sandbox.testing;

import dev.syncline.sandbox.SandboxServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts the sandbox in the test JVM on a free port and tells the service where it is:
 * {@code sandbox.url} for the tests, and each upstream's base URL for the service.
 */
public class SandboxTestResource implements QuarkusTestResourceLifecycleManager {

    private SandboxServer server;

    @Override
    public Map<String, String> start() {
        server = SandboxServer.start();
        return Map.of(
                "sandbox.url", server.url(),
                "quarkus.rest-client.magento.url", server.url(),
                "quarkus.rest-client.softone.url", server.url(),
                "quarkus.rest-client.crm.url", server.url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
