package org.serverlessloyalty.local.dynamodb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.serverlessloyalty.local.dynamodb.error.ApiException;

class NumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.50,1.5", "-0,0", "0.000,0", "1e2,100", "00012,12", "-0.0100,-0.01", "1E-5,0.00001",
            "123.456000,123.456", "12345678901234567890123456789012345678,12345678901234567890123456789012345678"})
    void canonicalForm(String input, String canonical) {
        assertThat(AttrValue.n(Numbers.parse(input)).numberText()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", " 1", "1 ", "", "1.2.3", "0x10"})
    void rejectsNonNumbers(String input) {
        assertThatThrownBy(() -> Numbers.parse(input)).isInstanceOf(ApiException.class)
                .hasMessage("A value provided cannot be converted into a number");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"1E126,overflow", "-1E126,overflow", "1E-131,underflow",
            "123456789012345678901234567890123456789,38 significant digits"})
    void rejectsOutOfRange(String input, String message) {
        assertThatThrownBy(() -> Numbers.parse(input)).isInstanceOf(ApiException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.9999999999999999999999999999999999999E+125", "1E-130", "-1E-130"})
    void acceptsTheExtremes(String input) {
        assertThat(Numbers.parse(input).signum()).isNotZero();
    }

    @ParameterizedTest(name = "{0} takes {1} bytes")
    @CsvSource({"0,1", "1,2", "12,2", "123,3", "1234,3", "100,2", "1000,2", "10000,2", "1.5,3", "0.05,2", "0.5,2",
            "-1,3", "12345678901234567890123456789012345678,20", "1E+125,2", "-12.34,4"})
    void storageSizes(String input, int bytes) {
        assertThat(Numbers.storageSize(new BigDecimal(input))).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"1,1.0", "10,1E1", "-5,-5.000"})
    void numericallyEqualNumbersAreEqual(String a, String b) {
        assertThat(AttrValue.n(Numbers.parse(a))).isEqualTo(AttrValue.n(Numbers.parse(b)));
        assertThat(AttrValue.n(Numbers.parse(a)).hashCode()).isEqualTo(AttrValue.n(Numbers.parse(b)).hashCode());
    }
}
