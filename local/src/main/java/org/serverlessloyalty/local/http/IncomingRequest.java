package org.serverlessloyalty.local.http;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached the local API, before it becomes an API Gateway event: method, the path and
 * query exactly as sent, each header line (name as sent, one entry per line), the body bytes and the client.
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                              byte[] body, String sourceIp, String protocol, String host) {

    public IncomingRequest {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
        rawQuery = rawQuery == null ? "" : rawQuery;
    }
}
