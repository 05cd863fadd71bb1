package dev.syncline.commons.testing;

import dev.syncline.sandbox.testing.SandboxTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The real parts every service's API tests run against: a fresh PostgreSQL database, the
 * in-process sandbox and the OIDC test issuer, shared by all test classes that carry it.
 * (A meta-annotation, because Quarkus reads it from a base class in another jar.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = FreshDatabaseResource.class, scope = TestResourceScope.MATCHING_RESOURCES, parallel = true)
@WithTestResource(value = SandboxTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES, parallel = true)
public @interface ServiceTestResources {
}
