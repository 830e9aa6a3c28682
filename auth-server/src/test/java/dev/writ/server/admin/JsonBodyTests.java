package dev.writ.server.admin;

import java.time.Duration;
import java.util.Set;

import dev.writ.server.test.AdminApiDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reading a JSON request body member by member, with every broken rule reported. */
class JsonBodyTests {

	private static JsonBody body(String json) {
		return JsonBody.of(AdminApiDocument.parse(json.getBytes()));
	}

	private static AdminProblem problem(Runnable action) {
		AdminProblem[] problem = new AdminProblem[1];
		assertThatExceptionOfType(AdminProblem.class).isThrownBy(action::run)
			.satisfies((thrown) -> problem[0] = thrown);
		return problem[0];
	}

	@Test
	void validateWhenMembersGoodThenValues() {
		JsonBody body = body("""
				{"name":"  Acme  ","lifetime":"P30D","flag":true,"gone":null}""");
		assertThat(body.requiredString("name", 10)).isEqualTo("Acme");
		assertThat(body.duration("lifetime", Duration.ofDays(365))).isEqualTo(Duration.ofDays(30));
		assertThat(body.bool("flag", false)).isTrue();
		assertThat(body.string("gone", 10)).isNull();
		assertThat(body.isNull("gone")).isTrue();
		assertThat(body.has("absent")).isFalse();
		body.validate();
	}

	@Test
	void validateWhenSeveralBrokenThenEachWithItsPointer() {
		JsonBody body = body("""
				{"name":" ","slug":5,"lifetime":"-P1D","long":"abcdefghijk","flag":"yes","extra":1,"a/b":2}""");
		body.allowOnly(Set.of("name", "slug", "lifetime", "long", "flag", "missing"));
		body.requiredString("name", 10);
		body.requiredString("slug", 10);
		body.requiredString("missing", 10);
		body.duration("lifetime", Duration.ofDays(1));
		body.string("long", 10);
		body.bool("flag", false);
		AdminProblem problem = problem(body::validate);
		assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(problem.type()).isEqualTo("https://writ.dev/problems/validation");
		assertThat(problem.errors()).containsExactly(
				AdminProblem.FieldError.member("extra", "is not a member of this request"),
				new AdminProblem.FieldError("#/a~1b", null, "is not a member of this request"),
				AdminProblem.FieldError.member("name", "must not be blank"),
				AdminProblem.FieldError.member("slug", "must be a string"),
				AdminProblem.FieldError.member("missing", "is required"),
				AdminProblem.FieldError.member("lifetime", "must be a positive duration"),
				AdminProblem.FieldError.member("long", "must be at most 10 characters"),
				AdminProblem.FieldError.member("flag", "must be true or false"));
	}

	@Test
	void durationWhenNotIsoOrTooLongThenInvalid() {
		JsonBody body = body("""
				{"a":"30 days","b":"P400D"}""");
		body.duration("a", Duration.ofDays(365));
		body.duration("b", Duration.ofDays(365));
		assertThat(problem(body::validate).errors()).extracting(AdminProblem.FieldError::detail)
			.containsExactly("must be an ISO-8601 duration such as P30D", "must be at most PT8760H");
	}

	@Test
	void readWhenNotJsonContentTypeThenUnsupportedMediaType() {
		MockServerRequest request = MockServerRequest.builder()
			.header("Content-Type", MediaType.TEXT_PLAIN_VALUE)
			.body(Mono.just("x"));
		AdminProblem problem = problem(() -> JsonBody.read(request).block());
		assertThat(problem.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(problem.slug()).isEqualTo("unsupported-media-type");
	}

	@Test
	void readWhenJsonButNotAnObjectThenMalformed() {
		JsonNode array = AdminApiDocument.parse("[1]".getBytes());
		MockServerRequest request = MockServerRequest.builder()
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.body(Mono.just(array));
		assertThat(problem(() -> JsonBody.read(request).block()).slug()).isEqualTo("malformed-request");
		MockServerRequest empty = MockServerRequest.builder()
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.body(Mono.empty());
		assertThat(problem(() -> JsonBody.read(empty).block()).slug()).isEqualTo("malformed-request");
	}

	@Test
	void stringsAndObjectWhenGoodThenValuesAndNullForNullOrAbsent() {
		JsonBody body = body("""
				{"uris":["https://a.test/cb"," b "],"keys":{"keys":[]},"none":null}""");
		assertThat(body.strings("uris", 5, 20)).containsExactly("https://a.test/cb", " b ");
		assertThat(body.object("keys").has("keys")).isTrue();
		assertThat(body.strings("none", 5, 20)).isNull();
		assertThat(body.strings("absent", 5, 20)).isNull();
		assertThat(body.object("none")).isNull();
		assertThat(body("""
				{"empty":[]}""").requiredStrings("empty", 5, 20)).isEmpty();
		body.validate();
	}

	@Test
	void stringsAndObjectWhenBrokenThenEachElementWithItsOwnPointer() {
		JsonBody body = body("""
				{"notArray":"x","tooMany":["a","b","c"],"elements":["ok",1," ","abcdefghijk",null],"notObject":[1]}""");
		assertThat(body.strings("notArray", 2, 10)).isNull();
		assertThat(body.strings("tooMany", 2, 10)).isNull();
		assertThat(body.strings("elements", 5, 10)).containsExactly("ok");
		assertThat(body.object("notObject")).isNull();
		assertThat(body.requiredStrings("absent", 5, 10)).isNull();
		assertThat(problem(body::validate).errors()).containsExactly(
				AdminProblem.FieldError.member("notArray", "must be an array of strings"),
				AdminProblem.FieldError.member("tooMany", "must have at most 2 entries"),
				new AdminProblem.FieldError("#/elements/1", null, "must be a string"),
				new AdminProblem.FieldError("#/elements/2", null, "must not be blank"),
				new AdminProblem.FieldError("#/elements/3", null, "must be at most 10 characters"),
				new AdminProblem.FieldError("#/elements/4", null, "must be a string"),
				AdminProblem.FieldError.member("notObject", "must be an object"),
				AdminProblem.FieldError.member("absent", "is required"));
	}

}
