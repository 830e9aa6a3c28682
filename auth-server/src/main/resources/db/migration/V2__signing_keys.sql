-- Keys that sign access and ID tokens (RFC 7517 JWKs), written by dev.writ.server.jwk.
--
-- A key's state is derived from the two instants and the clock, never stored, so it cannot disagree with them:
--   upcoming  activates_at > now: published in the JWKS before it signs, so that caches learn it in time
--   active    the key with the latest activates_at <= now: the one that signs
--   retired   any earlier key once a successor is active: still published for writ.keys.retention after the
--             successor's activates_at, so that tokens it signed stay verifiable, then deleted
-- Ties on activates_at are broken by created_at, then kid.

CREATE TABLE signing_keys (
    -- RFC 7638 thumbprint of the public key, so a kid can only ever name one key.
    kid                     text PRIMARY KEY,
    -- JWS "alg" (RFC 7518 §3.1, RFC 8037 §3.1): RS256, ES256 or EdDSA.
    alg                     text NOT NULL,
    -- Public parts only; what the JWKS serves once it has been checked against the decrypted private key.
    public_jwk              jsonb NOT NULL,
    -- The private JWK sealed with AES-256-GCM under the key-encryption key (writ.keys.encryption-key):
    -- 12-byte random IV || ciphertext || 16-byte tag, with the kid as additional authenticated data.
    private_key_encrypted   bytea NOT NULL,
    -- Which key-encryption key sealed it, so that a node configured with another one refuses to start.
    kek_fingerprint         text NOT NULL,
    created_at              timestamptz NOT NULL,
    activates_at            timestamptz NOT NULL,
    CHECK (activates_at >= created_at)
);
