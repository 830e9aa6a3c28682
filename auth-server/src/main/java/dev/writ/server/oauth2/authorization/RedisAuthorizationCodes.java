package dev.writ.server.oauth2.authorization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.writ.server.protocol.OpaqueTokens;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AuthorizationCodes} in Redis: a hash per code under {@code writ:code:{sha256}}
 * with the client, the authorization as JSON, and once redeemed what it issued. The
 * scripts make redemption and its bookkeeping atomic, so two nodes racing with one code
 * cannot both win.
 */
@Component
final class RedisAuthorizationCodes implements AuthorizationCodes {

	static final String KEY_PREFIX = "writ:code:";

	/**
	 * RFC 6749 §4.1.2 recommends at most ten minutes; one is plenty for a redirect and a
	 * back-channel request.
	 */
	static final Duration LIFETIME = Duration.ofSeconds(60);

	/**
	 * How long a redeemed code is remembered, so that a replay is detected; longer than
	 * the default access-token lifetime, whose tokens a replay revokes.
	 */
	static final Duration REPLAY_MEMORY = Duration.ofMinutes(10);

	/** Answers {'1', authorization} once, then {'2', family, jti, exp}. */
	private static final RedisScript<List> REDEEM = RedisScript.of("""
			local client = redis.call('HGET', KEYS[1], 'client')
			if not client then return {'0'} end
			if client ~= ARGV[1] then return {'3'} end
			if redis.call('HSETNX', KEYS[1], 'redeemed', '1') == 1 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[2])
			  return {'1', redis.call('HGET', KEYS[1], 'authorization')}
			end
			redis.call('HSET', KEYS[1], 'replayed', '1')
			return {'2', redis.call('HGET', KEYS[1], 'family') or '', redis.call('HGET', KEYS[1], 'jti') or '',
			        redis.call('HGET', KEYS[1], 'exp') or ''}""", List.class);

	private static final RedisScript<Long> RECORD = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return 1 end
			redis.call('HSET', KEYS[1], 'family', ARGV[1], 'jti', ARGV[2], 'exp', ARGV[3])
			if redis.call('HEXISTS', KEYS[1], 'replayed') == 1 then return 0 end
			return 1""", Long.class);

	private static final RedisScript<Long> ISSUE = RedisScript.of("""
			redis.call('HSET', KEYS[1], 'client', ARGV[1], 'authorization', ARGV[2])
			return redis.call('PEXPIRE', KEYS[1], ARGV[3])""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final JsonMapper json;

	RedisAuthorizationCodes(ReactiveStringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	@Override
	public Mono<String> issue(CodeAuthorization authorization) {
		String code = OpaqueTokens.generate("");
		return this.redis
			.execute(ISSUE, List.of(key(code)), List.of(authorization.clientId(),
					this.json.writeValueAsString(authorization), Long.toString(LIFETIME.toMillis())))
			.then(Mono.just(code));
	}

	@Override
	public Mono<CodeRedemption> redeem(String code, String clientId) {
		return this.redis
			.execute(REDEEM, List.of(key(code)), List.of(clientId, Long.toString(REPLAY_MEMORY.toMillis())))
			.next()
			.map(this::redemption);
	}

	private CodeRedemption redemption(List<?> result) {
		return switch ((String) result.get(0)) {
			case "1" ->
				new CodeRedemption.Redeemed(this.json.readValue((String) result.get(1), CodeAuthorization.class));
			case "2" -> new CodeRedemption.Replayed(emptyToNull(result.get(1)), emptyToNull(result.get(2)),
					(emptyToNull(result.get(3)) != null) ? Instant.ofEpochSecond(Long.parseLong((String) result.get(3)))
							: null);
			default -> new CodeRedemption.Invalid();
		};
	}

	@Override
	public Mono<Boolean> recordIssued(String code, @Nullable String refreshTokenFamily, String accessTokenId,
			Instant accessTokenExpiresAt) {
		return this.redis
			.execute(RECORD, List.of(key(code)),
					List.of((refreshTokenFamily != null) ? refreshTokenFamily : "", accessTokenId,
							Long.toString(accessTokenExpiresAt.getEpochSecond())))
			.next()
			.map((recorded) -> recorded == 1L);
	}

	@Nullable
	private static String emptyToNull(Object value) {
		return (value == null || "".equals(value)) ? null : (String) value;
	}

	private static String key(String code) {
		return KEY_PREFIX + OpaqueTokens.hash(code);
	}

}
