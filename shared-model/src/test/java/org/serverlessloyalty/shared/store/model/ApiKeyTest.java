package org.serverlessloyalty.shared.store.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {

    private static final StoreCode STORE_A = new StoreCode("13");
    private static final StoreCode STORE_B = new StoreCode("shop-B");

    @Test
    void generatedKeyIsPrefixedWithItsStore() {
        assertThat(ApiKey.generate(STORE_A)).startsWith("sl_13_").matches("sl_13_[a-z2-7]{40}");
        assertThat(ApiKey.generate(STORE_B)).startsWith("sl_shop-B_");
    }

    @Test
    void generatedKeyClaimsItsStore() {
        assertThat(ApiKey.claimedStore(ApiKey.generate(STORE_A))).contains(STORE_A);
        assertThat(ApiKey.claimedStore(ApiKey.generate(STORE_B))).contains(STORE_B);
    }

    @Test
    void generatedKeysAreNeverTheSame() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            keys.add(ApiKey.generate(STORE_A));
        }
        assertThat(keys).hasSize(1_000);
    }

    @Test
    void hashIsTheSha256OfTheWholeKey() throws Exception {
        String key = ApiKey.generate(STORE_A);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        assertThat(ApiKey.hash(key)).hasSize(32).isEqualTo(expected);
    }

    @Test
    void matchesTheKeyItsHashWasMadeFrom() {
        String key = ApiKey.generate(STORE_A);
        assertThat(ApiKey.matches(key, ApiKey.hash(key))).isTrue();
    }

    @Test
    void refusesAnotherKeyOfTheSameStore() {
        String key = ApiKey.generate(STORE_A);
        String wrong = ApiKey.generate(STORE_A);
        assertThat(ApiKey.matches(wrong, ApiKey.hash(key))).isFalse();
    }

    @Test
    void refusesTheKeyOfAnotherStore() {
        byte[] hashOfA = ApiKey.hash(ApiKey.generate(STORE_A));
        assertThat(ApiKey.matches(ApiKey.generate(STORE_B), hashOfA)).isFalse();
    }

    @Test
    void refusesATamperedKey() {
        String key = ApiKey.generate(STORE_A);
        byte[] hash = ApiKey.hash(key);
        char last = key.charAt(key.length() - 1);
        String lastCharChanged = key.substring(0, key.length() - 1) + (last == 'a' ? 'b' : 'a');
        String storeChanged = "sl_14_" + key.substring("sl_13_".length());
        assertThat(ApiKey.matches(lastCharChanged, hash)).isFalse();
        assertThat(ApiKey.matches(storeChanged, hash)).isFalse();
        assertThat(ApiKey.matches(key + "a", hash)).isFalse();
        assertThat(ApiKey.matches(key.substring(0, key.length() - 1), hash)).isFalse();
        assertThat(ApiKey.matches(key.toUpperCase(), hash)).isFalse();
    }

    @Test
    void refusesEverythingWhenNoHashIsStored() {
        assertThat(ApiKey.matches(ApiKey.generate(STORE_A), null)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "13_abcdefghijklmnop",          // no prefix
            "SL_13_abcdefghijklmnop",       // prefix is case-sensitive
            "xsl_13_abcdefghijklmnop",
            "Bearer sl_13_abcdefghijk",
            "sl_",
            "sl_13",                        // no separator after the store
            "sl__abcdefghijklmnop",         // empty store
            "sl_13#x_abcdefghijklmnop",     // not a store code
            "sl_13 _abcdefghijklmnop",
    })
    void aKeyThatIsNotOneOfOursClaimsNoStore(String presented) {
        assertThat(ApiKey.claimedStore(presented)).isEmpty();
    }

    @Test
    void aNonPrefixedKeyNeverMatchesAStoredHash() {
        String key = ApiKey.generate(STORE_A);
        String unprefixed = key.substring(ApiKey.PREFIX.length());
        assertThat(ApiKey.matches(unprefixed, ApiKey.hash(key))).isFalse();
    }
}
