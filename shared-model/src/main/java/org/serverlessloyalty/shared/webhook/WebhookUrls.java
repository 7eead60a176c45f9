package org.serverlessloyalty.shared.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** Where a webhook may point: {@code https} anywhere, plain {@code http} only to a loopback host (local development). */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    /** Why {@code url} is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > 2000) {
            return Optional.of("must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getUserInfo() != null) {
            return Optional.of("must be an absolute URL with a host and no user info");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return isLoopback(host) ? Optional.empty()
                    : Optional.of("must use https (plain http is allowed only to 127.0.0.1, localhost or [::1])");
        }
        return Optional.of("must use https");
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
            return literal(h, true);
        }
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}") && literal(h, false);
    }

    /** Parses only IP literals (never a DNS lookup) and asks whether it is loopback. */
    private static boolean literal(String ip, boolean v6) {
        if (!v6 && !ip.matches("127(\\.\\d{1,3}){3}")) {
            return false;
        }
        if (v6 && !ip.matches("[0-9a-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
