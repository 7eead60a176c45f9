package org.serverlessloyalty.points.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.points.testing.InMemoryTokenSecrets;
import org.serverlessloyalty.shared.access.service.CustomerTokens;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.points.service.CustomerTokenKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;


class CustomerTokensTest {

    private static final StoreCode STORE = new StoreCode("13");
    private static final String MEMBER = "e0eb0355-8aaa-4fb1-8159-f58e81b7a25c";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final InMemoryTokenSecrets secrets = new InMemoryTokenSecrets();
    private final CustomerTokenKeys keys = new CustomerTokenKeys(secrets, clock);
    private final CustomerTokens tokens = new CustomerTokens(keys, clock, Duration.ofMinutes(15));

    private JWTClaimsSet claims(String audience, String subject, Instant expiresAt) {
        return new JWTClaimsSet.Builder().issuer(CustomerTokens.ISSUER).audience(audience).subject(subject)
                .issueTime(Date.from(clock.instant())).expirationTime(Date.from(expiresAt)).build();
    }

    @Test
    void aTokenSpeaksForItsMemberInItsStoreUntilItExpires() throws Exception {
        var issued = tokens.issue(STORE, MEMBER);
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(tokens.verify(STORE, issued.token())).contains(MEMBER);
        SignedJWT parsed = SignedJWT.parse(issued.token());
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("1");
        assertThat(parsed.getJWTClaimsSet().getAudience()).containsExactly("13");
        clock.advance(Duration.ofMinutes(15));
        assertThat(tokens.verify(STORE, issued.token())).as("expired").isEmpty();
    }

    @Test
    void refusesATokenOfAnotherStore() {
        var issued = tokens.issue(new StoreCode("14"), MEMBER);
        tokens.issue(STORE, MEMBER);
        assertThat(tokens.verify(STORE, issued.token())).isEmpty();
    }

    @Test
    void refusesEveryTokenIssuedBeforeARotation() {
        var before = tokens.issue(STORE, MEMBER);
        keys.rotate(STORE);
        assertThat(tokens.verify(STORE, before.token())).isEmpty();
        var after = tokens.issue(STORE, MEMBER);
        assertThat(tokens.verify(STORE, after.token())).contains(MEMBER);
    }

    @Test
    void refusesAnUnsecuredToken() {
        tokens.issue(STORE, MEMBER);
        String none = new PlainJWT(claims("13", MEMBER, clock.instant().plusSeconds(600))).serialize();
        assertThat(tokens.verify(STORE, none)).isEmpty();
        // The same with a signature part, as some libraries accept.
        assertThat(tokens.verify(STORE, none + "c2ln")).isEmpty();
    }

    @Test
    void refusesAnyOtherAlgorithmEvenSignedWithTheStoresKey() throws Exception {
        byte[] storeKey = keys.forSigning(STORE).key();
        byte[] doubled = new byte[64];
        System.arraycopy(storeKey, 0, doubled, 0, 32);
        System.arraycopy(storeKey, 0, doubled, 32, 32);
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims("13", MEMBER,
                clock.instant().plusSeconds(600)));
        hs512.sign(new MACSigner(doubled));
        assertThat(tokens.verify(STORE, hs512.serialize())).isEmpty();

        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        SignedJWT rs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims("13", MEMBER,
                clock.instant().plusSeconds(600)));
        rs256.sign(new RSASSASigner(rsa.generateKeyPair().getPrivate()));
        assertThat(tokens.verify(STORE, rs256.serialize())).isEmpty();
    }

    @Test
    void refusesATokenWhosePayloadWasChanged() {
        String token = tokens.issue(STORE, MEMBER).token();
        String[] parts = token.split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1])).replace(MEMBER,
                "00000000-0000-474c-b092-b0dd880c07e1");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
                + "." + parts[2];
        assertThat(tokens.verify(STORE, tampered)).isEmpty();
    }

    @Test
    void refusesATokenSignedWithTheRightKeyButWithoutExpiryOrForAnotherAudience() throws Exception {
        byte[] key = keys.forSigning(STORE).key();
        SignedJWT noExpiry = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer(CustomerTokens.ISSUER).audience("13").subject(MEMBER).build());
        noExpiry.sign(new MACSigner(key));
        assertThat(tokens.verify(STORE, noExpiry.serialize())).isEmpty();
        SignedJWT otherAudience = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims("14", MEMBER,
                clock.instant().plusSeconds(600)));
        otherAudience.sign(new MACSigner(key));
        assertThat(tokens.verify(STORE, otherAudience.serialize())).isEmpty();
    }

    @Test
    void aStoreThatNeverIssuedATokenAcceptsNone() {
        String token = tokens.issue(new StoreCode("14"), MEMBER).token();
        assertThat(tokens.verify(new StoreCode("15"), token)).isEmpty();
        assertThat(tokens.verify(STORE, "eyJ.not.ajwt")).isEmpty();
        assertThat(tokens.verify(STORE, null)).isEmpty();
    }
}
