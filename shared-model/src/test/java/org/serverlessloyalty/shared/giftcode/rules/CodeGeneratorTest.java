package org.serverlessloyalty.shared.giftcode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {

    @Test
    void alphabetHasNoLookAlikeCharacters() {
        for (char lookAlike : "0O1IL".toCharArray()) {
            assertThat(CodeGenerator.ALPHABET).doesNotContain(String.valueOf(lookAlike));
        }
        assertThat(CodeGenerator.ALPHABET).isEqualTo(CodeGenerator.ALPHABET.toUpperCase());
    }

    @Test
    void alphabetHasThirtyOneDistinctSymbols() {
        assertThat(CodeGenerator.ALPHABET.chars().distinct().count()).isEqualTo(31);
        assertThat(CodeGenerator.ALPHABET).hasSize(31);
    }

    @Test
    void everyGeneratedCodeIsThePrefixFollowedByAlphabetSymbolsOnly() {
        var generator = new CodeGenerator();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = generator.next("SUMMER-", CodeGenerator.MIN_RANDOM_LENGTH);
            assertThat(code).startsWith("SUMMER-").hasSize("SUMMER-".length() + CodeGenerator.MIN_RANDOM_LENGTH);
            for (char c : code.substring("SUMMER-".length()).toCharArray()) {
                assertThat(CodeGenerator.ALPHABET).contains(String.valueOf(c));
                seen.add(c);
            }
        }
        assertThat(seen).as("every symbol is drawn").hasSize(CodeGenerator.ALPHABET.length());
    }

    @Test
    void generatesTheRequestedRandomLengthWithoutPrefix() {
        var generator = new CodeGenerator(new SplittableRandom(7));
        assertThat(generator.next("", CodeGenerator.MAX_RANDOM_LENGTH)).hasSize(CodeGenerator.MAX_RANDOM_LENGTH)
                .matches("[" + CodeGenerator.ALPHABET + "]+");
    }

    @Test
    void minRandomLengthGivesAtLeastFiftyBits() {
        assertThat(CodeGenerator.randomBits(CodeGenerator.MIN_RANDOM_LENGTH)).isGreaterThanOrEqualTo(50.0);
        // the same, counted exactly: alphabet^length distinct codes >= 2^50
        BigInteger space = BigInteger.valueOf(CodeGenerator.ALPHABET.length()).pow(CodeGenerator.MIN_RANDOM_LENGTH);
        assertThat(space).isGreaterThanOrEqualTo(BigInteger.TWO.pow(50));
    }

    @Test
    void randomBitsIsLengthTimesLog2OfTheAlphabet() {
        assertThat(CodeGenerator.randomBits(11)).isCloseTo(11 * Math.log(31) / Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void hundredThousandCodesHaveNoDuplicate() {
        var generator = new CodeGenerator();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            codes.add(generator.next("", CodeGenerator.MIN_RANDOM_LENGTH));
        }
        assertThat(codes).hasSize(100_000);
    }
}
