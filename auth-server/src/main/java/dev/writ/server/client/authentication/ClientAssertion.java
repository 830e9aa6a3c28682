package dev.writ.server.client.authentication;

import java.text.ParseException;

import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.oauth2.OAuth2Exception;

/** Reading a client assertion (RFC 7523 §3) far enough to know whose it claims to be. */
final class ClientAssertion {

	private ClientAssertion() {
	}

	static SignedJWT parse(String assertion) {
		try {
			return SignedJWT.parse(assertion);
		}
		catch (ParseException ex) {
			throw OAuth2Exception.invalidClient("client_assertion is not a signed JWT");
		}
	}

	/** RFC 7523 §3 item 2: the subject of a client assertion is the client id. */
	static String subjectOf(String assertion) {
		try {
			String subject = parse(assertion).getJWTClaimsSet().getSubject();
			if (subject == null) {
				throw OAuth2Exception.invalidClient("client_assertion has no sub claim");
			}
			return subject;
		}
		catch (ParseException ex) {
			throw OAuth2Exception.invalidClient("client_assertion has malformed claims");
		}
	}

}
