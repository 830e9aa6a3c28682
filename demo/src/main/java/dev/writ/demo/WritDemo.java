package dev.writ.demo;

import java.util.Map;

import dev.writ.devstack.DevStack;

/**
 * The README's quick start: real PostgreSQL and Redis from Maven-packaged binaries,
 * auth-server on 9000 and sample-api on 8081 with the demo data, until Ctrl-C.
 */
public final class WritDemo {

	private WritDemo() {
	}

	public static void main(String[] args) {
		DevStack stack = DevStack.start();
		DemoStack demo;
		try {
			demo = DemoStack.start(stack, 9000, 8081, Map.of(), Map.of());
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			demo.close();
			stack.close();
		}, "writ-demo-shutdown"));
		System.out.println("""

				  Writ is running (demo data; never expose it to a network).
				    auth-server  %s   metadata: %s/.well-known/oauth-authorization-server
				    sample-api   %s

				  Try it:
				    TOKEN=$(curl -s -u demo-m2m:demo-m2m-secret -d grant_type=client_credentials \\
				      %s/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
				    curl -H "Authorization: Bearer $TOKEN" %s/projects

				  Ctrl-C stops everything.
				""".formatted(demo.authServerUrl(), demo.authServerUrl(), demo.sampleApiUrl(), demo.authServerUrl(),
				demo.sampleApiUrl()));
	}

}
