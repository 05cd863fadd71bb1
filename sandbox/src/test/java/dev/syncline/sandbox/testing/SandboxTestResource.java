package dev.syncline.sandbox.testing;

import dev.syncline.sandbox.SandboxServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts the sandbox in the test JVM on a free port and publishes its address as
 * {@code sandbox.url}. Each service's test configuration points its own clients at it
 * ({@code %test.quarkus.rest-client.<key>.url=${sandbox.url}}), so a new service never edits this.
 */
public class SandboxTestResource implements QuarkusTestResourceLifecycleManager {

    private SandboxServer server;

    @Override
    public Map<String, String> start() {
        server = SandboxServer.start();
        return Map.of("sandbox.url", server.url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
