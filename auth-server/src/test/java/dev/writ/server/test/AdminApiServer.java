package dev.writ.server.test;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * One auth-server with the demo data and a test SMTP server (GreenMail, for invitations),
 * shared by every admin API test class of the JVM, so the suite pays for one start-up.
 * The tests change its state: each works in organizations and with users of its own
 * ({@link AdminFixtures}), and may read the demo's acme and globex but not change them.
 */
public final class AdminApiServer {

	private static TestAuthServer server;

	private static GreenMail smtp;

	private AdminApiServer() {
	}

	public static synchronized TestAuthServer get() {
		if (server == null) {
			smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			smtp.start();
			server = TestAuthServer.start(Map.of("spring.profiles.active", "demo", "spring.mail.host", "127.0.0.1",
					"spring.mail.port", smtp.getSmtp().getPort()));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				server.close();
				smtp.stop();
			}, "admin-api-server-shutdown"));
		}
		return server;
	}

	/** What the SMTP server received. */
	public static synchronized GreenMail smtp() {
		get();
		return smtp;
	}

}
