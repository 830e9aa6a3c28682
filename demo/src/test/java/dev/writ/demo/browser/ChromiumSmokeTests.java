package dev.writ.demo.browser;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Proves the browser the journeys rely on works on this machine: Debian's chromium starts
 * headless, fills and submits a form, follows it to the loopback callback and takes
 * screenshots, all without the network.
 */
class ChromiumSmokeTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Path SCREENSHOTS = Path.of("target", "browser");

	private static final String FORM = """
			<!doctype html>
			<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
			<body>
			  <form action="/callback" method="get">
			    <label for="who">Your name</label> <input id="who" name="who">
			    <label>Note <textarea name="note"></textarea></label>
			    <input type="hidden" name="state" value="xyz">
			    <input name="extra">
			    <button type="submit">Continue</button>
			  </form>
			</body></html>
			""";

	private static final String TALL = """
			<!doctype html>
			<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
			<title>Tall</title></head>
			<body style="margin:0"><div style="height:2000px;background:#0a6">tall</div></body></html>
			""";

	private static CallbackServer server;

	private static Chromium browser;

	@BeforeAll
	static void start() {
		server = CallbackServer.start();
		server.serve("/form", FORM);
		server.serve("/tall", TALL);
		browser = Chromium.start();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		server.close();
	}

	@Test
	void fillWhenFormSubmittedThenCallbackReceivesValuesAndShowsSignedIn() throws IOException {
		browser.open(server.url("/form"));
		browser.fill("Your name", "Ada Lovelace & Co");
		browser.fill("Note", "first=1");
		browser.fill("extra", "by name");
		browser.click("Continue");

		String url = browser.awaitUrlStartingWith(server.callbackUri() + "?", WAIT);
		assertThat(server.awaitCallback(WAIT)).containsExactly(entry("who", "Ada Lovelace & Co"),
				entry("note", "first=1"), entry("state", "xyz"), entry("extra", "by name"));
		assertThat(url).isEqualTo(browser.currentUrl()).contains("who=Ada+Lovelace+%26+Co");
		assertThat(browser.title()).isEqualTo("Signed in");
		assertThat(browser.pageSource()).contains("<h1>Signed in</h1>");

		byte[] png = Files.readAllBytes(browser.screenshot(SCREENSHOTS.resolve("smoke-signed-in.png")));
		assertThat(png.length).isGreaterThan(100);
		assertThat(Chromium.isPng(png)).isTrue();
		BufferedImage image = ImageIO.read(SCREENSHOTS.resolve("smoke-signed-in.png").toFile());
		assertThat(image.getWidth()).isEqualTo(Chromium.DESKTOP_WIDTH);
	}

	@Test
	void screenshotWhenMobileWidthThenWholePageAtThatWidth() throws IOException {
		browser.open(server.url("/tall"));
		Path file = browser.screenshot(SCREENSHOTS.resolve("smoke-tall-mobile.png"), Chromium.MOBILE_WIDTH);
		assertThat(Chromium.isPng(Files.readAllBytes(file))).isTrue();
		BufferedImage image = ImageIO.read(file.toFile());
		assertThat(image.getWidth()).isEqualTo(Chromium.MOBILE_WIDTH);
		assertThat(image.getHeight()).isEqualTo(2000);
	}

	@Test
	void screenshotWhenDesktopWidthThenWholePageAndWindowRestored() throws IOException {
		browser.open(server.url("/tall"));
		Path file = browser.screenshot(SCREENSHOTS.resolve("smoke-tall-desktop.png"), Chromium.DESKTOP_WIDTH);
		BufferedImage image = ImageIO.read(file.toFile());
		assertThat(image.getWidth()).isEqualTo(Chromium.DESKTOP_WIDTH);
		assertThat(image.getHeight()).isEqualTo(2000);

		BufferedImage window = ImageIO.read(browser.screenshot(SCREENSHOTS.resolve("smoke-tall-window.png")).toFile());
		assertThat(window.getWidth()).isEqualTo(Chromium.DESKTOP_WIDTH);
		assertThat(window.getHeight()).isLessThan(2000);
	}

	@Test
	void fillWhenNoSuchFieldThenNamesFieldAndPage() {
		browser.open(server.url("/form"));
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> browser.fill("Password", "x"))
			.withMessageContaining("'Password'")
			.withMessageContaining(server.url("/form"));
	}

	@Test
	void clickWhenNoSuchButtonThenNamesButtonAndPage() {
		browser.open(server.url("/form"));
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> browser.click("Deny"))
			.withMessageContaining("'Deny'")
			.withMessageContaining(server.url("/form"));
	}

	@Test
	void awaitUrlWhenNeverReachedThenTimeoutNamesCurrentUrl() {
		browser.open(server.url("/form"));
		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> browser.awaitUrlStartingWith(server.callbackUri(), Duration.ofMillis(500)))
			.withMessageContaining("stayed on " + server.url("/form"));
	}

	@Test
	void awaitCallbackWhenParameterRepeatedThenFails() {
		browser.open(server.callbackUri() + "?code=a&code=b");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> server.awaitCallback(WAIT))
			.withMessageContaining("'code' repeated");
	}

	@Test
	void awaitCallbackWhenNoRequestThenFails() {
		try (CallbackServer idle = CallbackServer.start()) {
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> idle.awaitCallback(Duration.ofMillis(100)))
				.withMessageContaining("No request to " + idle.callbackUri());
		}
	}

	@Test
	void startWhenChromiumMissingThenNamesDebianPackages() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Chromium.start(Path.of("/nonexistent/chromium"), Path.of("/usr/bin/chromedriver")))
			.withMessageContaining("chromium, not found at /nonexistent/chromium")
			.withMessageContaining("apt-get install chromium chromium-driver")
			.withMessageContaining("-D" + Chromium.BINARY_PROPERTY);
	}

	@Test
	void startWhenDriverMissingThenNamesDebianPackages() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Chromium.start(Path.of("/bin/sh"), Path.of("/nonexistent/chromedriver")))
			.withMessageContaining("chromedriver, not found at /nonexistent/chromedriver")
			.withMessageContaining("apt-get install chromium chromium-driver");
	}

}
