package org.serverlessloyalty.local.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;

/**
 * ElasticMQ, in process and in memory, speaking the SQS protocol on 127.0.0.1. Queue URLs and ARNs use
 * the local account and region ({@code arn:aws:sqs:us-east-1:000000000000:name}), so a template's
 * {@code RedrivePolicy} ARNs work as written.
 *
 * <p>It runs on its own Pekko actor system, configured to stay quiet (warnings only, through SLF4J) and to
 * leave JVM shutdown to the stack, which stops it after the HTTP server and the pollers.
 */
public final class ElasticMq implements AutoCloseable {

    private static final String PEKKO_SETTINGS = """
            pekko.loglevel = WARNING
            pekko.stdout-loglevel = OFF
            pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
            pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
            pekko.log-dead-letters = off
            pekko.log-dead-letters-during-shutdown = off
            pekko.daemonic = on
            pekko.jvm-shutdown-hooks = off
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            pekko.coordinated-shutdown.terminate-actor-system = on
            """;

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMq(ActorSystem actorSystem, SQSRestServer server, URI endpoint) {
        this.actorSystem = actorSystem;
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Starts on 127.0.0.1:port (0 = any free port) and waits until it listens. */
    public static ElasticMq start(int port, String region, String accountId) {
        ClassLoader loader = ElasticMq.class.getClassLoader();
        Config config = ConfigFactory.parseString(PEKKO_SETTINGS).withFallback(ConfigFactory.load(loader));
        ActorSystem actorSystem = ActorSystem.create("elasticmq", config, loader);
        try {
            TheSQSRestServerBuilder builder = SQSRestServerBuilder.withActorSystem(actorSystem)
                    .withInterface("127.0.0.1")
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId);
            builder = port == 0 ? builder.withDynamicPort()
                    : builder.withPort(port).withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""));
            SQSRestServer server = builder.start();
            int boundPort = server.waitUntilStarted().localAddress().getPort();
            return new ElasticMq(actorSystem, server, URI.create("http://127.0.0.1:" + boundPort));
        } catch (RuntimeException e) {
            terminate(actorSystem);
            throw new IllegalStateException("ElasticMQ (SQS) could not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            terminate(actorSystem);
        }
    }

    private static void terminate(ActorSystem actorSystem) {
        actorSystem.terminate();
        try {
            Await.result(actorSystem.whenTerminated(), Duration.create(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still stopping: its threads are daemons and will not hold the JVM
        }
    }
}
