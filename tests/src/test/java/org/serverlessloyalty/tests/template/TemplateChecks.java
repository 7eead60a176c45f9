package org.serverlessloyalty.tests.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules every version of template.yaml must keep. Each returns the problems it found, so a test
 * can also prove a rule catches a broken template.
 */
@SuppressWarnings("unchecked")
final class TemplateChecks {

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(\\.[A-Za-z0-9.]+)?}");

    private TemplateChecks() {
    }

    /** Every Ref, GetAtt and Sub reference in a function's environment names a declared parameter or resource. */
    static List<String> undeclaredEnvironmentReferences(TemplateModel template) {
        List<String> problems = new ArrayList<>();
        for (TemplateModel.Function f : template.functions()) {
            f.environment().forEach((name, value) -> {
                for (String target : references(value)) {
                    if (!target.startsWith("AWS::") && !template.parameters().contains(target)
                            && template.resource(target) == null) {
                        problems.add(f.logicalId() + " " + name + " -> " + target);
                    }
                }
            });
        }
        return problems;
    }

    /** Every SQS event source has ReportBatchItemFailures and its queue has a DLQ that is declared. */
    static List<String> sqsSourcesWithoutDlqOrPartialFailures(TemplateModel template) {
        List<String> problems = new ArrayList<>();
        for (TemplateModel.Function f : template.functions()) {
            f.events().forEach((name, event) -> {
                if (!"SQS".equals(event.get("Type"))) {
                    return;
                }
                Map<String, Object> p = (Map<String, Object>) event.get("Properties");
                List<String> types = (List<String>) p.getOrDefault("FunctionResponseTypes", List.of());
                if (!types.contains("ReportBatchItemFailures")) {
                    problems.add(f.logicalId() + "." + name + " lacks FunctionResponseTypes: [ReportBatchItemFailures]");
                }
                List<String> queue = references(p.get("Queue"));
                if (queue.isEmpty() || template.resource(queue.get(0)) == null) {
                    problems.add(f.logicalId() + "." + name + " does not reference a declared queue");
                    return;
                }
                Map<String, Object> redrive = (Map<String, Object>) template.properties(queue.get(0)).get("RedrivePolicy");
                List<String> dlq = redrive == null ? List.of() : references(redrive.get("deadLetterTargetArn"));
                if (dlq.isEmpty() || !"AWS::SQS::Queue".equals(template.type(dlq.get(0)))) {
                    problems.add(f.logicalId() + "." + name + " reads " + queue.get(0) + ", which has no declared DLQ");
                } else if (redrive.get("maxReceiveCount") == null) {
                    problems.add(queue.get(0) + " RedrivePolicy has no maxReceiveCount");
                }
            });
        }
        return problems;
    }

    /**
     * Every function with an HttpApi event has an alarm on the 5xx answers its error mapper counts: metric
     * {@code metricName} in the functions' metrics namespace with the function's service name as the only dimension.
     * No alarm watches {@code AWS/Lambda Errors} of an HTTP function: it returns its 5xx as responses, so that
     * alarm could never fire.
     */
    static List<String> httpFunctionAlarmProblems(TemplateModel template, String metricName) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> environment =
                (Map<String, Object>) template.globalsFunction().getOrDefault("Environment", Map.of());
        Object namespace = ((Map<String, Object>) environment.getOrDefault("Variables", Map.of()))
                .get("POWERTOOLS_METRICS_NAMESPACE");
        List<String> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        for (TemplateModel.Function f : template.functions()) {
            boolean http = f.events().values().stream().anyMatch(e -> "HttpApi".equals(e.get("Type")));
            if (!http) {
                continue;
            }
            Object service = f.environment().get("POWERTOOLS_SERVICE_NAME");
            boolean watched = alarms.stream().map(template::properties).anyMatch(a ->
                    metricName.equals(a.get("MetricName")) && namespace != null && namespace.equals(a.get("Namespace"))
                            && List.of(Map.of("Name", "Service", "Value", String.valueOf(service)))
                                    .equals(a.get("Dimensions")));
            if (!watched) {
                problems.add(f.logicalId() + " has no alarm on " + namespace + " " + metricName + " Service=" + service);
            }
            for (String id : alarms) {
                Map<String, Object> a = template.properties(id);
                List<Map<String, Object>> dimensions =
                        (List<Map<String, Object>>) a.getOrDefault("Dimensions", List.of());
                boolean onThisFunction = dimensions.stream().anyMatch(d -> "FunctionName".equals(d.get("Name"))
                        && references(d.get("Value")).contains(f.logicalId()));
                if ("AWS/Lambda".equals(a.get("Namespace")) && "Errors".equals(a.get("MetricName")) && onThisFunction) {
                    problems.add(id + " watches AWS/Lambda Errors of " + f.logicalId()
                            + ", which answers its failures as 5xx responses");
                }
            }
        }
        return problems;
    }

    /** The logical ids a value refers to through Ref, Fn::GetAtt or Fn::Sub. */
    static List<String> references(Object value) {
        List<String> refs = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            if (map.get("Ref") instanceof String ref) {
                refs.add(ref);
            }
            if (map.get("Fn::GetAtt") instanceof List<?> att) {
                refs.add((String) att.get(0));
            }
            Object sub = map.get("Fn::Sub");
            if (sub instanceof String s) {
                Matcher m = SUB_REFERENCE.matcher(s);
                while (m.find()) {
                    refs.add(m.group(1));
                }
            } else if (sub instanceof List<?> list) {
                Map<String, Object> locals = list.size() > 1 ? (Map<String, Object>) list.get(1) : Map.of();
                Matcher m = SUB_REFERENCE.matcher((String) list.get(0));
                while (m.find()) {
                    if (!locals.containsKey(m.group(1))) {
                        refs.add(m.group(1));
                    }
                }
                locals.values().forEach(v -> refs.addAll(references(v)));
            }
        }
        return refs;
    }
}
