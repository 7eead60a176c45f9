package org.serverlessloyalty.shared.giftcode.model;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.store.model.StoreCode;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationQueryTest {

    private static ValidationQuery query(String code, List<CodeValue> applied) {
        return new ValidationQuery(new StoreCode("13"), CodeValue.of(code), new Cart(100, List.of()), null, null,
                null, applied);
    }

    @Test
    void otherAppliedCodesLeaveOutTheCodeBeingRevalidated() {
        var query = query("summer", List.of(CodeValue.of("SUMMER"), CodeValue.of("WINTER")));
        assertThat(query.otherAppliedCodes()).containsExactly(CodeValue.of("WINTER"));
    }

    @Test
    void otherAppliedCodesAreDistinctInCartOrder() {
        var query = query("SUMMER", List.of(CodeValue.of("WINTER"), CodeValue.of("AUTUMN"), CodeValue.of("WINTER")));
        assertThat(query.otherAppliedCodes()).containsExactly(CodeValue.of("WINTER"), CodeValue.of("AUTUMN"));
    }

    @Test
    void revalidatingTheOnlyAppliedCodeLeavesNoOtherCode() {
        assertThat(query("SUMMER", List.of(CodeValue.of(" summer "))).otherAppliedCodes()).isEmpty();
    }

    @Test
    void noAppliedCodesMeansAnEmptyList() {
        assertThat(query("SUMMER", null).appliedCodes()).isEmpty();
        assertThat(query("SUMMER", null).otherAppliedCodes()).isEmpty();
    }

    @Test
    void appliedCodesAreCopied() {
        List<CodeValue> applied = new ArrayList<>(List.of(CodeValue.of("WINTER")));
        var query = query("SUMMER", applied);
        applied.add(CodeValue.of("AUTUMN"));
        assertThat(query.appliedCodes()).containsExactly(CodeValue.of("WINTER"));
    }

    @Test
    void codeValuesMatchTrimmedAndCaseInsensitively() {
        assertThat(CodeValue.of("  bjgjt9djaaaa ")).isEqualTo(new CodeValue("BJGJT9DJAAAA"));
        assertThat(CodeValue.isValid("ab c")).isFalse();
        assertThat(CodeValue.isValid("A".repeat(CodeValue.MAX_LENGTH))).isTrue();
        assertThat(CodeValue.isValid("A".repeat(CodeValue.MAX_LENGTH + 1))).isFalse();
    }
}
