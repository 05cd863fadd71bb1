package dev.syncline.commons.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.Set;

/** Real signed OIDC access tokens from the test issuer, for the roles a test needs. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String admin() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("sync-admin"));
    }

    public static String viewer() {
        return OidcWiremockTestResource.getAccessToken("victor", Set.of("sync-viewer"));
    }

    public static String withoutRoles() {
        return OidcWiremockTestResource.getAccessToken("nobody", Set.of());
    }
}
