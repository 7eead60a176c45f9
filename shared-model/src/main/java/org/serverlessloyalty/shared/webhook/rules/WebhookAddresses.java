package org.serverlessloyalty.shared.webhook.rules;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which IP addresses a webhook may reach. A merchant's endpoint is on the public internet; everything else is the
 * deployment's own surroundings: the Lambda Runtime API on 127.0.0.1, the instance metadata and credential services
 * on 169.254/16 and fd00:ec2::/32, a VPC's private ranges. Those are refused, whichever way the address is spelt
 * or embedded, and loopback is allowed only where the local stack runs (its receivers live on 127.0.0.1).
 */
public final class WebhookAddresses {

    /** IPv4 ranges no webhook may reach: {address, prefix length}. 127/8 is handled apart (allowed locally). */
    private static final int[][] REFUSED_V4 = {
            {0x00000000, 8},   // "this network", including the unspecified 0.0.0.0
            {0x0A000000, 8},   // private 10/8
            {0x64400000, 10},  // carrier-grade NAT 100.64/10
            {0xA9FE0000, 16},  // link-local 169.254/16: instance metadata, container credentials
            {0xAC100000, 12},  // private 172.16/12
            {0xC0000000, 24},  // IETF protocol assignments 192.0.0/24
            {0xC0A80000, 16},  // private 192.168/16
            {0xC6120000, 15},  // benchmarking 198.18/15
            {0xE0000000, 4},   // multicast 224/4
            {0xF0000000, 4},   // reserved 240/4, including the broadcast 255.255.255.255
    };

    private WebhookAddresses() {
    }

    /** Whether a webhook may connect to {@code address}; loopback only when {@code loopbackAllowed}. */
    public static boolean allowed(InetAddress address, boolean loopbackAllowed) {
        byte[] b = address.getAddress();
        return b.length == 4 ? allowedV4(toInt(b, 0), loopbackAllowed) : allowedV6(b, loopbackAllowed);
    }

