/**
 * Signing keys: generated, sealed at rest, rotated, and published as the JWK Set (RFC
 * 7517 §5).
 *
 * <p>
 * <b>Storage.</b> Each key is one immutable row of {@code signing_keys}: kid (the RFC
 * 7638 thumbprint), algorithm, public JWK, private JWK sealed with AES-256-GCM under the
 * key-encryption key {@code writ.keys.encryption-key} (random 96-bit IV, kid as
 * additional data), the fingerprint of that key-encryption key, {@code created_at} and
 * {@code activates_at}. A node whose key-encryption key differs from the stored
 * fingerprints refuses to start.
 *
 * <p>
 * <b>States are derived, not stored</b> ({@link dev.writ.server.jwk.KeyTimeline}). The
 * newest key whose {@code activates_at} has passed is <em>active</em> and signs; keys
 * created after it are <em>upcoming</em> and already published; keys created before it
 * are <em>retired</em> from the moment a newer key first activated and stay published for
 * {@code writ.keys.retention}, after which they are <em>expired</em> and deleted. An
 * upcoming key overtaken by an immediate rotation is retired without ever signing.
 *
 * <pre>
 *   key 1  ===== active ==============+----- retired, published -----+ deleted
 *   key 2           created  upcoming +===== active ==================...
 *                   [----- lead ------|--------- retention ----------]
 * </pre>
 *
 * <p>
 * <b>Rotation.</b> Every {@code writ.keys.check-interval} a node checks whether the
 * active key has signed for {@code writ.keys.rotation-period}; if so, and no key is
 * upcoming, it creates one that activates after {@code writ.keys.publication-lead}, which
 * exceeds the JWKS {@code max-age} so that no client holds a cached JWKS without a key
 * that signs. Every decision to create a key is taken inside a transaction holding a
 * PostgreSQL advisory lock, on rows read under it, so nodes that share the database never
 * create two keys for one need. {@link dev.writ.server.jwk.SigningKeys#rotate(boolean)}
 * and the {@code signingkeys} actuator endpoint rotate on demand, immediately after a
 * suspected compromise.
 *
 * <p>
 * <b>Nodes converge</b> by reloading the table every {@code writ.keys.refresh-interval};
 * because the state is computed from activation times at each call, an upcoming key
 * starts to sign on time on every node, reloaded or not.
 */
@NullMarked
package dev.writ.server.jwk;

import org.jspecify.annotations.NullMarked;
