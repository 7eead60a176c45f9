package org.serverlessloyalty.shared.giftcode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;

class MessagesTest {

    @Test
    void unknownCodeInFrenchIsTheSpecMessage() {
        assertThat(Messages.of(ValidationReason.NOT_FOUND, "fr")).isEqualTo("Ce code n'existe pas");
    }

    @Test
    void unknownCodeInEnglish() {
        assertThat(Messages.of(ValidationReason.NOT_FOUND, "en")).isEqualTo("This code does not exist");
    }

    @Test
    void expiredCodeInBothLanguages() {
        assertThat(Messages.of(ValidationReason.EXPIRED, "fr")).isEqualTo("Ce code a expiré");
        assertThat(Messages.of(ValidationReason.EXPIRED, "en")).isEqualTo("This code has expired");
    }

    @ParameterizedTest
    @EnumSource(ValidationReason.class)
    void everyReasonHasItsOwnMessageInEveryLanguage(ValidationReason reason) {
        String fr = Messages.of(reason, "fr");
        String en = Messages.of(reason, "en");
        assertThat(fr).isNotBlank();
        assertThat(en).isNotBlank().isNotEqualTo(fr);
        for (ValidationReason other : ValidationReason.values()) {
            if (other != reason) {
                assertThat(Messages.of(other, "fr")).isNotEqualTo(fr);
                assertThat(Messages.of(other, "en")).isNotEqualTo(en);
            }
        }
    }

    @Test
    void aLanguageWithoutMessagesGetsEnglish() {
        assertThat(Messages.of(ValidationReason.NOT_FOUND, "de")).isEqualTo("This code does not exist");
    }

    @ParameterizedTest(name = "Accept-Language \"{0}\", store {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // Accept-Language wins over the store locale
            "en                              | fr    | en",
            "fr                              | en    | fr",
            // case does not matter
            "FR                              | en    | fr",
            "EN-us                           | fr    | en",
            // q-values: the highest weight wins, whatever the order in the header
            "en;q=0.4, fr;q=0.8              | en    | fr",
            "fr;q=0.4, en;q=0.8              | fr    | en",
            "fr-CA;q=0.8, en;q=0.9           | fr    | en",
            "en-US,en;q=0.9,fr;q=0.8         | fr    | en",
            // region subtags count as their language
            "fr-CA                           | en    | fr",
            "en-GB                           | fr    | en",
            // unsupported languages are skipped for the next supported one
            "de-DE, de;q=0.9, fr;q=0.5       | en    | fr",
            "es, it;q=0.9, en;q=0.1          | fr    | en",
            // only unsupported languages: the store's locale, then English
            "de, es;q=0.8                    | fr    | fr",
            "de, es;q=0.8                    | fr-CA | fr",
            "de                              | de    | en",
            // a language refused with q=0 is never chosen
            "en;q=0, de                      | fr    | fr",
            // a wildcard says nothing: the store's locale
            "*                               | fr    | fr",
    })
    void picksTheAnswerLanguage(String acceptLanguage, String storeLocale, String expected) {
        assertThat(Messages.language(acceptLanguage, Locale.forLanguageTag(storeLocale))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "malformed \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "en;q=abc",
            "en;q=2",
            "!!!",
            "en;;q=0.5",
    })
    void malformedHeaderFallsBackToTheStoreLocale(String acceptLanguage) {
        assertThat(Messages.language(acceptLanguage, Locale.FRENCH)).isEqualTo("fr");
        assertThat(Messages.language(acceptLanguage, Locale.GERMAN)).isEqualTo("en");
    }

    @Test
    void missingOrBlankHeaderFallsBackToTheStoreLocale() {
        assertThat(Messages.language(null, Locale.FRENCH)).isEqualTo("fr");
        assertThat(Messages.language("  ", Locale.CANADA_FRENCH)).isEqualTo("fr");
        assertThat(Messages.language(null, Locale.ENGLISH)).isEqualTo("en");
    }

    @Test
    void noHeaderAndNoSupportedStoreLocaleIsEnglish() {
        assertThat(Messages.language(null, null)).isEqualTo("en");
        assertThat(Messages.language(null, Locale.JAPANESE)).isEqualTo("en");
    }
}