    /** True for 127/8, ::1 and IPv4 loopback embedded in IPv6 (what plain http may reach locally). */
    public static boolean isLoopback(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xFF) == 127;
        }
        return embeddedV4(b).map(v4 -> (v4 >>> 24) == 127).orElse(isV6Loopback(b));
    }

    private static boolean allowedV4(int v4, boolean loopbackAllowed) {
        if ((v4 >>> 24) == 127) {
            return loopbackAllowed;
        }
        for (int[] range : REFUSED_V4) {
            int mask = -1 << (32 - range[1]);
            if ((v4 & mask) == range[0]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowedV6(byte[] b, boolean loopbackAllowed) {
        if (isV6Loopback(b)) {
            return loopbackAllowed;
        }
        Optional<Integer> v4 = embeddedV4(b);
        if (v4.isPresent()) {
            return allowedV4(v4.get(), loopbackAllowed);
        }
        int first = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int second = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if (zeros(b, 0, 12)) {
            return false; // :: (unspecified) and the deprecated IPv4-compatible ::a.b.c.d
        }
        if (first == 0x0064 && second == 0xFF9B && (b[4] & 0xFF) == 0 && (b[5] & 0xFF) == 1) {
            return false; // local-use NAT64 64:ff9b:1::/48: translates to whatever the operator chose
        }
        if (first == 0x2001 && second == 0x0000) {
            return false; // Teredo 2001::/32: a tunnel, the real destination is not visible here
        }
        if (first == 0x0100 && zeros(b, 2, 8)) {
            return false; // discard-only 100::/64
        }
        if ((first & 0xFE00) == 0xFC00) {
            return false; // unique local fc00::/7 (fd00:ec2::254 is the IPv6 instance metadata service)
        }
        if ((first & 0xFFC0) == 0xFE80 || (first & 0xFFC0) == 0xFEC0) {
            return false; // link-local fe80::/10 and the deprecated site-local fec0::/10
        }
        return (first & 0xFF00) != 0xFF00; // multicast ff00::/8
    }

    /**
     * The IPv4 address an IPv6 address carries and would reach: IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-translated
     * {@code ::ffff:0:a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d} and 6to4 {@code 2002:aabb:ccdd::}.
     */
    private static Optional<Integer> embeddedV4(byte[] b) {
        boolean mapped = zeros(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean translated = zeros(b, 0, 8) && (b[8] & 0xFF) == 0xFF && (b[9] & 0xFF) == 0xFF && zeros(b, 10, 12);
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF
                && (b[3] & 0xFF) == 0x9B && zeros(b, 4, 12);
        if (mapped || translated || nat64) {
            return Optional.of(toInt(b, 12));
        }
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            return Optional.of(toInt(b, 2));
        }
        return Optional.empty();
    }

    private static boolean isV6Loopback(byte[] b) {
        return zeros(b, 0, 15) && b[15] == 1;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int toInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    // ------------------------------------------------------------------ host literals

    /** What a URL's host is: an IP address (however spelt), a DNS name, or neither. */
    public sealed interface Host permits Literal, Name, Invalid {
    }

    /** An IP address literal; {@code ipv6} when it was written in brackets. */
    public record Literal(InetAddress address, boolean ipv6) implements Host {
    }

    /** A DNS name, lower case, without a trailing dot. */
    public record Name(String name) implements Host {
    }

    public record Invalid(String problem) implements Host {
    }

    /**
     * Classifies a URL host ({@link java.net.URI#getHost()}; IPv6 in brackets) without any DNS lookup. A host whose
     * last label is a number is an IPv4 address, read as resolvers and browsers read it (WHATWG URL, inet_aton):
     * {@code 2852039166}, {@code 0xA9.0376.43518} and {@code 127.1} are all addresses, not names.
     */
    public static Host host(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            String v6 = host.substring(1, host.length() - 1);
            if (!v6.matches("[0-9A-Fa-f:.]+")) {
                return new Invalid("must not carry an IPv6 zone or other decoration"); // fe80::1%eth0
            }
            try {
                // Only hex digits, colons and dots reach here: parsed as a literal, never looked up.
                return new Literal(InetAddress.getByName(v6), true);
            } catch (UnknownHostException e) {
                return new Invalid("is not a valid IPv6 address");
            }
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        List<String> labels = List.of(name.split("\\.", -1));
        if (name.isEmpty() || labels.stream().anyMatch(String::isEmpty)) {
            return new Invalid("is not a valid host name");
        }
        if (!endsInNumber(labels.get(labels.size() - 1))) {
            return new Name(name);
        }
        return ipv4(labels).<Host>map(a -> new Literal(a, false))
                .orElseGet(() -> new Invalid("is not a valid IPv4 address"));
    }

    private static boolean endsInNumber(String label) {
        return label.matches("[0-9]+") || label.matches("0[xX][0-9A-Fa-f]*");
    }

    /** The WHATWG IPv4 parser: 1 to 4 parts, decimal, octal (leading 0) or hex (0x); the last fills the rest. */
    private static Optional<InetAddress> ipv4(List<String> labels) {
        if (labels.size() > 4) {
            return Optional.empty();
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String label : labels) {
            BigInteger part = number(label);
            if (part == null) {
                return Optional.empty();
            }
            parts.add(part);
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger byteLimit = BigInteger.valueOf(255);
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i).compareTo(byteLimit) > 0) {
                return Optional.empty();
            }
            value = value.add(parts.get(i).shiftLeft(8 * (3 - i)));
        }
        BigInteger last = parts.get(parts.size() - 1);
        if (last.bitLength() > 8 * (5 - parts.size())) {
            return Optional.empty();
        }
        value = value.add(last);
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            address[i] = (byte) value.shiftRight(8 * (3 - i)).intValue();
        }
        try {
            return Optional.of(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            return Optional.empty(); // four bytes are always a valid address
        }
    }

    private static BigInteger number(String label) {
        int radix = 10;
        String digits = label;
        if (label.startsWith("0x") || label.startsWith("0X")) {
            radix = 16;
            digits = label.substring(2);
            if (digits.isEmpty()) {
                return BigInteger.ZERO;
            }
        } else if (label.length() > 1 && label.startsWith("0")) {
            radix = 8;
            digits = label.substring(1);
        }
        if (digits.length() > 40 || !digits.matches("[0-9A-Fa-f]+")) {
            return null; // BigInteger alone would also take a sign
        }
        try {
            BigInteger n = new BigInteger(digits, radix);
            return n.signum() < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
