package dev.syncline.migration.support;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A person's login to the pages through the code flow, against the test issuer: the page's
 * redirect, the issuer's login, the return with the code; what a browser keeps afterwards.
 */
public final class PageLogin {

    /** The first redirect to the issuer, the session cookies it ended with, and that answer's Set-Cookie lines. */
    public record Session(String authorizationUrl, Map<String, String> cookies, List<String> setCookies) {

        public RequestSpecification request() {
            return given().redirects().follow(false).cookies(cookies);
        }
    }

    private PageLogin() {
    }

    public static Session logIn() {
        return logIn(null);
    }

    /** {@code forwardedProto}: what a TLS proxy in front would report (X-Forwarded-Proto), or null for none. */
    public static Session logIn(String forwardedProto) {
        Response page = withProto(given().redirects().follow(false), forwardedProto).get("/customer-sync");
        if (page.statusCode() != 302) {
            throw new AssertionError("the page did not ask for a login: " + page.statusCode());
        }
        String authorization = page.header("Location");
        Map<String, String> query = query(URI.create(authorization));
        Response issuer = given().redirects().follow(false).queryParam("state", query.get("state"))
                .queryParam("redirect_uri", query.get("redirect_uri")).get(issuerRoot() + "/login");
        URI back = URI.create(issuer.header("Location"));
        Response done = withProto(given().redirects().follow(false).cookies(page.cookies()), forwardedProto)
                .get(back.getRawPath() + "?" + back.getRawQuery());
        if (done.statusCode() != 302) {
            throw new AssertionError("the login did not complete: " + done.statusCode() + " " + done.asString());
        }
        Map<String, String> session = new LinkedHashMap<>();
        done.cookies().forEach((name, value) -> {
            if (name.startsWith("q_session")) {
                session.put(name, value);
            }
        });
        if (session.isEmpty()) {
            throw new AssertionError("the login set no session cookie: " + done.headers());
        }
        return new Session(authorization, session, done.headers().getValues("Set-Cookie"));
    }

    private static RequestSpecification withProto(RequestSpecification request, String forwardedProto) {
        return forwardedProto == null ? request : request.header("X-Forwarded-Proto", forwardedProto);
    }

    /** The test issuer's own root (its login form lives there, beside /auth). */
    private static String issuerRoot() {
        String url = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        return url.substring(0, url.indexOf('/', "http://".length()));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
