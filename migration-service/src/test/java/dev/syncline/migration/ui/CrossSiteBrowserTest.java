package dev.syncline.migration.ui;

import com.sun.net.httpserver.HttpServer;
import dev.syncline.commons.testing.TestTokens;
import dev.syncline.migration.support.CommerceSandbox;
import dev.syncline.migration.support.MigrationTestBase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin logged in to the pages in Chromium (the code flow's session cookie, no token) visits a
 * page of another origin on the same site, another port of the same host, whose script posts to the
 * pages' actions and to the API with the browser's cookies. Nothing starts; the real page still works.
 */
@QuarkusTest
class CrossSiteBrowserTest extends MigrationTestBase {

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private HttpServer otherOrigin;

    @BeforeEach
    void startBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (otherOrigin != null) {
            otherOrigin.stop(0);
        }
    }

    @Test
    void aPageOfAnotherOriginStartsNothingWhileThePageItselfStillMigrates() throws IOException {
        browser.get(root + "customer-sync");
        waitUntil(() -> !browser.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys("alice");
        browser.findElement(By.id("login")).click();
        waitUntil(() -> "Customer Sync · Syncline".equals(browser.getTitle()));
        assertTrue(browser.manage().getCookies().stream().anyMatch(c -> c.getName().startsWith("q_session")), "logged in by cookie");

        List<String> ids = CommerceSandbox.truth("customers", "woocommerce").getList("onlyInSource", String.class).subList(0, 2);
        int shopifyCustomers = CommerceSandbox.held("shopify", "customers").size();
        String page = servedFromAnotherPort(ids);
        browser.get(page);
        waitUntil(() -> browser.getTitle().startsWith("sent"));
        // The no-cors posts go out (their answers are opaque); the one with the page's header needs a preflight, which fails.
        assertEquals("sent fulfilled,fulfilled,fulfilled,rejected", browser.getTitle());

        given().auth().oauth2(TestTokens.admin()).get("/api/runs").then().statusCode(200).body("$", empty());
        assertEquals(shopifyCustomers, CommerceSandbox.held("shopify", "customers").size(), "nothing reached Shopify");

        // The page itself, in the same browser session, still compares and migrates.
        browser.get(root + "customer-sync");
        browser.findElement(By.id("compare")).click();
        waitUntil(() -> browser.findElement(By.id("results")).isDisplayed());
        WebElement row = browser.findElements(By.cssSelector("#rows tr")).stream().filter(r -> r.getText().contains("only in source"))
                .findFirst().orElseThrow();
        row.findElement(By.cssSelector("input.row-select")).click();
        browser.findElement(By.id("sync-selected")).click();
        waitUntil(() -> browser.findElement(By.id("confirm")).isDisplayed());
        browser.findElement(By.id("confirm-yes")).click();
        waitUntil(() -> browser.findElement(By.id("outcome")).isDisplayed());
        assertEquals("1 of 1 customers migrated, 0 failed.", browser.findElement(By.id("outcome-summary")).getText());
        assertEquals(shopifyCustomers + 1, CommerceSandbox.held("shopify", "customers").size());
    }

    /** A page on another port of the service's host (same site, other origin) whose script tries what an attacker would. */
    private String servedFromAnotherPort(List<String> ids) throws IOException {
        // The service's own host, as the browser logged in there; the other page differs by its port only.
        String target = root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
        String pageIds = "[\"" + String.join("\",\"", ids) + "\"]";
        String apiCustomers = ids.stream().map(id -> "{\"sourceCustomerId\":\"" + id + "\"}").reduce((a, b) -> a + "," + b).orElseThrow();
        String html = """
                <!DOCTYPE html><html><head><title>waiting</title></head><body><script>
                const target = '%s';
                const page = JSON.stringify({sourceOfTruth: 'woocommerce', ids: %s});
                const api = '{"sourceOfTruth":"woocommerce","customers":[%s]}';
                const blind = (path, body) => fetch(target + path,
                    {method: 'POST', mode: 'no-cors', credentials: 'include', body: new Blob([body])});
                Promise.allSettled([
                  blind('/customer-sync/sync', page),
                  blind('/api/customers/sync', api),
                  blind('/api/jobs/migrate-customers:shopify/pause', ''),
                  fetch(target + '/customer-sync/sync', {method: 'POST', credentials: 'include', body: page,
                      headers: {'Content-Type': 'application/json', 'X-Requested-With': 'JavaScript'}})
                ]).then((results) => { document.title = 'sent ' + results.map((r) => r.status).join(','); });
                </script></body></html>""".formatted(target, pageIds, apiCustomers);
        otherOrigin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        otherOrigin.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        otherOrigin.start();
        return "http://" + root.getHost() + ":" + otherOrigin.getAddress().getPort() + "/";
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> condition.getAsBoolean());
    }
}
