package org.serverlessloyalty.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.serverlessloyalty.shared.platform.health.HealthProbe;
import org.serverlessloyalty.shared.platform.http.ApiResponse;

/** {@code GET /api} (name and version) and {@code GET /api/healthcheck}, as Open Loyalty answers them. */
final class ServiceRoutes {

    private final List<HealthProbe> probes;
    private final Map<String, String> info;

    ServiceRoutes(List<HealthProbe> probes) {
        this.probes = probes;
        Properties properties = new Properties();
        try (InputStream in = ServiceRoutes.class.getResourceAsStream("/serverless-loyalty.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.info = Map.of(
                "name", properties.getProperty("name", "serverless-loyalty"),
                "version", properties.getProperty("version", "unknown"));
    }

    ApiResponse info() {
        return ApiResponse.ok(new java.util.TreeMap<>(info));
    }

    /** 204 when every dependency answers; else 503 listing each one's status. */
    ApiResponse health() {
        List<Map<String, Object>> statuses = new ArrayList<>();
        boolean healthy = true;
        for (HealthProbe probe : probes) {
            var problem = probe.problem();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("name", probe.name());
            status.put("status", problem.isEmpty() ? "OK" : "Problem");
            problem.ifPresent(message -> status.put("message", message));
            statuses.add(status);
            healthy &= problem.isEmpty();
        }
        return healthy ? ApiResponse.noContent() : new ApiResponse(503, statuses);
    }
}
