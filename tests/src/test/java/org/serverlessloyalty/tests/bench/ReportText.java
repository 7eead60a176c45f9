package org.serverlessloyalty.tests.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A benchmark's printed report: titled sections of formatted lines, numbers in one locale. */
final class ReportText {

    private final List<String> lines = new ArrayList<>();

    void section(String title, Object... args) {
        String text = fmt(title, args);
        lines.add("");
        lines.add(text);
        lines.add("-".repeat(Math.min(120, text.length())));
    }

    void line(String format, Object... args) {
        lines.add(fmt(format, args));
    }

    void add(String text) {
        lines.add(text);
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
