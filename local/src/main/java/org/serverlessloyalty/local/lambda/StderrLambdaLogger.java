package org.serverlessloyalty.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code context.getLogger()}: on Lambda this goes to CloudWatch; here to stderr, one line per call. */
public final class StderrLambdaLogger implements LambdaLogger {

    private final PrintStream out;

    public StderrLambdaLogger() {
        this(System.err);
    }

    StderrLambdaLogger(PrintStream out) {
        this.out = out;
    }

    @Override
    public void log(String message) {
        write(message);
    }

    @Override
    public void log(byte[] message) {
        write(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel logLevel) {
        write(logLevel == null || logLevel == LogLevel.UNDEFINED ? message : "[" + logLevel + "] " + message);
    }

    private void write(String message) {
        synchronized (out) {
            out.print(message.endsWith("\n") ? message : message + "\n");
            out.flush();
        }
    }
}
