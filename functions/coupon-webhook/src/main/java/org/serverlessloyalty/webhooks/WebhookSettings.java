package org.serverlessloyalty.webhooks;

import java.time.Duration;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;

/**
 * The coupon-webhook function's configuration (template parameters in AWS, {@code --parameter} locally).
 *
 * @param backoffBaseSeconds first retry waits up to this, then doubling (full jitter)
 * @param retryWindow how long after the first attempt a delivery keeps being retried before it is FAILED
 * @param ratePerSecond POSTs per store per second
 */
public record WebhookSettings(long backoffBaseSeconds, Duration retryWindow, int ratePerSecond,
                              int connectTimeoutMillis, int readTimeoutMillis, Duration configCache) {

    public static WebhookSettings fromEnvironment() {
        return new WebhookSettings(
                LambdaEnvironment.intValue("WEBHOOK_BACKOFF_BASE_SECONDS", 30),
                Duration.ofSeconds(LambdaEnvironment.intValue("WEBHOOK_RETRY_WINDOW_SECONDS", 86_400)),
                LambdaEnvironment.intValue("WEBHOOK_RATE_PER_SECOND", 10),
                LambdaEnvironment.intValue("WEBHOOK_CONNECT_TIMEOUT_MILLIS", 2_000),
                LambdaEnvironment.intValue("WEBHOOK_READ_TIMEOUT_MILLIS", 5_000),
                Duration.ofSeconds(LambdaEnvironment.intValue("WEBHOOK_CONFIG_CACHE_SECONDS", 5)));
    }
}
