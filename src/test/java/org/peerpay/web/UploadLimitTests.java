package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A file over the upload limit, sent to the real server, gets the upload page saying so: never an error page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class UploadLimitTests extends DatabaseTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Users users;

    @Test
    void aFileOverTwentyMegabytesIsRefusedOnTheUploadPage() throws Exception {
        users.add("fin", Role.FINANCE, "a long enough password".toCharArray());
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String signIn = get(http, "/sign-in");
        post(http, "/sign-in", "application/x-www-form-urlencoded", ("username=fin&password=a+long+enough+password"
                + "&_csrf=" + token(signIn)).getBytes(StandardCharsets.UTF_8));
        String token = token(get(http, "/finance/imports"));

        String boundary = "peerpay" + System.nanoTime();
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(big);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post(http, "/finance/imports", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Import result").contains("big.csv")
                .contains("Not imported: it is larger than 20 MB, the most PeerPay takes in one file");
        assertThat(jdbc.queryForObject("select count(*) from timesheet_import", Integer.class)).isZero();
    }

    private String get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(HttpClient http, String path, String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String page) {
        Matcher found = CSRF.matcher(page);
        assertThat(found.find()).as(page).isTrue();
        return found.group(1);
    }
}
