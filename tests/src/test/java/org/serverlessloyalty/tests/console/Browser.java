package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driving the console as a person would: fields are found by their label's text (so a
 * field without a label cannot be filled), buttons by their text. Debian's {@code chromium} and
 * {@code chromium-driver} (or {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}); without them, {@link #start}
 * skips the test class (an assumption), as the LocalStack tests skip without Docker. Nothing is downloaded:
 * the driver is given, so Selenium Manager never runs.
 */
public final class Browser implements AutoCloseable {

    /** Where each journey's screenshots go: the README shows two of them (copied to docs/images). */
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final URI base;
    private final Path downloads;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, URI base, Path downloads, Path profile) {
        this.driver = driver;
        this.base = base;
        this.downloads = downloads;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** The Chromium and ChromeDriver of this machine, if it has both. */
    static Optional<Path[]> installed() {
        Path chromium = Path.of(Optional.ofNullable(System.getenv("CHROMIUM_BIN")).orElse("/usr/bin/chromium"));
        Path chromedriver = Path.of(Optional.ofNullable(System.getenv("CHROMEDRIVER_BIN")).orElse("/usr/bin/chromedriver"));
        return Files.isExecutable(chromium) && Files.isExecutable(chromedriver)
                ? Optional.of(new Path[] {chromium, chromedriver}) : Optional.empty();
    }

    /** A fresh browser (its own profile and download folder) on the stack at {@code base}; skips without one. */
    public static Browser start(URI base) {
        return start(base, false);
    }

    /** As {@link #start(URI)}, with chromedriver's performance log on, so {@link #requests()} can list them. */
    public static Browser startRecordingRequests(URI base) {
        return start(base, true);
    }

    private static Browser start(URI base, boolean recordRequests) {
        Optional<Path[]> binaries = installed();
        Assumptions.assumeTrue(binaries.isPresent(),
                "No chromium and chromedriver here (apt-get install chromium chromium-driver): the browser tests skip");
        try {
            Path profile = Files.createTempDirectory("console-chromium-");
            Path downloads = Files.createTempDirectory("console-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binaries.get()[0].toFile());
            // Without the background-networking flags Chromium keeps calling Google's hosts, which this closed
            // network refuses; the console itself must need nothing but the stack's host.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--window-size=1440,1000", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            if (recordRequests) {
                logs.enable(LogType.PERFORMANCE, Level.ALL);
            }
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(binaries.get()[1].toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", true));
            return new Browser(driver, base, downloads, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens the console at {@code hash} ("" for its start, "#/stores", ...). */
    public Browser open(String hash) {
        driver.get(base.resolve("/console").toString() + hash);
        return this;
    }

    public Browser signIn(String key) {
        open("");
        fill("Admin key or store API key", key);
        click("Sign in");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#who button")));
        return this;
    }

    /** The form control whose label starts with {@code label}, within {@code scope} (a form or section). */
    public WebElement field(WebElement scope, String label) {
        // A label that is exactly the text (a required one ends with " *") wins over one that only starts with it,
        // so "Codes" finds "Codes", not "Codes per page" above it.
        String literal = xpathLiteral(label);
        WebElement labelEl = wait.until(d -> {
            List<WebElement> starting = scope.findElements(By.xpath(
                    ".//label[starts-with(normalize-space(.), " + literal + ")]")).stream()
                    .filter(WebElement::isDisplayed).toList();
            return starting.stream().filter(l -> l.getText().strip().replaceFirst("\\s*\\*$", "").equals(label))
                    .findFirst().orElse(starting.isEmpty() ? null : starting.get(0));
        });
        return driver.findElement(By.id(labelEl.getAttribute("for")));
    }

    public WebElement field(String label) {
        return field(driver.findElement(By.tagName("main")), label);
    }

    public Browser fill(String label, String value) {
        return fill(driver.findElement(By.tagName("main")), label, value);
    }

    public Browser fill(WebElement scope, String label, String value) {
        WebElement input = field(scope, label);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    public Browser choose(String label, String visibleText) {
        return choose(driver.findElement(By.tagName("main")), label, visibleText);
    }

    public Browser choose(WebElement scope, String label, String visibleText) {
        new Select(field(scope, label)).selectByVisibleText(visibleText);
        return this;
    }

    public Browser check(String label, boolean on) {
        WebElement box = field(label);
        if (box.isSelected() != on) {
            box.click();
        }
        return this;
    }

    /** Puts a file into a file field (as if chosen in the file dialog). */
    public Browser attach(String label, Path file) {
        field(label).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Clicks the visible button (or link) whose text is {@code text}. */
    public Browser click(String text) {
        return click(driver.findElement(By.tagName("body")), text);
    }

    public Browser click(WebElement scope, String text) {
        String literal = xpathLiteral(text);
        WebElement target = wait.until(d -> scope.findElements(By.xpath(".//button[normalize-space(.)=" + literal
                        + "] | .//a[normalize-space(.)=" + literal + "]")).stream()
                .filter(e -> e.isDisplayed() && e.isEnabled()).findFirst().orElse(null));
        target.click();
        return this;
    }

    /** Presses a key on whatever has the focus (keyboard journeys). */
    public Browser press(CharSequence key) {
        driver.switchTo().activeElement().sendKeys(key);
        return this;
    }

    public Browser tab() {
        return press(Keys.TAB);
    }

    /** Waits until {@code text} is somewhere in the page's main area, and returns that area's text. */
    public String waitForText(String text) {
        try {
            wait.until(d -> d.findElement(By.tagName("main")).getText().contains(text));
        } catch (TimeoutException e) {
            throw new AssertionError("'" + text + "' never showed; the page says:\n"
                    + driver.findElement(By.tagName("main")).getText(), e);
        }
        return mainText();
    }

    public String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** The first visible element of {@code css}, waited for. */
    public WebElement find(String css) {
        return wait.until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The error shown next to the field labelled {@code label} (empty when none). */
    public String errorNextTo(String label) {
        WebElement control = field(label);
        WebElement wrapper = control.findElement(By.xpath("./ancestor::div[contains(@class,'field')][1]"));
        return wrapper.findElement(By.cssSelector(".field-error")).getText();
    }

    /** Waits for an error to show next to the field labelled {@code label}, and returns it. */
    public String waitForErrorNextTo(String label) {
        wait.until(d -> !errorNextTo(label).isBlank());
        return errorNextTo(label);
    }

    public Object script(String source, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(source, args);
    }

    /** Waits for a finished download named {@code fileName} (Chromium writes .crdownload until it is whole). */
    public Path downloaded(String fileName, Duration timeout) {
        Path file = downloads.resolve(fileName);
        new WebDriverWait(driver, timeout).until(d -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        return file;
    }

    /** Saves the window as target/console-screenshots/{@code name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page's console errors so far: script errors, refused requests, and Content-Security-Policy violations
     * (a script that writes HTML from a string, an inline style, a request to another host) all land here.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // A form's 4xx answer is logged by the browser as a failed resource; the page shows it itself.
                .filter(m -> !m.matches("(?s).*the server responded with a status of 4\\d\\d.*"))
                .toList();
    }

    public void assertNoConsoleErrors() {
        assertThat(consoleErrors()).as("the browser's console errors").isEmpty();
    }

    /**
     * The URL of every request the browser sent since the last call (Network.requestWillBeSent of the performance
     * log: documents, scripts, styles, images, fetches); needs {@link #startRecordingRequests}.
     */
    public List<String> requests() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> readJson(entry.getMessage()).path("message"))
                .filter(message -> message.path("method").asText().equals("Network.requestWillBeSent"))
                .map(message -> message.path("params").path("request").path("url").asText())
                .toList();
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
            deleteQuietly(downloads);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind is harmless.
        }
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
