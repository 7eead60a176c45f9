package org.serverlessloyalty.local.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.util.Timeout;
import org.elasticmq.NodeAddress;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.collection.immutable.List$;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import scala.util.Either;
import scalikejdbc.ConnectionPool$;

/**
 * ElasticMQ, in process, speaking the SQS protocol on 127.0.0.1. Queue URLs and ARNs use the local account and
 * region ({@code arn:aws:sqs:us-east-1:000000000000:name}), so a template's {@code RedrivePolicy} ARNs work as
 * written.
 *
 * <p>Without a storage directory queues and messages live in memory. With one, ElasticMQ's SQL storage keeps
 * every queue and message in an H2 database there ({@code queues.mv.db}): ElasticMQ answers a SendMessage only
 * after the message's row is committed, and {@code WRITE_DELAY=0} makes H2 write each commit to the file at
 * once instead of within half a second, so a message SQS accepted survives {@code kill -9}. Receives and deletes
 * are recorded the same way; on start the queues and their messages (with their receive counts and visibility)
 * are restored before the API is served.
 *
 * <p>ElasticMQ's SQL storage goes through scalikejdbc's JVM-wide default connection pool, so one JVM can run only
 * one ElasticMQ with storage at a time; a second one is refused rather than silently sharing the first one's
 * database.
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

    /** The H2 database file, without H2's {@code .mv.db} suffix, inside the storage directory. */
    static final String DATABASE_NAME = "queues";
    private static final Timeout RESTORE_TIMEOUT = Timeout.create(java.time.Duration.ofSeconds(60));
    /** Set while an ElasticMQ with storage runs in this JVM (see the class comment). */
    private static final AtomicBoolean STORAGE_IN_USE = new AtomicBoolean();

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final URI endpoint;
    private final boolean persistent;

    private ElasticMq(ActorSystem actorSystem, SQSRestServer server, URI endpoint, boolean persistent) {
        this.actorSystem = actorSystem;
        this.server = server;
        this.endpoint = endpoint;
        this.persistent = persistent;
    }

    /**
     * Starts on 127.0.0.1:port (0 = any free port) and waits until it listens. {@code storageDir} null keeps
     * everything in memory; otherwise queues and messages persist there and are restored first.
     */
    public static ElasticMq start(int port, String region, String accountId, Path storageDir) {
        if (storageDir != null && !STORAGE_IN_USE.compareAndSet(false, true)) {
            throw new IllegalStateException("Another local stack with a data directory runs in this JVM; ElasticMQ's"
                    + " message storage allows one per JVM");
        }
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
            ActorRef storage = null;
            ActorRef queueManager = null;
            if (storageDir != null) {
                storage = startStorage(actorSystem, storageDir);
                ActorRef listener = storage;
                queueManager = actorSystem.actorOf(Props.create(QueueManagerActor.class,
                        () -> new QueueManagerActor(new NowProvider(), SQSRestServerBuilder.sqsLimits(), Option.apply(listener))));
                builder = builder.withQueueManagerActor(queueManager);
            }
            SQSRestServer server = builder.start();
            int boundPort = server.waitUntilStarted().localAddress().getPort();
            if (storage != null) {
                restore(storage, queueManager, storageDir);
            }
            return new ElasticMq(actorSystem, server, URI.create("http://127.0.0.1:" + boundPort), storageDir != null);
        } catch (RuntimeException e) {
            terminate(actorSystem);
            if (storageDir != null) {
                closeStorage();
            }
            throw new IllegalStateException("ElasticMQ (SQS) could not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * ElasticMQ's SQL storage actor on an H2 file in {@code storageDir}. Its repositories use scalikejdbc's default
     * pool, which ElasticMQ creates only once per JVM: the pool is (re)pointed here so a stack restarted in the same
     * JVM, or on another directory, uses its own database.
     */
    private static ActorRef startStorage(ActorSystem actorSystem, Path storageDir) {
        try {
            Files.createDirectories(storageDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + storageDir, e);
        }
        String url = "jdbc:h2:file:" + storageDir.resolve(DATABASE_NAME).toAbsolutePath() + ";WRITE_DELAY=0";
        var pools = ConnectionPool$.MODULE$;
        var settings = pools.singleton$default$4();
        pools.singleton(url, "", "", settings, pools.singleton$default$5(url, "", "", settings));
        var storageConfig = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
        return actorSystem.actorOf(Props.create(SqlQueuePersistenceActor.class,
                () -> new SqlQueuePersistenceActor(storageConfig, List$.MODULE$.empty())));
    }

    /** Recreates the stored queues and their messages; fails the start if any cannot be restored. */
    private static void restore(ActorRef storage, ActorRef queueManager, Path storageDir) {
        Object result;
        try {
            result = Await.result(Patterns.ask(storage, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT),
                    RESTORE_TIMEOUT.duration());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restoring the queues in " + storageDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot restore the queues in " + storageDir + ": " + e, e);
        }
        if (result instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("Cannot restore the queues in " + storageDir + ": " + either);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Stops the server and the actors, then closes the database (H2 writes its file and releases it). */
    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            terminate(actorSystem);
            if (persistent) {
                closeStorage();
            }
        }
    }

    private static void closeStorage() {
        try {
            ConnectionPool$.MODULE$.close(ConnectionPool$.MODULE$.DEFAULT_NAME());
        } finally {
            STORAGE_IN_USE.set(false);
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
