package org.serverlessloyalty.webhooks;

import java.util.Map;

/** Port: one HTTP POST to a merchant's webhook. */
public interface WebhookSender {

    /** The outcome: a status code, or (statusCode 0) the transport error (refused, timed out). */
    record Result(int statusCode, String error) {

        public boolean delivered() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    Result post(String url, Map<String, String> headers, String body);
}
