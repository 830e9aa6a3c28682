package dev.writ.server.oauth2.token;

import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.writ.server.test.TokenRequests.M2M_ID;
import static dev.writ.server.test.TokenRequests.M2M_SECRET;
import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;

/**
 * Malformed token requests get RFC 6749 §5.2 errors with the right status, never a 5xx.
 */
class TokenEndpointErrorTests {

	private static WebTestClient client;

	@BeforeAll
	static void start() {
		client = TestAuthServer.demo().client();
	}

	private static WebTestClient.ResponseSpec raw(String contentType, String authorization, String body) {
		return client.post().uri("/oauth2/token").headers((headers) -> {
			if (contentType != null) {
				headers.set(HttpHeaders.CONTENT_TYPE, contentType);
			}
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		}).bodyValue(body).exchange();
	}

	private static void expectError(WebTestClient.ResponseSpec response, int status, String error) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo(error)
			.jsonPath("$.error_description")
			.isNotEmpty();
	}

	@Test
	void tokenWhenGrantTypeMissingThenInvalidRequest() {
		post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET), form("scope", "read:projects")).expectStatus()
			.isBadRequest()
			.expectBody()
			.json("""
					{"error":"invalid_request","error_description":"parameter 'grant_type' is missing"}""",
					JsonCompareMode.STRICT);
	}

	@Test
	void tokenWhenClientAcceptsHtmlFirstThenErrorIsStillJson() {
		// what java.net.HttpURLConnection sends unless told otherwise
		client.post()
			.uri("/oauth2/token")
			.header("Authorization", basic(M2M_ID, M2M_SECRET))
			.header("Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=magic")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unsupported_grant_type");
	}

	@Test
	void tokenWhenGrantTypeUnknownThenUnsupportedGrantType() {
		expectError(post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET), form("grant_type", "magic")), 400,
				"unsupported_grant_type");
	}

	@Test
	void tokenWhenWrongSecretThenInvalidClientWithChallenge() {
		expectError(post(client, "/oauth2/token", basic(M2M_ID, "wrong"), form("grant_type", "client_credentials")),
				401, "invalid_client");
		post(client, "/oauth2/token", basic(M2M_ID, "wrong"), form("grant_type", "client_credentials")).expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"writ\"");
	}

	@Test
	void tokenWhenUnknownClientThenInvalidClient() {
		expectError(post(client, "/oauth2/token", basic("nobody", "secret"), form("grant_type", "client_credentials")),
				401, "invalid_client");
	}

	@Test
	void tokenWhenNoClientAuthenticationThenInvalidClient() {
		expectError(post(client, "/oauth2/token", null, form("grant_type", "client_credentials")), 401,
				"invalid_client");
	}

	@Test
	void tokenWhenMalformedBasicThenInvalidClient() {
		expectError(raw("application/x-www-form-urlencoded", "Basic %%%not-base64", "grant_type=client_credentials"),
				401, "invalid_client");
		expectError(raw("application/x-www-form-urlencoded", "Bearer abc", "grant_type=client_credentials"), 401,
				"invalid_client");
	}

	@Test
	void tokenWhenMethodNotAllowedForClientThenInvalidClient() {
		// demo-spa is a public client: it has no secret and may not use
		// client_secret_post.
		expectError(
				post(client, "/oauth2/token", null,
						form("grant_type", "client_credentials", "client_id", "demo-spa", "client_secret", "guess")),
				401, "invalid_client");
	}

	@Test
	void tokenWhenTwoAuthenticationMethodsThenInvalidRequest() {
		expectError(
				post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET),
						form("grant_type", "client_credentials", "client_id", M2M_ID, "client_secret", M2M_SECRET)),
				400, "invalid_request");
	}

	@Test
	void tokenWhenClientIdDiffersFromBasicThenInvalidClient() {
		expectError(post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET),
				form("grant_type", "client_credentials", "client_id", "demo-web")), 401, "invalid_client");
	}

	@Test
	void tokenWhenParameterRepeatedThenInvalidRequest() {
		expectError(
				raw("application/x-www-form-urlencoded", basic(M2M_ID, M2M_SECRET),
						"grant_type=client_credentials&scope=read:projects&scope=write:projects"),
				400, "invalid_request");
		expectError(raw("application/x-www-form-urlencoded", basic(M2M_ID, M2M_SECRET),
				"grant_type=client_credentials&grant_type=client_credentials"), 400, "invalid_request");
	}

	@Test
	void tokenWhenJsonBodyThenUnsupportedMediaType() {
		expectError(raw("application/json", basic(M2M_ID, M2M_SECRET), "{\"grant_type\":\"client_credentials\"}"), 415,
				"invalid_request");
	}

	@Test
	void tokenWhenNoContentTypeThenUnsupportedMediaType() {
		expectError(raw(null, basic(M2M_ID, M2M_SECRET), "grant_type=client_credentials"), 415, "invalid_request");
	}

	@Test
	void tokenWhenBodyOversizedThenPayloadTooLarge() {
		String body = "grant_type=client_credentials&padding=" + "x".repeat(200_000);
		expectError(raw("application/x-www-form-urlencoded", basic(M2M_ID, M2M_SECRET), body), 413, "invalid_request");
	}

	@Test
	void tokenWhenBadPercentEncodingThenInvalidRequest() {
		expectError(raw("application/x-www-form-urlencoded", basic(M2M_ID, M2M_SECRET),
				"grant_type=client_credentials&scope=%zz"), 400, "invalid_request");
	}

	@Test
	void tokenWhenGetThenMethodNotAllowed() {
		client.get()
			.uri("/oauth2/token")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST")
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_request");
	}

	@Test
	void unknownPathThenNotFoundJson() {
		client.get()
			.uri("/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("not_found");
	}

	@Test
	void errorWhenBrowserAsksThenHtmlPage() {
		client.get()
			.uri("/nothing-here")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((html) -> org.assertj.core.api.Assertions.assertThat(html).contains("<h1>Not Found</h1>"));
	}

}
