package dev.syncline.migration.ui;

import dev.syncline.commons.testing.TestTokens;
import dev.syncline.migration.support.CommerceSandbox;
import dev.syncline.migration.support.MigrationTestBase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two pages in a real Chromium (Debian's chromium and chromium-driver), as an admin uses them:
 * compare, select, confirm, follow the progress, read the results; and what the sandbox stores afterwards.
 * The admin's token travels as a header on every request the browser makes.
 */
@QuarkusTest
class ToolPagesBrowserTest extends MigrationTestBase {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 800));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Bearer " + TestTokens.admin())));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void customersAreComparedSelectedAndMigratedFromThePage() throws IOException {
        browser.get(root + "customer-sync");
        assertEquals("Customer Sync · Syncline", browser.getTitle());
        assertEquals(List.of("Customer Sync", "Order Sync"), browser.findElements(By.cssSelector("nav.sidebar ul a")).stream()
                .map(a -> a.getText().replaceAll("^\\W+", "").trim()).toList());
        assertEquals("Log out", browser.findElement(By.id("logout")).getText());

        new Select(browser.findElement(By.id("source"))).selectByValue("woocommerce");
        browser.findElement(By.id("compare")).click();
        waitUntil(() -> browser.findElement(By.id("results")).isDisplayed());
        int onlyInSource = CommerceSandbox.truth("customers", "woocommerce").getList("onlyInSource").size();
        int ambiguous = CommerceSandbox.truth("customers", "woocommerce").getList("ambiguous").size();
        assertTrue(browser.findElement(By.id("summary")).getText().contains("Only in WooCommerce\n" + onlyInSource),
                browser.findElement(By.id("summary")).getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("#rows tr"));
        assertEquals(onlyInSource + ambiguous, rows.size());
        screenshot("customer-sync-compared");

        // Three rows by keyboard: focus each checkbox and press space.
        List<String> chosen = rows.stream().filter(r -> r.getText().contains("only in source")).limit(3)
                .map(r -> {
                    WebElement box = r.findElement(By.cssSelector("input.row-select"));
                    box.sendKeys(Keys.SPACE);
                    return r.findElements(By.tagName("td")).get(5).getText();
                }).toList();
        assertEquals("Sync Selected (3)", browser.findElement(By.id("sync-selected")).getText());
        browser.findElement(By.id("sync-selected")).click();
        WebElement dialog = browser.findElement(By.id("confirm"));
        waitUntil(dialog::isDisplayed);
        assertTrue(dialog.getText().contains("Migrate 3 customers from WooCommerce to Shopify"), dialog.getText());
        screenshot("customer-sync-confirm");
        browser.findElement(By.id("confirm-yes")).click();

        waitUntil(() -> browser.findElement(By.id("outcome")).isDisplayed());
        assertEquals("3 of 3 customers migrated, 0 failed.", browser.findElement(By.id("outcome-summary")).getText());
        assertEquals(3, browser.findElements(By.cssSelector("#outcome-rows tr")).size());
        screenshot("customer-sync-results");

        Set<String> tags = CommerceSandbox.held("shopify", "customers").stream().flatMap(c -> ((List<?>) c.get("tags")).stream())
                .map(Object::toString).collect(Collectors.toSet());
        for (String id : chosen) {
            assertTrue(tags.contains("syncline-source:woocommerce:" + id), "Shopify now holds WooCommerce customer " + id);
        }
    }

    @Test
    void ordersCanBeMigratedAsDraftsAfterTheWarning() throws IOException {
        browser.get(root + "order-sync");
        assertTrue(browser.findElement(By.cssSelector(".warning")).getText().contains("draft orders"));
        browser.findElement(By.id("compare")).click();
        waitUntil(() -> browser.findElement(By.id("results")).isDisplayed());
        browser.findElement(By.id("select-all")).click();
        int all = CommerceSandbox.truth("orders", "woocommerce").getList("onlyInSource").size();
        assertEquals(all + CommerceSandbox.truth("orders", "woocommerce").getList("ambiguous").size(),
                browser.findElements(By.cssSelector("#rows tr")).size());
        for (WebElement row : browser.findElements(By.cssSelector("#rows tr"))) {
            assertEquals(!row.getText().contains("ambiguous"), row.findElement(By.cssSelector("input.row-select")).isSelected(),
                    "select all leaves ambiguous orders to be chosen one by one: " + row.getText());
        }
        assertEquals("Sync Selected (" + all + ")", browser.findElement(By.id("sync-selected")).getText());
        browser.findElement(By.id("draft")).click();
        screenshot("order-sync-compared");
        browser.findElement(By.id("sync-selected")).click();
        waitUntil(() -> browser.findElement(By.id("confirm")).isDisplayed());
        assertTrue(browser.findElement(By.id("confirm-text")).getText().contains("as draft orders"));
        browser.findElement(By.id("confirm-yes")).click();

        waitUntil(() -> browser.findElement(By.id("outcome")).isDisplayed());
        String summary = browser.findElement(By.id("outcome-summary")).getText();
        screenshot("order-sync-results");
        assertEquals(all + " of " + all + " orders migrated, 0 failed.", summary);
        assertEquals(all, CommerceSandbox.held("shopify", "drafts").size());
        assertTrue(browser.findElement(By.id("outcome-rows")).getText().contains("draft created"));
    }

    @Test
    void anEmptyComparisonSaysSoAndAnUpstreamFailureIsShownInWords() {
        CommerceSandbox.reset(Map.of("seed", 2, "sharedCustomers", 30));
        browser.get(root + "customer-sync");
        new Select(browser.findElement(By.id("source"))).selectByValue("woocommerce");
        CommerceSandbox.reset(Map.of("seed", 2, "sharedCustomers", 0, "shopifyOnlyCustomers", 3));
        browser.findElement(By.id("compare")).click();
        waitUntil(() -> browser.findElement(By.id("results")).isDisplayed());
        assertTrue(browser.findElement(By.id("empty")).getText().startsWith("No differences"), browser.findElement(By.id("empty")).getText());
        assertFalse(browser.findElement(By.id("differences")).isDisplayed());

        CommerceSandbox.put("/sandbox/woo/paging-bug", Map.of("enabled", true));
        CommerceSandbox.reset(Map.of("seed", 2, "sharedCustomers", 250));
        CommerceSandbox.put("/sandbox/woo/paging-bug", Map.of("enabled", true));
        browser.findElement(By.id("compare")).click();
        waitUntil(() -> browser.findElement(By.id("error")).isDisplayed());
        // Pages are read several at a time, so whichever repeated page arrives first is the one named.
        String error = browser.findElement(By.id("error")).getText();
        assertTrue(error.matches("(?s).*WooCommerce answered page \\d+ of customers with records of an earlier page.*paging is broken.*"), error);
    }

    @Test
    void withoutATokenThePageAsksForALogin() {
        given().redirects().follow(false).get("/customer-sync").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.containsString("response_type=code"))
                .header("Location", org.hamcrest.Matchers.containsString("redirect_uri="));
        // The API next to the pages keeps answering 401 with the Bearer challenge.
        given().redirects().follow(false).get("/api/runs").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.viewer()).get("/customer-sync").then().statusCode(403);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> condition.getAsBoolean());
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
