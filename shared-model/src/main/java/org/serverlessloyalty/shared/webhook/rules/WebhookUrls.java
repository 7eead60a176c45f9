package org.serverlessloyalty.shared.webhook.rules;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point: {@code https} to a public host. Internal addresses are refused in every spelling
 * ({@link WebhookAddresses}), and so are names that only a local resolver answers ({@code localhost},
 * {@code *.internal}, single labels). Only while the local stack runs ({@code loopbackAllowed}) may a webhook reach
 * loopback, over plain {@code http} too. A name's addresses are checked again each time it is resolved, at send time.
 */
public final class WebhookUrls {

    /** Names answered by the local resolver or network, never by public DNS (RFC 6761, 6762, 8375; ICANN). */
    private static final List<String> PRIVATE_SUFFIXES = List.of(".local", ".localdomain", ".internal", ".home.arpa");

    static final String INTERNAL = "must not point at a private, loopback, link-local or other internal address";

    private WebhookUrls() {
    }

    /**
     * Where to POST: the host as written (name or literal), the port, and the path with its query.
     *
     * @param name    the DNS name to resolve, or null when the host is an IP literal
     * @param literal the address, when the host is an IP literal
     */
    public record Target(boolean https, String name, InetAddress literal, String hostHeader, int port,
                         String requestTarget) {
    }

    /** A target, or why the URL is refused. */
    public record Parsed(Target target, String problem) {

        static Parsed refused(String problem) {
            return new Parsed(null, problem);
        }
    }

    /** Why {@code url} is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String url, boolean loopbackAllowed) {
        return Optional.ofNullable(parse(url, loopbackAllowed).problem());
    }

    public static Parsed parse(String url, boolean loopbackAllowed) {
        if (url == null || url.isBlank()) {
            return Parsed.refused("is required");
        }
        if (url.length() > 2000) {
            return Parsed.refused("must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Parsed.refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Parsed.refused("must use https");
        }
        String rawHost = uri.getHost();
        if (rawHost == null || rawHost.isBlank() || uri.getRawUserInfo() != null) {
            return Parsed.refused("must be an absolute URL with a host and no user info");
        }
        boolean https = scheme.equals("https");
        int defaultPort = https ? 443 : 80;
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        if (port < 1 || port > 65_535) {
            return Parsed.refused("must have a port between 1 and 65535");
        }
        boolean loopback;
        String name = null;
        InetAddress literal = null;
        String hostText;
        WebhookAddresses.Host host = WebhookAddresses.host(rawHost);
        if (host instanceof WebhookAddresses.Invalid invalid) {
            return Parsed.refused("host " + invalid.problem());
        } else if (host instanceof WebhookAddresses.Literal l) {
            if (!WebhookAddresses.allowed(l.address(), loopbackAllowed)) {
                return Parsed.refused(INTERNAL);
            }
            literal = l.address();
            loopback = WebhookAddresses.isLoopback(literal);
            hostText = l.ipv6() ? rawHost.toLowerCase(Locale.ROOT) : literal.getHostAddress();
        } else {
            name = ((WebhookAddresses.Name) host).name();
            loopback = name.equals("localhost") || name.endsWith(".localhost");
            if (loopback && !loopbackAllowed) {
                return Parsed.refused(INTERNAL);
            }
            if (!loopback && (!name.contains(".") || PRIVATE_SUFFIXES.stream().anyMatch(name::endsWith))) {
                return Parsed.refused("must be a public host name");
            }
            hostText = name;
        }
        if (!https && !loopback) {
            return Parsed.refused(loopbackAllowed
                    ? "must use https (plain http is allowed only to a loopback address while the local stack runs)"
                    : "must use https");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestTarget = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String hostHeader = port == defaultPort ? hostText : hostText + ":" + port;
        return new Parsed(new Target(https, name, literal, hostHeader, port, requestTarget), null);
    }
}
