package org.serverlessloyalty.tests.lambdajar;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the Lambda Java runtime does with a deployable jar, in a fresh JVM whose classpath is that
 * jar and this class only ({@link ChildJvm#isolatedClassDir}): loads the handler class the template
 * names, builds it with its no-arg constructor (the init phase), then for each event file parses the
 * event into the handler's input type, calls {@code handleRequest} with a minimal {@link Context},
 * and prints the response.
 *
 * <p>It must use nothing but the JDK and what the shaded jar carries (Jackson, the Lambda core and
 * events classes): anything else is a {@code NoClassDefFoundError} in the child.
 *
 * <p>Output: the function's own stdout (logs, metrics) untouched, plus one line per event starting
 * with {@link #MARKER} followed by a JSON object: the response, the timings (epoch millis) and the
 * CPU time used when the answer came.
 *
 * <pre>java -cp &lt;fn&gt;-lambda.jar:&lt;dir&gt; ...LambdaJarInvoker &lt;handler class&gt; [&lt;event.json&gt;...]</pre>
 */
public final class LambdaJarInvoker {

    public static final String MARKER = "@@lambda-jar-invoker ";
    /** Printed instead when no event file is given: the handler was built, nothing else. */
    public static final String CONSTRUCTED = "@@lambda-jar-constructed ";

    private LambdaJarInvoker() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        long mainMs = System.currentTimeMillis();
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: LambdaJarInvoker <handler class> [<event.json>...]");
        }
        Class<?> handlerClass = Class.forName(args[0]);
        RequestHandler handler = (RequestHandler) handlerClass.getConstructor().newInstance();
        long constructedMs = System.currentTimeMillis();

        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        if (args.length == 1) {
            System.out.println(CONSTRUCTED + json.createObjectNode().put("handler", args[0])
                    .put("initMs", constructedMs - mainMs).toString());
        }
        Class<?> inputType = inputType(handlerClass);
        for (int i = 1; i < args.length; i++) {
            long invokeStartMs = System.currentTimeMillis();
            JsonNode tree = json.readTree(new File(args[i]));
            Object event = json.treeToValue(tree, inputType);
            String requestId = tree.path("requestContext").path("requestId").asText(UUID.randomUUID().toString());
            Object response = handler.handleRequest(event, new MinimalContext(requestId));
            long answeredMs = System.currentTimeMillis();
            long cpuMs = processCpuMillis();

            ObjectNode line = json.createObjectNode();
            line.put("index", i - 1);
            line.put("event", args[i]);
            // Read after the first answer: loading java.management must not count towards it.
            line.put("jvmStartMs", ManagementFactory.getRuntimeMXBean().getStartTime());
            line.put("mainMs", mainMs);
            line.put("constructedMs", constructedMs);
            line.put("invokeStartMs", invokeStartMs);
            line.put("answeredMs", answeredMs);
            line.put("cpuMs", cpuMs);
            line.set("response", json.valueToTree(response));
            System.out.println(MARKER + json.writeValueAsString(line));
        }
        System.out.flush();
    }

    /**
     * CPU time this process has used so far, all threads (JIT and GC included), from
     * {@code /proc/self/stat} (no class loading, 10 ms resolution); -1 where there is no procfs.
     */
    static long processCpuMillis() {
        try {
            String stat = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/stat")),
                    StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // utime + stime, USER_HZ = 100
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The event type the runtime would deserialise to: {@code handleRequest}'s first parameter, as declared. */
    private static Class<?> inputType(Class<?> handlerClass) {
        for (Method m : handlerClass.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge()
                    && m.getParameterTypes()[1] == Context.class) {
                return m.getParameterTypes()[0];
            }
        }
        throw new IllegalStateException(handlerClass + " has no handleRequest(<event>, Context)");
    }

    /** The fields Lambda fills, from the variables Lambda sets; the logger writes to stderr. */
    public static final class MinimalContext implements Context {

        private static final LambdaLogger STDERR = new LambdaLogger() {
            @Override
            public void log(String message) {
                System.err.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.err.println(new String(message, StandardCharsets.UTF_8));
            }
        };

        private final String requestId;
        private final String functionName;
        private final long deadline;

        public MinimalContext(String requestId) {
            this.requestId = requestId;
            String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
            this.functionName = name == null ? "local-function" : name;
            this.deadline = System.currentTimeMillis() + 29_000;
        }

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "local/[$LATEST]0";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            String memory = System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
            return memory == null ? 1024 : Integer.parseInt(memory);
        }

        @Override
        public LambdaLogger getLogger() {
            return STDERR;
        }
    }
}
