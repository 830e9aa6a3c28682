package dev.writ.server.jwk;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
public record SigningKey(String kid, JWSAlgorithm algorithm, JWSSigner signer, JWK publicKey) {}
