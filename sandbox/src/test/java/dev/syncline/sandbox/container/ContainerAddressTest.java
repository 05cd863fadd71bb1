package dev.syncline.sandbox.container;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox listens on 127.0.0.1 unless SANDBOX_HOST says otherwise; in a container nothing
 * else could then reach it, so its image and the compose file must say otherwise.
 */
class ContainerAddressTest {

    @Test
    void theImageAndTheComposeServiceListenOnEveryInterface() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertTrue(properties.contains("quarkus.http.host=${SANDBOX_HOST:"), "the listening address comes from SANDBOX_HOST");

        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertTrue(Pattern.compile("(?m)^\\s*SANDBOX_HOST=0\\.0\\.0\\.0\\s*$|ENV SANDBOX_HOST[= ]0\\.0\\.0\\.0").matcher(dockerfile).find(),
                "Dockerfile.jvm sets SANDBOX_HOST=0.0.0.0");

        String compose = Files.readString(Path.of("../deploy/compose.yaml"));
        String sandbox = compose.substring(compose.indexOf("\n  sandbox:"));
        assertTrue(sandbox.contains("SANDBOX_HOST: 0.0.0.0"), "compose's sandbox service sets SANDBOX_HOST");
    }
}
