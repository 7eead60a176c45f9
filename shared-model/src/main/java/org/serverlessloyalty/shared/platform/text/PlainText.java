package org.serverlessloyalty.shared.platform.text;

/**
 * What ids, codes, names and descriptions may hold: any printable text, but no control characters
 * (Unicode Cc: NUL, newlines, ESC...), no format characters (Cf: the right-to-left override that makes
 * {@code gpj.exe} read as {@code exe.jpg}, zero-width spaces, BOM), no line or paragraph separators
 * (Zl, Zp) and no lone surrogate halves (not text at all: they cannot be encoded in UTF-8). Such
 * characters are invisible or reorder what an operator reads, so two ids that look the same could differ.
 */
public final class PlainText {

    /** How much of a client's input an error message may quote. */
    public static final int EXCERPT_LENGTH = 40;

    private PlainText() {
    }

    /** True when {@code text} holds none of the refused characters (null and empty are clean). */
    public static boolean isClean(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (refused(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** A lone surrogate comes out of {@link Character#codePointAt} as itself, in category SURROGATE. */
    private static boolean refused(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** {@link #excerpt(String, int)} with {@link #EXCERPT_LENGTH}. */
    public static String excerpt(String text) {
        return excerpt(text, EXCERPT_LENGTH);
    }

    /**
     * At most {@code maxLength} characters of {@code text}, each refused character shown as {@code ?},
     * and {@code …} when something was cut: error messages quote inputs, never reproduce them.
     */
    public static String excerpt(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength) + 1);
        int i = 0;
        while (i < text.length() && out.length() < maxLength) {
            int codePoint = Character.codePointAt(text, i);
            int width = Character.charCount(codePoint);
            if (refused(codePoint)) {
                out.append('?');
            } else if (out.length() + width <= maxLength) {
                out.appendCodePoint(codePoint);
            } else {
                break;
            }
            i += width;
        }
        if (i < text.length()) {
            out.append('…');
        }
        return out.toString();
    }
}
