package org.serverlessloyalty.shared.webhook.rules;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookAddressesTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no lookup
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254",
            "169.254.169.254", "169.254.170.2", "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.0.0.192",
            "192.168.0.1", "198.18.0.1", "198.19.255.255", "224.0.0.1", "239.255.255.250", "240.0.0.1",
            "255.255.255.255",
            "::", "fe80::1", "febf::1", "fc00::1", "fd00:ec2::254", "fec0::1", "ff02::1", "ff0e::1",
            "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::169.254.169.254", "::0.0.0.2", "::ffff:0:a9fe:a9fe",
            "64:ff9b::a9fe:a9fe", "64:ff9b::a00:1", "64:ff9b:1::a9fe:a9fe", "2002:a9fe:a9fe::", "2002:c0a8:101::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2", "100::1"})
    void refusesInternalAddresses(String literal) {
        assertThat(WebhookAddresses.allowed(ip(literal), false)).as(literal).isFalse();
        assertThat(WebhookAddresses.allowed(ip(literal), true)).as(literal + " locally").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255",
            "172.32.0.0", "169.253.255.255", "169.255.0.0", "192.167.255.255", "192.169.0.0", "223.255.255.255",
            "11.0.0.1", "2606:2800:220:1:248:1893:25c8:1946", "2a00:1450:4007:80e::200e", "::ffff:93.184.216.34",
            "64:ff9b::808:808", "2002:808:808::1", "fbff::1", "fe7f::1"})
    void allowsPublicAddresses(String literal) {
        assertThat(WebhookAddresses.allowed(ip(literal), false)).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "::1", "::ffff:127.0.0.1", "64:ff9b::7f00:1",
            "2002:7f00:1::"})
    void allowsLoopbackOnlyWhileTheLocalStackRuns(String literal) {
        assertThat(WebhookAddresses.allowed(ip(literal), false)).as(literal).isFalse();
        assertThat(WebhookAddresses.allowed(ip(literal), true)).as(literal).isTrue();
        assertThat(WebhookAddresses.isLoopback(ip(literal))).as(literal).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"2852039166, 169.254.169.254", "0xA9FEA9FE, 169.254.169.254", "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
            "0251.0376.0251.0376, 169.254.169.254", "169.254.43518, 169.254.169.254", "169.16689662, 169.254.169.254",
            "0x7f.1, 127.0.0.1", "127.1, 127.0.0.1", "0177.0.0.01, 127.0.0.1", "0, 0.0.0.0", "0x, 0.0.0.0",
            "010.0.0.1, 8.0.0.1", "93.184.216.34, 93.184.216.34", "93.184.216.34., 93.184.216.34",
            "4294967295, 255.255.255.255"})
    void readsEveryIpv4SpellingResolversAccept(String host, String address) {
        var parsed = WebhookAddresses.host(host);
        assertThat(parsed).isInstanceOf(WebhookAddresses.Literal.class);
        assertThat(((WebhookAddresses.Literal) parsed).address().getHostAddress()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4.5", "256.1.1.1", "1.256.1.1", "1.2.65536", "4294967296", "08", "1.2.3.09",
            "example.123", "1.+2.3.4", "1..2", "[fe80::1%25eth0]", "[::1]x]", "[shop.example]"})
    void refusesMalformedAddresses(String host) {
        assertThat(WebhookAddresses.host(host)).as(host).isInstanceOf(WebhookAddresses.Invalid.class);
    }

    @Test
    void namesStayNamesLowerCasedWithoutTheTrailingDot() {
        assertThat(WebhookAddresses.host("Shop.Example.")).isEqualTo(new WebhookAddresses.Name("shop.example"));
        assertThat(WebhookAddresses.host("1e5.example")).isEqualTo(new WebhookAddresses.Name("1e5.example"));
        assertThat(WebhookAddresses.host("0x7f.example")).isEqualTo(new WebhookAddresses.Name("0x7f.example"));
        assertThat(WebhookAddresses.host("0xg")).isEqualTo(new WebhookAddresses.Name("0xg"));
        assertThat(WebhookAddresses.host("[::ffff:a9fe:a9fe]")).isInstanceOf(WebhookAddresses.Literal.class);
    }
}
