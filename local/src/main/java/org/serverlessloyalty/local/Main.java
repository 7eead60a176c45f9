package org.serverlessloyalty.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;

/**
 * {@code java -jar loyalty-local.jar [flags]}: parses the flags, starts the {@link LocalStack}, prints the
 * banner, and runs until Ctrl-C (a shutdown hook closes everything, so a data directory stays consistent).
 */
public final class Main {

    static final String USAGE = """
            Usage: java -jar loyalty-local.jar [options]

            Runs template.yaml on this machine: DynamoDB and SQS in-process, every function behind an
            API Gateway HTTP API emulation on 127.0.0.1. No AWS account, no Docker.

            Options:
              --port N              API port on 127.0.0.1 (default 3000; 0 = any free port)
              --template PATH       the SAM template (default: template.yaml in this directory or a parent,
                                    else the copy bundled in the jar)
              --data-dir DIR        keep DynamoDB data in DIR/dynamodb, queued SQS messages in DIR/sqs, the
                                    generated admin key and the demo store's keys in DIR; all survive a crash
                                    (default: everything in memory, nothing survives the stack)
              --admin-key KEY       the admin API key (default: $ADMIN_API_KEY, else the one remembered in
                                    the data directory, else a new random one)
              --parameter K=V       override a template parameter's Default (repeatable)
              --env K=V             extra environment variable for every function (repeatable)
              --no-demo             do not create the demo store and sample gift codes
              --dynamodb-port N     local DynamoDB port (default: any free port)
              --sqs-port N          local SQS (ElasticMQ) port (default: any free port)
              --dynamodb-faults SPEC  make the local DynamoDB fail as AWS does, once the stack is up, e.g.
                                    conflict=0.1,throttle=0.05,internal=0.01,latency=5-20,seed=42
                                    (see local/dynamodb-engine/README.md; default: no faults)
              --quiet               no access log line per request on stderr
              -h, --help            this help
            """;

    private static final Set<String> VALUE_FLAGS = Set.of("--port", "--dynamodb-port", "--sqs-port", "--template",
            "--data-dir", "--admin-key", "--parameter", "--env", "--dynamodb-faults");

    private Main() {
    }

    public static void main(String[] args) {
        LocalStack.Options options;
        try {
            options = parse(args, System.getenv("ADMIN_API_KEY"));
        } catch (HelpRequested e) {
            System.out.print(USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("loyalty-local: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(2);
            return;
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(options);
        } catch (RuntimeException e) {
            StackLog.error("The local stack could not start: " + e.getMessage(), null);
            if (System.getenv("LOYALTY_LOCAL_DEBUG") != null) {
                e.printStackTrace();
            }
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StackLog.info("Stopping");
            stack.close();
        }, "local-stack-shutdown"));
        System.out.print(stack.banner());
        System.out.flush();
        try {
            stack.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static LocalStack.Options parse(String[] args, String adminKeyFromEnvironment) {
        LocalStack.Options options = LocalStack.Options.defaults();
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        String adminKey = adminKeyFromEnvironment;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                inlineValue = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            }
            switch (arg) {
                case "-h", "--help" -> throw new HelpRequested();
                case "--no-demo" -> options = options.seedDemo(false);
                case "--quiet" -> options = options.accessLog(false);
                default -> {
                    if (arg.startsWith("-") && !VALUE_FLAGS.contains(arg)) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    String value = inlineValue != null ? inlineValue : valueOf(arg, args, ++i);
                    switch (arg) {
                        case "--port" -> options = options.port(port(arg, value));
                        case "--dynamodb-port" -> options = options.dynamoDbPort(port(arg, value));
                        case "--sqs-port" -> options = options.sqsPort(port(arg, value));
                        case "--template" -> options = options.templatePath(Path.of(value));
                        case "--data-dir" -> options = options.dataDir(Path.of(value));
                        case "--admin-key" -> adminKey = value;
                        case "--parameter" -> keyValue(arg, value, parameters);
                        case "--env" -> keyValue(arg, value, environment);
                        case "--dynamodb-faults" -> options = options.dynamoDbFaults(faults(arg, value));
                        default -> throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            }
        }
        if (adminKey != null && adminKey.isBlank()) {
            throw new IllegalArgumentException("--admin-key must not be empty");
        }
        return options.adminKey(adminKey).parameters(parameters).environment(environment);
    }

    private static String valueOf(String flag, String[] args, int index) {
        if (!flag.startsWith("-")) {
            throw new IllegalArgumentException("unexpected argument " + flag);
        }
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static int port(String flag, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " takes a port number 0-65535, not " + value);
    }

    private static FaultPolicy faults(String flag, String value) {
        try {
            return FaultPolicy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage());
        }
    }

    private static void keyValue(String flag, String value, Map<String, String> into) {
        int equals = value.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException(flag + " takes KEY=VALUE, not " + value);
        }
        into.put(value.substring(0, equals), value.substring(equals + 1));
    }

    /** {@code --help}: print the usage and exit normally. */
    static final class HelpRequested extends RuntimeException {

        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
