package org.serverlessloyalty.shared.access.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.serverlessloyalty.shared.points.model.CustomerTokenSecret;
import org.serverlessloyalty.shared.points.rules.MemberIds;
import org.serverlessloyalty.shared.points.service.CustomerTokenKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Customer tokens: short-lived JWTs a shop's server asks for ({@code POST /api/{storeCode}/customer/token}) and hands
 * to its web or mobile front end, which then reads and acts for that one member on {@code /api/{storeCode}/customer/...}.
 * HS256 only, signed with the store's own key ({@link CustomerTokenKeys}); claims {@code iss}, {@code aud} (the store),
 * {@code sub} (the member id), {@code iat}, {@code exp}, {@code jti}; header {@code kid} = the key's version.
 * A token is refused unless its algorithm is HS256 ({@code none} and every other algorithm included), its signature
 * holds under the store's current key (so none survives a rotation), its audience is the store of the path, and it
 * has not expired.
 */
public final class CustomerTokens {

    public static final String ISSUER = "serverless-loyalty";
    /** A store's tokens are longer than this only if tampered with: nothing larger is parsed. */
    static final int MAX_TOKEN_CHARS = 2_048;

    /** A token and when it stops working. */
    public record Issued(String token, Instant expiresAt, Duration lifetime) {
    }

    private final CustomerTokenKeys keys;
    private final Clock clock;
    private final Duration lifetime;

    public CustomerTokens(CustomerTokenKeys keys, Clock clock, Duration lifetime) {
        this.keys = keys;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Issued issue(StoreCode store, String memberId) {
        CustomerTokenSecret secret = keys.forSigning(store);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(store.value())
                .subject(memberId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(Long.toString(secret.version())).build(), claims);
        try {
            jwt.sign(new MACSigner(secret.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a customer token", e);
        }
        return new Issued(jwt.serialize(), expiresAt, lifetime);
    }

    /** Whether {@code token} looks like a JWT (three dot-separated base64url parts), before anything is verified. */
    public static boolean looksLikeToken(String token) {
        return token != null && token.length() <= MAX_TOKEN_CHARS && token.startsWith("eyJ")
                && token.chars().filter(c -> c == '.').count() == 2;
    }

    /** The member {@code token} speaks for in {@code store}; empty when the token must be refused, for any reason. */
    public Optional<String> verify(StoreCode store, String token) {
        if (!looksLikeToken(token)) {
            return Optional.empty();
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return Optional.empty(); // alg "none" (an unsecured JWT) ends here too
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            return Optional.empty();
        }
        Optional<CustomerTokenSecret> secret = keys.current(store);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!jwt.verify(new MACVerifier(secret.get().key()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!ISSUER.equals(claims.getIssuer())
                    || !List.of(store.value()).equals(claims.getAudience())
                    || claims.getExpirationTime() == null
                    || !now.isBefore(claims.getExpirationTime().toInstant())) {
                return Optional.empty();
            }
            return MemberIds.parse(claims.getSubject());
        } catch (JOSEException | ParseException e) {
            return Optional.empty();
        }
    }
}
