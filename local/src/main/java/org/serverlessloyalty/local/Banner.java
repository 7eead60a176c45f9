package org.serverlessloyalty.local;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.serverlessloyalty.local.seed.DemoSeeder;
import org.serverlessloyalty.local.template.HttpRouteDef;
import org.serverlessloyalty.local.template.QueueDef;
import org.serverlessloyalty.local.template.TableDef;

/** The plain-text startup banner: where everything is, the keys, and a curl that works right away. */
final class Banner {

    private Banner() {
    }

    static String render(LocalStack stack, List<HttpRouteDef> routes, Path dataDir) {
        StringBuilder out = new StringBuilder();
        String base = stack.baseUri().toString();
        out.append('\n').append("serverless-loyalty local stack is up\n\n");
        row(out, "API", base);
        row(out, "API reference", base + "/docs   (OpenAPI: " + base + "/openapi.yaml)");
        if (routes.stream().anyMatch(r -> r.routeKey().equals("GET /console/{proxy+}"))) {
            row(out, "Console", base + "/console   (sign in with the admin key or a store's API key)");
        }
        row(out, "Admin key", stack.adminKey() + "   (header: Authorization: Bearer <admin key>)");
        stack.demoStore().ifPresent(store -> {
            row(out, "Demo store", store.code());
            row(out, "Store API key", store.apiKey() + "   (header: X-Api-Key)");
            if (store.publishableKey() != null) {
                row(out, "Publishable key", store.publishableKey() + "   (browser beacon: ?key=)");
            }
        });
        row(out, "Template", stack.templateSource());
        row(out, "Data", dataDir == null ? "in memory (tables and queued messages are lost when the stack stops)"
                : dataDir.toAbsolutePath().normalize() + " (tables and queued messages persist, also through a crash)");
        String tables = String.join(", ", stack.model().tables().stream().map(TableDef::tableName).toList());
        row(out, "DynamoDB", stack.dynamoDbEndpoint() + (tables.isEmpty() ? "" : "   tables: " + tables));
        String queues = String.join(", ", stack.model().queues().stream().map(QueueDef::queueName).toList());
        row(out, "SQS", stack.sqsEndpoint() + (queues.isEmpty() ? "   (no queues in the template)" : "   queues: " + queues));

        out.append("\nRoutes:\n");
        int width = routes.stream().mapToInt(r -> r.routeKey().length()).max().orElse(0);
        List<HttpRouteDef> byPath = routes.stream()
                .sorted(Comparator.comparing(HttpRouteDef::path).thenComparing(HttpRouteDef::method)).toList();
        for (HttpRouteDef route : byPath) {
            out.append("  ").append(pad(route.routeKey(), width)).append("  -> ").append(route.functionLogicalId()).append('\n');
        }
        stack.demoStore().ifPresent(store -> {
            out.append("\nTry it (validates the sample code WELCOME10; answers canUse true):\n  ");
            out.append("curl -s -X POST ").append(base).append("/api/giftCodes/validate/").append(store.code())
                    .append(" -H 'X-Api-Key: ").append(store.apiKey()).append("'")
                    .append(" -H 'Content-Type: application/json'")
                    .append(" -d '").append(DemoSeeder.SAMPLE_VALIDATION_JSON).append("'\n");
            if (routes.stream().anyMatch(r -> r.routeKey().equals("GET /api/{storeCode}/admin/customer/{customer}/status"))) {
                out.append("\nA demo member's points (answers \"points\":110):\n  ");
                out.append("curl -s ").append(base).append("/api/").append(store.code()).append("/admin/customer/")
                        .append(DemoSeeder.DEMO_MEMBER_ID).append("/status -H 'X-Api-Key: ").append(store.apiKey())
                        .append("'\n");
            }
        });
        out.append("\nCtrl-C stops the stack.\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("  ").append(pad(label, 17)).append(value).append('\n');
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
