package org.serverlessloyalty.local;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The stack's own messages: short lines on stderr, so stdout keeps the functions' JSON logs and the
 * startup banner. (The functions log through Powertools/log4j2; this is deliberately not a logger.)
 */
public final class StackLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private StackLog() {
    }

    public static void info(String message) {
        print("", message, null);
    }

    public static void warn(String message) {
        print("WARN ", message, null);
    }

    public static void error(String message, Throwable cause) {
        print("ERROR ", message, cause);
    }

    private static void print(String level, String message, Throwable cause) {
        PrintStream err = System.err;
        synchronized (err) {
            err.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS).format(TIME) + " [local] " + level + message);
            if (cause != null) {
                cause.printStackTrace(err);
            }
        }
    }
}
