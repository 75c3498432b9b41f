package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.support.DatabaseTest;
import org.peerpay.users.Role;
import org.peerpay.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The web application in a real headless browser (Debian's chromium and chromium-driver; nothing is downloaded):
 * finance uploads the sample timesheets and pays, a coordinator reads their budgets, an admin reads the audit log;
 * every page passes axe-core's WCAG 2.2 AA rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class BrowserTests extends DatabaseTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    ReferenceDataLoader reference;

    WebDriver browser;
    @TempDir
    Path downloads;

    @BeforeEach
    void givenTheSampleCouncilAndItsUsers() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No browser: install Debian's chromium and chromium-driver (.ci/run does) to run the browser test");
        reference.load(Path.of("sample-data/reference"));
        users.add("fin", Role.FINANCE, PASSWORD.toCharArray());
        users.add("cat", Role.COORDINATOR, PASSWORD.toCharArray());
        users.add("ada", Role.ADMIN, PASSWORD.toCharArray());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1366,768");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void financeUploadsAndPaysACoordinatorReadsBudgetsAndAnAdminSeesItAllInTheAuditLog() throws Exception {
        signIn("ada");
        open("/admin/users/cat/caseload");
        assertAccessible("caseload");
        browser.findElement(By.id("refs")).sendKeys("SU001 SU014");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        awaitHeading("Users");
        assertThat(text()).contains("SU001, SU014");
        signOut();

        open("/");
        assertAccessible("sign-in");
        signIn("fin");

        open("/finance/imports");
        assertAccessible("upload");
        List<String> files;
        try (Stream<Path> sample = Files.list(Path.of("sample-data/timesheets"))) {
            files = sample.sorted().map(file -> file.toAbsolutePath().toString()).toList();
        }
        browser.findElement(By.id("files")).sendKeys(String.join("\n", files));
        browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        awaitHeading("Import result");
        assertThat(text()).contains("2026-11-15-fortnight-4.csv").contains("UNKNOWN_MENTOR")
                .contains("mentor M099 is not in the reference data");
        assertAccessible("import result");

        open("/finance/pay");
        assertAccessible("pay periods");
        int runs = 0;
        while (!browser.findElements(By.cssSelector("form[action$='/finance/pay'] button")).isEmpty()) {
            browser.findElement(By.cssSelector("form[action$='/finance/pay'] button")).click();
            awaitHeading("Job runs");
            runs++;
            // the page follows the run without being reloaded (htmx), to its outcome
            String url = browser.getCurrentUrl();
            int finished = runs;
            waitUpTo(90).until(driver ->
                    text().split("paid: \\d+ payslips", -1).length > finished);
            assertThat(browser.getCurrentUrl()).isEqualTo(url);
            assertThat(text()).containsPattern("paid: \\d+ payslips, gross £[\\d,]+\\.\\d\\d")
                    .contains("Completed").contains("5 of 5: complete pay run");
            assertAccessible("job runs");
            open("/finance/pay");
        }
        assertThat(text()).contains("2026-27/4W08").contains("Paid");
        assertAccessible("pay periods, paid");
        browser.findElement(By.partialLinkText("Payslips")).click();
        awaitHeadingStartingWith("Payslips for ");
        assertAccessible("payslips");
        browser.findElement(By.cssSelector("a[href$='.pdf']")).click();
        waitUpTo(30).until(driver -> pdfDownloaded());
        signOut();

        signIn("cat");
        open("/budgets");
        assertThat(text()).contains("SU001").contains("SU014").doesNotContain("SU002 ");
        assertThat(text()).containsPattern("SU001 [^\\n]*£[\\d,]+\\.\\d\\d");
        assertAccessible("budgets");
        browser.findElement(By.partialLinkText("SU014")).click();
        awaitHeadingStartingWith("SU014");
        waitUpTo(30).until(driver -> Boolean.TRUE.equals(
                ((JavascriptExecutor) driver).executeScript("return typeof Chart !== 'undefined'"
                        + " && Chart.getChart(document.getElementById('balance-chart')) !== undefined"
                        + " && Chart.getChart(document.getElementById('spend-chart')) !== undefined")));
        assertThat(text()).contains("Balance over time").contains("Spend by pay period");
        assertAccessible("service user");
        open("/exceptions");
        assertAccessible("exceptions");
        assertThat(text()).contains("SU014").contains("Overspend").doesNotContain("SU002");
        browser.findElement(By.cssSelector("form[action*='/acknowledge'] input[name=note]"))
                .sendKeys("top-up agreed with the council");
        browser.findElement(By.cssSelector("form[action*='/acknowledge'] button")).click();
        waitUpTo(30).until(driver -> text().contains(
                ": top-up agreed with the council"));
        signOut();

        signIn("ada");
        open("/admin/audit");
        assertThat(text()).contains("uploaded and imported").contains("ran pay").contains("signed in")
                .contains("downloaded").contains("payslip ")
                .contains("acknowledged an exception").contains("set a caseload");
        assertAccessible("audit log");
        open("/admin/users");
        assertAccessible("users");
    }

    @Test
    void filesDroppedOnTheUploadBoxAreImported() throws Exception {
        Path sample;
        try (Stream<Path> files = Files.list(Path.of("sample-data/timesheets"))) {
            sample = files.sorted().findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(sample);
        String csv = lines.get(0) + "\n" + lines.get(1) + "\n";
        signIn("fin");
        open("/finance/imports");
        waitUpTo(30).until(driver ->
                !driver.findElements(By.cssSelector("[data-peerpay-drop-zone][data-peerpay-ready]")).isEmpty());
        ((JavascriptExecutor) browser).executeScript("""
                const files = new DataTransfer();
                files.items.add(new File([arguments[0]], 'dropped.csv', {type: 'text/csv'}));
                const zone = document.querySelector('[data-peerpay-drop-zone]');
                zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: files, bubbles: true, cancelable: true}));
                zone.dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));
                """, csv);
        assertThat(browser.findElement(By.id("files-chosen")).getText()).isEqualTo("1 file chosen: dropped.csv");
        assertAccessible("upload, a file dropped");
        browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        awaitHeading("Import result");
        assertThat(text()).contains("dropped.csv").containsPattern("Accepted\\s+1\\s");
    }

    /** A wait that reads the page again when an element it read was replaced meanwhile (a navigation, a swap). */
    private WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private boolean pdfDownloaded() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".pdf") && readsAsPdf(file));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean readsAsPdf(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length > 1000 && new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("%PDF-");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void awaitHeadingStartingWith(String start) {
        waitUpTo(60).until(driver -> driver.findElement(By.tagName("h1"))
                .getText().startsWith(start));
    }

    private void awaitHeading(String heading) {
        waitUpTo(60).withMessage(() -> "waiting for " + heading + " on: "
                + text()).until(driver -> driver.findElement(By.tagName("h1")).getText().equals(heading));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void signIn(String username) {
        open("/sign-in");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        awaitHeading("PeerPay");
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form[action$='/sign-out'] button")).click();
        // the page may still be the old one, or be replaced while it is read: wait for the new one
        waitUpTo(30).withMessage(() -> "waiting to be signed out, on: " + text())
                .until(driver -> text().contains("You have signed out."));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void assertAccessible(String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(browser);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(page + ": " + violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", ")) + ")").collect(Collectors.joining("; "))).isEmpty();
        screenshot(page);
    }

    /**
     * With {@code -Dpeerpay.screenshots=DIR}, saves the whole page as it looks at 1366 pixels wide and at a phone's
     * 390, as {@code DIR/<page>-1366.png} and {@code -390.png}: how the README's screenshots are made.
     */
    private void screenshot(String page) {
        String folder = System.getProperty("peerpay.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        ChromeDriver chrome = (ChromeDriver) browser;
        try {
            Path directory = Files.createDirectories(Path.of(folder));
            for (int width : new int[] {1366, 390}) {
                chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                        "height", 768, "deviceScaleFactor", 1, "mobile", width < 600));
                Thread.sleep(300);
                long height = ((Number) chrome.executeScript("return document.documentElement.scrollHeight"))
                        .longValue();
                chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                        "height", Math.max(768, height), "deviceScaleFactor", 1, "mobile", width < 600));
                Thread.sleep(300);
                Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
                Files.write(directory.resolve(page.replaceAll("[^a-z0-9]+", "-") + "-" + width + ".png"),
                        java.util.Base64.getDecoder().decode((String) shot.get("data")));
            }
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
