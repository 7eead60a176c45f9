package org.serverlessloyalty.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.serverlessloyalty.local.StackLog;
import org.serverlessloyalty.local.lambda.LocalFunction;
import org.serverlessloyalty.local.template.ScheduleDef;

/**
 * Runs one {@code Type: Schedule} event as EventBridge would: the function gets a scheduled event (as JSON it would
 * be; here the map Lambda would deserialize it to) every {@link ScheduleDef#rate()}, the first one a rate after the
 * start. Runs never overlap (EventBridge's can, if one outlasts the rate; the template's functions must not care).
 * A failed run is logged and the schedule goes on, as EventBridge's next tick does after its retries.
 */
public final class ScheduleRunner implements AutoCloseable {

    private final ScheduleDef schedule;
    private final LocalFunction function;
    private final String account;
    private final String region;
    private final ScheduledExecutorService timer;
    private final AtomicLong runs = new AtomicLong();

    public ScheduleRunner(ScheduleDef schedule, LocalFunction function, String account, String region) {
        this.schedule = schedule;
        this.function = function;
        this.account = account;
        this.region = region;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedule-" + schedule.functionLogicalId() + "-" + schedule.eventName());
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        start(schedule.rate());
    }

    /** Starts with another first delay (tests); later runs keep the schedule's rate. */
    public void start(Duration firstDelay) {
        timer.scheduleAtFixedRate(this::runOnce, firstDelay.toMillis(), schedule.rate().toMillis(), TimeUnit.MILLISECONDS);
        StackLog.info(schedule.functionLogicalId() + "." + schedule.eventName() + " runs every " + schedule.rate()
                + " (" + schedule.expression() + ")");
    }

    /** One invocation now, as the schedule's next tick would make it. */
    public void runOnce() {
        String requestId = UUID.randomUUID().toString();
        try {
            Object result = function.invoke(event(Instant.now()), requestId);
            runs.incrementAndGet();
            StackLog.info(schedule.functionLogicalId() + "." + schedule.eventName() + " ran: " + result);
        } catch (RuntimeException | Error e) {
            StackLog.error(schedule.functionLogicalId() + "." + schedule.eventName() + " failed (request " + requestId
                    + "); the next tick runs it again", e);
        }
    }

    /** Invocations that returned normally. */
    public long successfulRuns() {
        return runs.get();
    }

    public ScheduleDef schedule() {
        return schedule;
    }

    /** EventBridge's scheduled event, as the map a handler taking {@code Map<String, Object>} receives. */
    Map<String, Object> event(Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", account);
        event.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.put("resources", List.of("arn:aws:events:" + region + ":" + account + ":rule/"
                + schedule.functionLogicalId() + schedule.eventName()));
        event.put("detail", Map.of());
        return event;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
