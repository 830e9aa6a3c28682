package dev.writ.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Counts failed password sign-ins in Redis, in fixed windows, per account and per client
 * address (see {@link SignInProperties}).
 *
 * <p>
 * An attempt takes a place in both counters <em>before</em> the password is checked,
 * atomically with the check of the limits, so that a burst of parallel guesses cannot all
 * slip under a limit while none has failed yet. A successful sign-in gives its place
 * back: the account's count starts over, and the address's count loses the one success. A
 * counter at its limit refuses every attempt, the right password included, until its
 * window ends.
 *
 * <p>
 * Keys: {@code writ:sign-in:account:{sha256 of the lower-cased address}} (the address
 * itself, personal data, is not written to Redis; unknown addresses are counted just like
 * known ones, so the throttle does not reveal which exist) and
 * {@code writ:sign-in:ip:{address}}.
 *
 * @see <a href="https://owasp.org/www-community/controls/Blocking_Brute_Force_Attacks">
 * OWASP: Blocking Brute Force Attacks</a>
 */
@Component
final class SignInThrottle {

	private static final String ACCOUNT_PREFIX = "writ:sign-in:account:";

	private static final String IP_PREFIX = "writ:sign-in:ip:";

	/**
	 * Returns 0 and counts the attempt when both counters are below their limits (ARGV 1
	 * and 2), starting a window (ARGV 3, milliseconds) on a first count; otherwise counts
	 * nothing and returns the milliseconds until the last blocking window ends. A full
	 * counter found without an expiry (which no path here writes) is given one, so it can
	 * never block for good.
	 */
	private static final RedisScript<Long> RESERVE = RedisScript.of("""
			local wait = 0
			for i = 1, 2 do
			  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i]) then
			    local ttl = redis.call('PTTL', KEYS[i])
			    if ttl < 0 then
			      redis.call('PEXPIRE', KEYS[i], ARGV[3])
			      ttl = tonumber(ARGV[3])
			    end
			    wait = math.max(wait, ttl)
			  end
			end
			if wait > 0 then return wait end
			for i = 1, 2 do
			  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
			end
			return 0""", Long.class);

	/**
	 * Gives back places taken by {@link #RESERVE}: deletes the account's counter when
	 * ARGV 1 is 1, and takes one from each counter that still exists (a counter whose
	 * window ended in the meantime is not brought back without an expiry).
	 */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if ARGV[1] == '1' then redis.call('DEL', KEYS[1]) end
			for i = 1, 2 do
			  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
			end
			return 0""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final SignInProperties properties;

	SignInThrottle(ReactiveStringRedisTemplate redis, SignInProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Takes a place for one attempt: {@link Duration#ZERO} when it may go ahead (and
	 * counts as failed unless {@link #succeeded} or {@link #release} follows), or how
	 * long the caller must wait.
	 */
	Mono<Duration> reserve(String email, String clientIp) {
		List<String> limits = List.of(Integer.toString(this.properties.maxFailuresPerAccount()),
				Integer.toString(this.properties.maxFailuresPerIp()),
				Long.toString(this.properties.window().toMillis()));
		return this.redis.execute(RESERVE, keys(email, clientIp), limits).next().map(Duration::ofMillis);
	}

	/** The attempt succeeded: the account starts over, and the address forgets it. */
	Mono<Void> succeeded(String email, String clientIp) {
		return this.redis.execute(RELEASE, keys(email, clientIp), List.of("1")).then();
	}

	/**
	 * The attempt ended in an error before its outcome was known: it does not count.
	 */
	Mono<Void> release(String email, String clientIp) {
		return this.redis.execute(RELEASE, keys(email, clientIp), List.of("0")).then();
	}

	private static List<String> keys(String email, String clientIp) {
		return List.of(ACCOUNT_PREFIX + accountKey(email), IP_PREFIX + clientIp);
	}

	/**
	 * SHA-256 of the trimmed, lower-cased address: the same key for every spelling the
	 * store treats as the same account.
	 */
	static String accountKey(String email) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
