package org.serverlessloyalty.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What template.yaml asks for, resolved against the local account: the functions with their environment,
 * HTTP routes, SQS event sources and rate schedules, the tables, and the queues (dead-letter queues first).
 *
 * <p>Resources the local stack has no use for (log groups, alarms, the HttpApi's throttling) are listed in
 * {@link #ignoredResources()}; things it cannot emulate but that do matter are in {@link #warnings()}.
 */
public record StackModel(String source, Map<String, String> parameters, List<FunctionDef> functions,
                         List<TableDef> tables, List<QueueDef> queues, List<BucketDef> buckets,
                         List<String> ignoredResources, List<String> warnings) {

    public StackModel {
        parameters = Map.copyOf(parameters);
        functions = List.copyOf(functions);
        tables = List.copyOf(tables);
        queues = List.copyOf(queues);
        buckets = List.copyOf(buckets);
        ignoredResources = List.copyOf(ignoredResources);
        warnings = List.copyOf(warnings);
    }

    /**
     * Resolves {@code template}: each parameter takes its {@code Default} unless {@code parameterOverrides}
     * names it, and {@code Ref}/{@code Fn::GetAtt} of resources read as {@code account} places them.
     */
    public static StackModel resolve(Template template, Map<String, String> parameterOverrides, LocalAccount account) {
        return new StackResolver(template, parameterOverrides, account).resolve();
    }

    public List<HttpRouteDef> routes() {
        return functions.stream().flatMap(f -> f.routes().stream()).toList();
    }

    public List<SqsEventSourceDef> sqsEventSources() {
        return functions.stream().flatMap(f -> f.sqsEventSources().stream()).toList();
    }

    public List<ScheduleDef> schedules() {
        return functions.stream().flatMap(f -> f.schedules().stream()).toList();
    }

    public Optional<FunctionDef> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<TableDef> table(String logicalId) {
        return tables.stream().filter(t -> t.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<QueueDef> queue(String logicalId) {
        return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst();
    }
}
