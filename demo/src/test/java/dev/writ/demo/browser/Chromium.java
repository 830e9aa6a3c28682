package dev.writ.demo.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless browser for the end-to-end journeys: Debian's {@code chromium}, driven
 * through Debian's {@code chromedriver} by Selenium, each found by path so that Selenium
 * Manager never runs and nothing is downloaded. Every instance has a fresh profile (no
 * cookies from an earlier journey), an English locale and a 1280x900 window, and is meant
 * to be used from a test thread: its calls block.
 * <p>
 * The executables are {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or
 * where the system property (else environment variable) {@value #BINARY_PROPERTY} /
 * {@value #DRIVER_PROPERTY} (else {@code WRIT_CHROMIUM_BINARY} /
 * {@code WRIT_CHROMIUM_DRIVER}) says. When one is missing the journeys fail, naming the
 * packages to install, rather than skip: a skipped journey would pass CI unseen.
 */
public final class Chromium implements AutoCloseable {

	/** Where the chromium executable is. */
	public static final String BINARY_PROPERTY = "writ.chromium.binary";

	/** Where the chromedriver executable is. */
	public static final String DRIVER_PROPERTY = "writ.chromium.driver";

	/** The window of a desktop browser. */
	public static final int DESKTOP_WIDTH = 1280;

	private static final int DESKTOP_HEIGHT = 900;

	/** An iPhone-sized viewport, for the mobile screenshots in the docs. */
	public static final int MOBILE_WIDTH = 390;

	/** Bounds every page load, so that a hung server fails a journey instead of CI. */
	private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Selenium looks for DevTools bindings of the browser's exact version at start and
	 * warns that it has none: the journeys use no DevTools domain beyond the two plain
	 * CDP commands chromedriver relays for screenshots, so the warning is noise. Held
	 * here because java.util.logging keeps loggers only weakly.
	 */
	private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final ChromeDriver driver;

	private final Path profile;

	private Chromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts a browser from the configured (or Debian's) executables.
	 * @throws IllegalStateException if chromium or chromedriver is not installed
	 */
	public static Chromium start() {
		return start(configured(BINARY_PROPERTY, "/usr/bin/chromium"),
				configured(DRIVER_PROPERTY, "/usr/bin/chromedriver"));
	}

	/**
	 * Starts a browser from these executables.
	 * @param binary the chromium executable
	 * @param driver the chromedriver executable of the same version
	 * @throws IllegalStateException if either is not an executable file
	 */
	public static Chromium start(Path binary, Path driver) {
		requireExecutable(binary, "chromium", BINARY_PROPERTY);
		requireExecutable(driver, "chromedriver", DRIVER_PROPERTY);
		Path profile = temporaryProfile();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary.toFile());
		options.addArguments("--headless=new", "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
				"--user-data-dir=" + profile, "--lang=en-US", "--disable-dev-shm-usage", "--no-first-run",
				"--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-features=Translate,OptimizationHints,MediaRouter");
		if (isRoot()) {
			// Chromium refuses to start its sandbox as root; CI runs as root
			options.addArguments("--no-sandbox");
		}
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		options.setPageLoadTimeout(PAGE_LOAD_TIMEOUT);
		// An explicit executable is what keeps Selenium Manager from running at all
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		try {
			return new Chromium(new ChromeDriver(service, options), profile);
		}
		catch (RuntimeException ex) {
			delete(profile);
			throw ex;
		}
	}

	/** Loads {@code url} and waits until the page has loaded. */
	public void open(String url) {
		this.driver.get(url);
	}

	/**
	 * Types {@code value} into the field labelled {@code labelOrName} (its
	 * {@code <label>}'s text), else named so (its {@code name} attribute), replacing what
	 * the field held.
	 * @throws NoSuchElementException if the page has no such field
	 */
	public void fill(String labelOrName, String value) {
		WebElement field = field(labelOrName);
		field.clear();
		field.sendKeys(value);
	}

	/**
	 * Clicks the button (a {@code <button>} or a submit/button {@code <input>}) whose
	 * text is {@code text}.
	 * @throws NoSuchElementException if the page has no such button
	 */
	public void click(String text) {
		String literal = xpathLiteral(text);
		List<WebElement> buttons = this.driver.findElements(By.xpath("//button[normalize-space()=" + literal
				+ "] | //input[(@type='submit' or @type='button') and @value=" + literal + "]"));
		if (buttons.isEmpty()) {
			throw new NoSuchElementException("No button '" + text + "' on " + currentUrl());
		}
		buttons.get(0).click();
	}

	/**
	 * Waits until the browser's URL satisfies {@code condition}, for instance after a
	 * redirect to a client's callback.
	 * @param condition what the URL must satisfy
	 * @param timeout how long to wait at most
	 * @return the URL that satisfied it
	 * @throws TimeoutException naming the URL the browser is on, if none did in time
	 */
	public String awaitUrl(Predicate<String> condition, Duration timeout) {
		try {
			return new WebDriverWait(this.driver, timeout).until((browser) -> {
				String url = browser.getCurrentUrl();
				return (url != null && condition.test(url)) ? url : null;
			});
		}
		catch (TimeoutException ex) {
			throw new TimeoutException("The browser stayed on " + currentUrl() + " for " + timeout, ex);
		}
	}

	/** Waits until the browser's URL starts with {@code prefix}. */
	public String awaitUrlStartingWith(String prefix, Duration timeout) {
		return awaitUrl((url) -> url.startsWith(prefix), timeout);
	}

	/** The URL the browser shows. */
	public String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	/** The current page's DOM, serialized as HTML. */
	public String pageSource() {
		return this.driver.getPageSource();
	}

	/** The current page's title. */
	public String title() {
		return this.driver.getTitle();
	}

	/**
	 * Writes what the window shows as a PNG.
	 * @return {@code file}
	 */
	public Path screenshot(Path file) {
		return write(file, this.driver.getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * Writes the whole page, laid out for a viewport {@code width} pixels wide (a mobile
	 * one below 600), as a PNG as tall as the page: for the screenshots in the docs.
	 * @return {@code file}
	 */
	public Path screenshot(Path file, int width) {
		boolean mobile = width < 600;
		metrics(width, DESKTOP_HEIGHT, mobile);
		try {
			Number height = (Number) this.driver
				.executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
			metrics(width, Math.max(height.intValue(), 1), mobile);
			Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true));
			return write(file, Base64.getDecoder().decode((String) shot.get("data")));
		}
		finally {
			this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/** Whether {@code bytes} start with the PNG signature (RFC 2083 §3.1). */
	public static boolean isPng(byte[] bytes) {
		if (bytes.length < PNG_SIGNATURE.length) {
			return false;
		}
		for (int i = 0; i < PNG_SIGNATURE.length; i++) {
			if (bytes[i] != PNG_SIGNATURE[i]) {
				return false;
			}
		}
		return true;
	}

	/** Quits the browser and its driver, and deletes the profile. */
	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			delete(this.profile);
		}
	}

	private WebElement field(String labelOrName) {
		for (WebElement label : this.driver
			.findElements(By.xpath("//label[normalize-space()=" + xpathLiteral(labelOrName) + "]"))) {
			String target = label.getDomAttribute("for");
			List<WebElement> fields = (target != null) ? this.driver.findElements(By.id(target))
					: label.findElements(By.xpath(".//input | .//textarea | .//select"));
			if (!fields.isEmpty()) {
				return fields.get(0);
			}
		}
		List<WebElement> named = this.driver.findElements(By.name(labelOrName));
		if (named.isEmpty()) {
			throw new NoSuchElementException("No field labelled or named '" + labelOrName + "' on " + currentUrl());
		}
		return named.get(0);
	}

	private void metrics(int width, int height, boolean mobile) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
	}

	private static Path write(Path file, byte[] png) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			return Files.write(file, png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Quotes {@code text} for an XPath 1.0 expression, which has no escapes. */
	private static String xpathLiteral(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		if (!text.contains("\"")) {
			return "\"" + text + "\"";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

	private static Path configured(String property, String debianPath) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(property.toUpperCase().replace('.', '_'));
		}
		return Path.of((value == null || value.isBlank()) ? debianPath : value);
	}

	private static void requireExecutable(Path path, String name, String property) {
		if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
			throw new IllegalStateException("The browser tests need " + name + ", not found at " + path
					+ ": install Debian's packages (apt-get install chromium chromium-driver; .ci/run does), "
					+ "or point -D" + property + " at it");
		}
	}

	private static Logger quiet(String name) {
		Logger logger = Logger.getLogger(name);
		logger.setLevel(Level.SEVERE);
		return logger;
	}

	private static boolean isRoot() {
		return new UnixSystem().getUid() == 0;
	}

	private static Path temporaryProfile() {
		try {
			return Files.createTempDirectory("writ-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete the browser profile " + directory, ex);
		}
	}

}
