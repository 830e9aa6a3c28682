package dev.writ.server.oauth2.authorization;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.writ.server.audit.AuditFilter;
import dev.writ.server.audit.AuditLogQuery;
import dev.writ.server.audit.AuditRecord;
import dev.writ.server.event.Actor;
import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.Target;
import dev.writ.server.token.RefreshTokenFamilies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.WEB;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.WEB_SECRET;
import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reused refresh token (RFC 9700 §4.14.2) ends up in the audit log of the organization
 * its tokens were for, naming the client and the address it came from.
 */
class RefreshTokenReuseAuditTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@BeforeAll
	static void start() {
		AuthorizationCodeFlowTests.start();
	}

	/** A client on another machine, as far as the server can tell. */
	private static WebTestClient clientFrom(String localAddress) {
		HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl(AuthorizationCodeFlowTests.server.baseUrl())
			.build();
	}

	@Test
	void refreshWhenRotatedTokenPresentedAgainThenAuditRecordNamesClientFamilyAndAddress() {
		Instant before = Instant.now();
		String first = (String) AuthorizationCodeFlowTests.offlineTokens("adam@acme.test").get("refresh_token");
		String family = AuthorizationCodeFlowTests.server.bean(RefreshTokenFamilies.class)
			.find(first)
			.block(TIMEOUT)
			.familyId();
		AuthorizationCodeFlowTests.refreshOk(first, null);

		AuthorizationCodeFlowTests.expectError(post(clientFrom("127.0.0.5"), "/oauth2/token", basic(WEB, WEB_SECRET),
				form("grant_type", "refresh_token", "refresh_token", first)), "invalid_grant");

		List<AuditRecord> records = AuthorizationCodeFlowTests.server.bean(AuditLogQuery.class)
			.find("org_acme",
					AuditFilter.NEWEST.withAction(DomainEventTypes.REFRESH_REUSE_DETECTED).withTimeRange(before, null))
			.collectList()
			.block(TIMEOUT);
		assertThat(records).filteredOn((record) -> record.target().id().equals(family))
			.singleElement()
			.satisfies((record) -> {
				assertThat(record.actor()).isEqualTo(Actor.client(WEB));
				assertThat(record.target()).isEqualTo(new Target(Target.REFRESH_TOKEN_FAMILY, family));
				assertThat(record.ipAddress()).isEqualTo("127.0.0.5");
				assertThat(record.details()).isEqualTo(Map.of("user_id", "usr_adam"));
				assertThat(record.occurredAt()).isBetween(before, Instant.now());
			});
	}

}
