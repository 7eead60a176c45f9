package org.serverlessloyalty.shared.giftcode.rules;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Random codes a shopper can type: an alphabet without look-alikes (no 0/O, 1/I/L) of 31 symbols,
 * so each character carries log2(31) = 4.95 bits; {@link #MIN_RANDOM_LENGTH} characters make 54 bits,
 * above the 50-bit floor.
 */
public final class CodeGenerator {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int MIN_RANDOM_LENGTH = 11;
    public static final int MAX_RANDOM_LENGTH = 32;

    private final RandomGenerator random;

    public CodeGenerator() {
        this(new SecureRandom());
    }

    public CodeGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** Bits of randomness in a code of {@code length} random characters. */
    public static double randomBits(int length) {
        return length * (Math.log(ALPHABET.length()) / Math.log(2));
    }

    public String next(String prefix, int randomLength) {
        StringBuilder code = new StringBuilder(prefix.length() + randomLength).append(prefix);
        for (int i = 0; i < randomLength; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
