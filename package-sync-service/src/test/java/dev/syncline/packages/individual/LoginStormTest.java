package dev.syncline.packages.individual;

import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.packages.support.CrmSandbox;
import dev.syncline.packages.support.PackageTestBase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many different profiles logging in at once, from callers that give up after 5 s, against a CRM
 * that takes 200 ms per answer: every login is answered, every profile is synced soon after, and
 * the service keeps its connections for whoever asks next.
 */
@QuarkusTest
class LoginStormTest extends PackageTestBase {

    private static final int PROFILES = 240;
    private static final int CALLERS = 16;
    private static final Duration CALLERS_GIVE_UP = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URI service;

    @Test
    void loginsOfManyProfilesAreAllAnsweredAndAllSynced() throws Exception {
        CrmSandbox.reset(PROFILES, PROFILES * 2, 1000);
        List<Map<String, String>> customers = CrmSandbox.customers();
        CrmSandbox.faults(Map.of("latencyMs", 200));
        HttpClient http = HttpClient.newBuilder().connectTimeout(CALLERS_GIVE_UP).build();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Map<String, String> customer : customers) {
                String body = "{\"profileId\":\"" + UUID.randomUUID() + "\",\"email\":\"" + customer.get("email") + "\"}";
                answers.add(callers.submit(() -> http.send(HttpRequest.newBuilder(service.resolve("/api/hooks/login"))
                                .timeout(CALLERS_GIVE_UP).header("Authorization", "Bearer test-cron-secret")
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(202, answer.get(), "every login is answered before its caller gives up");
            }

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> TestDatabase.queryLong(
                    "select count(*) from package_sync.profile where sync_requested_at is null and sync_claimed_until is null")
                    == customers.size());
            assertEquals(customers.size(), TestDatabase.queryLong(
                    "select count(*) from package_sync.crm_mapping where status = 'matched' and matched_by = 'email'"));
            assertEquals(CrmSandbox.total("packages", null), TestDatabase.queryLong("select count(*) from package_sync.profile_package"));

            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                reads.add(callers.submit(() -> http.send(HttpRequest.newBuilder(service.resolve("/api/crm/sync-packages"))
                        .timeout(CALLERS_GIVE_UP).header("Authorization", "Bearer test-cron-secret").GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> read : reads) {
                assertEquals(200, read.get(), "the pool serves everyone after the storm");
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
