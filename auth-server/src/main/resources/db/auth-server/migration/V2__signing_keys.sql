-- Keys that sign access and ID tokens (RFC 7517 JWKs), written by dev.writ.server.jwk.
--
-- A key's state is derived from creation order, activates_at and the clock, never stored, so it cannot disagree
-- with them:
--   active    the newest key (highest id) whose activates_at <= now: the one that signs
--   upcoming  a key created after the active one: published in the JWKS before it signs, so that caches learn it
--   retired   a key created before the active one, from the moment a newer key first activated: still published
--             for writ.keys.retention after that, so that tokens it signed stay verifiable, then deleted

CREATE TABLE signing_keys (
    -- Creation order. Creators are serialized by an advisory lock, so it is exact where created_at, read from
    -- the clocks of several nodes, may tie or disagree; an immediate rotation therefore takes over at once even
    -- when the node that made it has a clock behind the node that made the key it replaces.
    id                      bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
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
