package org.serverlessloyalty.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.local.template.HttpRouteDef;

/**
 * API Gateway HTTP API route selection: a request goes to the most specific route that matches its method
 * and path. Exact routes beat greedy ({@code {proxy+}}) ones, more literal segments beat fewer, a literal
 * beats a variable at the first segment where two routes differ, an explicit method beats {@code ANY}, and
 * {@code $default} takes what nothing else does. A trailing slash is ignored ({@code GET /api/} is
 * {@code GET /api}). No match is API Gateway's 404.
 */
public final class RouteTable {

    /** A route that matched, with the decoded values of its path variables. */
    public record Match(HttpRouteDef route, Map<String, String> pathParameters) {
    }

    private record Segment(String literal, String variable, boolean greedy) {

        static Segment parse(String text) {
            if (text.startsWith("{") && text.endsWith("}")) {
                String name = text.substring(1, text.length() - 1);
                boolean greedy = name.endsWith("+");
                return new Segment(null, greedy ? name.substring(0, name.length() - 1) : name, greedy);
            }
            return new Segment(text, null, false);
        }

        boolean isLiteral() {
            return literal != null;
        }
    }

    private record Route(HttpRouteDef definition, List<Segment> segments) {

        boolean greedy() {
            return !segments.isEmpty() && segments.get(segments.size() - 1).greedy();
        }

        long literals() {
            return segments.stream().filter(Segment::isLiteral).count();
        }
    }

    /** Most specific first; the first route that matches wins. */
    private static final Comparator<Route> SPECIFICITY = Comparator
            .comparing((Route r) -> r.definition().isDefaultRoute())
            .thenComparing(Route::greedy)
            .thenComparing(Comparator.comparingLong(Route::literals).reversed())
            .thenComparing(RouteTable::literalPositions)
            .thenComparing(r -> r.definition().method().equals(HttpRouteDef.ANY));

    private final List<Route> routes;

    public RouteTable(List<HttpRouteDef> definitions) {
        List<Route> parsed = new ArrayList<>();
        for (HttpRouteDef definition : definitions) {
            List<Segment> segments = definition.isDefaultRoute() ? List.of()
                    : split(definition.path()).stream().map(Segment::parse).toList();
            for (int i = 0; i < segments.size() - 1; i++) {
                if (segments.get(i).greedy()) {
                    throw new IllegalArgumentException(definition.routeKey() + ": a greedy variable must be the last segment");
                }
            }
            parsed.add(new Route(definition, segments));
        }
        parsed.sort(SPECIFICITY);
        this.routes = List.copyOf(parsed);
    }

    public Optional<Match> match(String method, String rawPath) {
        List<String> requestSegments = new ArrayList<>();
        for (String raw : split(rawPath)) {
            requestSegments.add(decodePathSegment(raw));
        }
        for (Route route : routes) {
            String routeMethod = route.definition().method();
            if (!routeMethod.equals(HttpRouteDef.ANY) && !routeMethod.equals(method)) {
                continue;
            }
            if (route.definition().isDefaultRoute()) {
                return Optional.of(new Match(route.definition(), Map.of()));
            }
            Map<String, String> parameters = bind(route, requestSegments);
            if (parameters != null) {
                return Optional.of(new Match(route.definition(), parameters));
            }
        }
        return Optional.empty();
    }

    /** The routes in the order they are tried (for the startup banner). */
    public List<HttpRouteDef> routes() {
        return routes.stream().map(Route::definition).toList();
    }

    private static Map<String, String> bind(Route route, List<String> request) {
        List<Segment> segments = route.segments();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.greedy()) {
                if (request.size() <= i) {
                    return null;
                }
                parameters.put(segment.variable(), String.join("/", request.subList(i, request.size())));
                return parameters;
            }
            if (i >= request.size()) {
                return null;
            }
            String value = request.get(i);
            if (segment.isLiteral()) {
                if (!segment.literal().equals(value)) {
                    return null;
                }
            } else {
                parameters.put(segment.variable(), value);
            }
        }
        return segments.size() == request.size() ? parameters : null;
    }

    /** Among routes with as many literals, the one whose first literal comes earlier is more specific. */
    private static String literalPositions(Route route) {
        StringBuilder key = new StringBuilder();
        for (Segment segment : route.segments()) {
            key.append(segment.isLiteral() ? '0' : '1');
        }
        return key.toString();
    }

    /** Non-empty segments: {@code /api/} and {@code /api} both give {@code [api]}. */
    private static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        return segments;
    }

    /** Percent-decoding of a path segment ({@code +} stays a plus sign in a path). */
    static String decodePathSegment(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
