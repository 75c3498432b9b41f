package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.peerpay.support.DatabaseTest;
import org.peerpay.users.Role;
import org.peerpay.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A script uses the API as the README says, against the real server: it signs in with the sign-in form, asks
 * {@code /api/session} for the CSRF header and token (or reads the {@code XSRF-TOKEN} cookie), and sends it with
 * each change; without it the change is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class ApiClientTests extends DatabaseTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("\"csrfHeader\":\"([^\"]+)\",\"csrfToken\":\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Users users;

    @Test
    void aScriptSignsInAndSendsTheTokenFromTheSessionOrTheCookieWithEachChange() throws Exception {
        users.add("fin", Role.FINANCE, "a long enough password".toCharArray());
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        Matcher form = CSRF.matcher(send(http, HttpRequest.newBuilder(uri("/sign-in"))).body());
        assertThat(form.find()).isTrue();
        HttpResponse<String> signedIn = send(http, HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=fin&password=a+long+enough+password&_csrf="
                        + form.group(1))));
        assertThat(signedIn.statusCode()).isEqualTo(302);

        Matcher session = SESSION.matcher(send(http, HttpRequest.newBuilder(uri("/api/session"))).body());
        assertThat(session.find()).isTrue();
        assertThat(session.group(1)).isEqualTo("X-XSRF-TOKEN");

        // a period not yet ended is refused as a problem (400): the token was taken
        HttpResponse<String> withToken = payRun(http, session.group(1), session.group(2));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(400);
        assertThat(withToken.body()).contains("has not ended yet");

        String cookie = cookies.getCookieStore().get(uri("/")).stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
        assertThat(payRun(http, "X-XSRF-TOKEN", cookie).statusCode()).isEqualTo(400);

        HttpResponse<String> without = send(http, HttpRequest.newBuilder(uri("/api/pay-runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"2026-27/4W13\"}")));
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(payRun(http, "X-XSRF-TOKEN", "not-the-token").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> payRun(HttpClient http, String header, String token) throws Exception {
        return send(http, HttpRequest.newBuilder(uri("/api/pay-runs")).header(header, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"2026-27/4W13\"}")));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
