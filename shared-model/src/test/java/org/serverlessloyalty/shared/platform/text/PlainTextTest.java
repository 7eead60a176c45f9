package org.serverlessloyalty.shared.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"A\u0000B", "tab\there", "line\nbreak", "esc\u001b[31m", "del\u007f", "c1\u0085",
            "invoice\u202Egpj.exe", "zero\u200Bwidth", "bom\uFEFF", "soft\u00ADhyphen", "iso\u2066late",
            "line\u2028sep", "para\u2029sep", "lone\uD800high", "lone\uDC00low", "\uDFFF\uD800"})
    void refusesControlFormatSeparatorCharactersAndLoneSurrogates(String text) {
        assertThat(PlainText.isClean(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SUMMER10", "Café Zürich", "東京店", "עברית", "emoji 😀 pair", "a b-c_d.e/f",
            "ünïcödé ✓"})
    void acceptsPrintableTextInAnyScriptIncludingSurrogatePairs(String text) {
        assertThat(PlainText.isClean(text)).isTrue();
    }

    @Test
    void nullIsClean() {
        assertThat(PlainText.isClean(null)).isTrue();
    }

    @Test
    void anExcerptIsAShortPrefixWithRefusedCharactersMasked() {
        assertThat(PlainText.excerpt("x".repeat(3_000))).isEqualTo("x".repeat(40) + "…");
        assertThat(PlainText.excerpt("short")).isEqualTo("short");
        assertThat(PlainText.excerpt("a\u0000b\u202Ec")).isEqualTo("a?b?c");
        assertThat(PlainText.excerpt("x".repeat(39) + "😀😀")).isEqualTo("x".repeat(39) + "…");
        assertThat(PlainText.excerpt(null)).isNull();
    }
}
