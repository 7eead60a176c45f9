package org.serverlessloyalty.local.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** Test handler: records the scheduled events it gets; fails while {@link #FAIL} is set. */
public final class ScheduledProbeHandler implements RequestHandler<Map<String, Object>, String> {

    static final BlockingQueue<Map<String, Object>> EVENTS = new LinkedBlockingQueue<>();
    static final AtomicBoolean FAIL = new AtomicBoolean();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        if (FAIL.get()) {
            throw new IllegalStateException("scripted failure");
        }
        EVENTS.add(event);
        return "ok";
    }
}
