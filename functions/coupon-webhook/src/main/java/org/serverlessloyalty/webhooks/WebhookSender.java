package org.serverlessloyalty.webhooks;

import java.util.Map;

/** Port: one HTTP POST to a merchant's webhook. */
public interface WebhookSender {

    /**
     * The outcome: a status code, or (statusCode 0) a short, generic reason ("timeout", "connection refused") that
     * may be shown to the admin, never an internal host, address or stack trace.
     *
     * @param refused the URL or the addresses its host resolved to are not allowed (internal): nothing was sent, and
     *                retrying would not help
     */
    record Result(int statusCode, String error, boolean refused) {

        public Result(int statusCode, String error) {
            this(statusCode, error, false);
        }

        public static Result refusedAddress() {
            return new Result(0, "address not allowed", true);
        }

        public boolean delivered() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    Result post(String url, Map<String, String> headers, String body);
}
