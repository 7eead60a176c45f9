package org.serverlessloyalty.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the curl the startup banner prints, as a user pasting it would (without needing curl installed). */
public final class BannerCurl {

    private static final Pattern CURL = Pattern.compile(
            "curl -s -X POST (\\S+) -H '([^:']+): ([^']*)' -H '([^:']+): ([^']*)' -d '([^']*)'");

    private static final Pattern STATUS_CURL = Pattern.compile("curl -s (\\S+/status) -H '([^:']+): ([^']*)'");

    private BannerCurl() {
    }

    public static HttpResponse<String> run(String banner) throws Exception {
        Matcher curl = CURL.matcher(banner);
        if (!curl.find()) {
            throw new AssertionError("No curl line in the banner:\n" + banner);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(curl.group(1)))
                .header(curl.group(2), curl.group(3))
                .header(curl.group(4), curl.group(5))
                .POST(HttpRequest.BodyPublishers.ofString(curl.group(6)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Runs the banner's second curl: a demo member's points. */
    public static HttpResponse<String> runStatus(String banner) throws Exception {
        Matcher curl = STATUS_CURL.matcher(banner);
        if (!curl.find()) {
            throw new AssertionError("No status curl line in the banner:\n" + banner);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(curl.group(1))).header(curl.group(2), curl.group(3))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
