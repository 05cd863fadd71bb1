package dev.syncline.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migration pages behind Keycloak's login, in Debian's Chromium: redirect (with PKCE), log in, use the page, log out. */
class MigrationLoginIT {

    static final String PAGES = E2eSystem.Service.MIGRATION.url();
    private ChromeDriver browser;

    @BeforeAll
    static void start() {
        E2eSystem.start();
        given().contentType("application/json").body(Map.of("sharedCustomers", 30, "wooOnlyCustomers", 4, "shopifyOnlyCustomers", 2))
                .post(E2eSystem.SANDBOX + "/sandbox/commerce/reset").then().statusCode(200);
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminIsSentToKeycloakAndComparesAfterLoggingIn() {
        browser = newBrowser();
        browser.get(PAGES + "/customer-sync");
        assertTrue(browser.getCurrentUrl().startsWith(E2eSystem.REALM + "/protocol/openid-connect/auth"), browser.getCurrentUrl());

        logIn("ada");
        waitForTitle("Customer Sync · Syncline");
        assertEquals(PAGES + "/customer-sync", browser.getCurrentUrl(), "back on the page, without the code in the address");

        new Select(browser.findElement(By.id("source"))).selectByValue("woocommerce");
        browser.findElement(By.id("compare")).click();
        waitUntil(() -> browser.findElement(By.id("results")).isDisplayed());
        JsonPath truth = given().queryParam("kind", "customers").queryParam("sourceOfTruth", "woocommerce")
                .get(E2eSystem.SANDBOX + "/sandbox/commerce/truth").then().extract().jsonPath();
        int expectedRows = truth.getList("onlyInSource").size() + truth.getList("ambiguous").size();
        assertEquals(expectedRows, browser.findElements(By.cssSelector("#rows tr")).size());

        // The session holds: the other page opens without another login.
        browser.get(PAGES + "/order-sync");
        waitForTitle("Order Sync · Syncline");

        // Logging out ends the session here and at Keycloak: the page asks for a login again.
        browser.findElement(By.id("logout")).click();
        waitForTitle("Logged out · Syncline");
        browser.get(PAGES + "/customer-sync");
        waitUntil(() -> browser.getCurrentUrl().startsWith(E2eSystem.REALM + "/protocol/openid-connect/auth"));
        assertTrue(browser.getCurrentUrl().contains("code_challenge_method=S256"), browser.getCurrentUrl());
    }

    @Test
    void aUserWithoutTheAdminRoleIsRefusedAfterLoggingIn() {
        browser = newBrowser();
        browser.get(PAGES + "/order-sync");
        logIn("vic");
        waitUntil(() -> browser.getCurrentUrl().startsWith(PAGES));
        assertFalse(browser.getTitle().contains("Order Sync"), browser.getTitle());
        assertTrue(browser.findElements(By.id("compare")).isEmpty());
        assertTrue(browser.getPageSource().contains("403") || browser.getPageSource().contains("Forbidden"), browser.getPageSource());
    }

    private void logIn(String user) {
        waitUntil(() -> !browser.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(E2eSystem.get("DEMO_USER_PASSWORD"));
        browser.findElement(By.id("kc-login")).click();
    }

    private void waitForTitle(String title) {
        try {
            waitUntil(() -> title.equals(browser.getTitle()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected the page '" + title + "', at " + browser.getCurrentUrl() + ": "
                    + browser.getPageSource(), e);
        }
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> condition.getAsBoolean());
    }

    static ChromeDriver newBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))).build();
        return new ChromeDriver(service, options);
    }
}
