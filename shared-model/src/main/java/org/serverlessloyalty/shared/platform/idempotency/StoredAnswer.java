package org.serverlessloyalty.shared.platform.idempotency;

/** The HTTP answer a request got, kept so the same request sent again gets it again, byte for byte. */
public record StoredAnswer(int status, String body) {

    public StoredAnswer {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        body = body == null ? "" : body;
    }
}
