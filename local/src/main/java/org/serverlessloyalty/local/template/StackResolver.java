package org.serverlessloyalty.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.serverlessloyalty.local.template.TableDef.AttributeDef;
import org.serverlessloyalty.local.template.TableDef.IndexDef;
import org.serverlessloyalty.local.template.TableDef.KeySchema;

/** Turns a {@link Template} into a {@link StackModel}: parameters, Globals, names, ARNs and URLs. */
final class StackResolver implements Intrinsics.ResourceValues {

    private static final Set<String> FUNCTION_TYPES = Set.of("AWS::Serverless::Function");
    private static final Set<String> TABLE_TYPES = Set.of("AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable");
    private static final String QUEUE_TYPE = "AWS::SQS::Queue";
    /** issue 11 (media): buckets are created in the stack's in-process S3. */
    private static final String BUCKET_TYPE = "AWS::S3::Bucket";
    private static final Set<String> API_TYPES = Set.of("AWS::Serverless::HttpApi", "AWS::Serverless::Api",
            "AWS::ApiGatewayV2::Api", "AWS::ApiGateway::RestApi");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template template;
    private final LocalAccount account;
    private final Map<String, Object> parameters;
    private final Intrinsics intrinsics;
    private final Set<String> namesInProgress = new HashSet<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    StackResolver(Template template, Map<String, String> parameterOverrides, LocalAccount account) {
        this.template = template;
        this.account = account;
        this.parameters = parameters(template, parameterOverrides);
        Map<String, String> pseudo = Map.of(
                "AWS::Region", account.region(),
                "AWS::AccountId", account.accountId(),
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com",
                "AWS::StackName", account.stackName(),
                "AWS::StackId", account.arn("cloudformation", "stack/" + account.stackName()
                        + "/00000000-0000-0000-0000-000000000000"));
        this.intrinsics = new Intrinsics(parameters, pseudo, template.mappings(), template.conditions(), this);
    }

    StackModel resolve() {
        List<FunctionDef> functions = new ArrayList<>();
        List<TableDef> tables = new ArrayList<>();
        List<QueueDef> queues = new ArrayList<>();
        List<BucketDef> buckets = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Template.Resource resource : template.resources().values()) {
            if (!exists(resource.logicalId())) {
                ignored.add(resource.logicalId() + " (" + resource.type() + ", condition false)");
                continue;
            }
            if (FUNCTION_TYPES.contains(resource.type())) {
                functions.add(function(resource));
            } else if (TABLE_TYPES.contains(resource.type())) {
                tables.add(table(resource));
            } else if (QUEUE_TYPE.equals(resource.type())) {
                queues.add(queue(resource));
            } else if (BUCKET_TYPE.equals(resource.type())) {
                buckets.add(new BucketDef(resource.logicalId(), name(resource)));
            } else if (!API_TYPES.contains(resource.type())) {
                ignored.add(resource.logicalId() + " (" + resource.type() + ")");
            }
        }
        checkRoutes(functions);
        queues = dependencyOrder(queues);
        functions = linkEventSources(functions, queues);
        Map<String, String> parameterText = new LinkedHashMap<>();
        parameters.forEach((k, v) -> parameterText.put(k, v instanceof List<?> l
                ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v)));
        return new StackModel(template.source(), parameterText, functions, tables, queues, buckets, ignored, warnings);
    }

    // ---- Parameters -------------------------------------------------------------------------------------

    private static Map<String, Object> parameters(Template template, Map<String, String> overrides) {
        Set<String> undeclared = new TreeSet<>(template.localParameterDefaults().keySet());
        undeclared.removeAll(template.parameters().keySet());
        if (!undeclared.isEmpty()) {
            throw new TemplateException("Metadata." + Template.LOCAL_STACK_METADATA + ".ParameterDefaults names "
                    + String.join(", ", undeclared) + ", which " + template.source() + " does not declare");
        }
        Set<String> unknown = new TreeSet<>(overrides.keySet());
        unknown.removeAll(template.parameters().keySet());
        if (!unknown.isEmpty()) {
            throw new TemplateException("Unknown parameter " + String.join(", ", unknown) + "; " + template.source()
                    + " declares " + String.join(", ", template.parameters().keySet()));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        template.parameters().forEach((name, raw) -> {
            Map<String, Object> declaration = Template.asMap(raw, "Parameters." + name);
            String type = String.valueOf(declaration.getOrDefault("Type", "String"));
            Object localDefault = template.localParameterDefaults().get(name);
            Object fallback = localDefault != null ? localDefault : declaration.get("Default");
            String value = overrides.containsKey(name) ? overrides.get(name)
                    : fallback == null ? null : defaultText(fallback);
            if (value == null) {
                throw new TemplateException("Parameter " + name + " has no Default; pass --parameter " + name + "=VALUE");
            }
            check(name, declaration, type, value);
            values.put(name, type.equals("CommaDelimitedList") || type.startsWith("List<")
                    ? List.of(value.split("\\s*,\\s*", -1)) : value);
        });
        return values;
    }

    private static String defaultText(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static void check(String name, Map<String, Object> declaration, String type, String value) {
        Object allowed = declaration.get("AllowedValues");
        if (allowed instanceof List<?> list && list.stream().map(String::valueOf).noneMatch(value::equals)) {
            throw new TemplateException("Parameter " + name + "=" + value + " is not one of " + list);
        }
        Object pattern = declaration.get("AllowedPattern");
        if (pattern != null) {
            try {
                if (!Pattern.compile(String.valueOf(pattern)).matcher(value).matches()) {
                    throw new TemplateException("Parameter " + name + "=" + value + " does not match " + pattern);
                }
            } catch (PatternSyntaxException e) {
                throw new TemplateException("Parameter " + name + " has an invalid AllowedPattern: " + pattern, e);
            }
        }
        if (type.equals("Number")) {
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new TemplateException("Parameter " + name + "=" + value + " is not a number", e);
            }
            if (declaration.get("MinValue") instanceof Number min && number < min.doubleValue()) {
                throw new TemplateException("Parameter " + name + "=" + value + " is below MinValue " + min);
            }
            if (declaration.get("MaxValue") instanceof Number max && number > max.doubleValue()) {
                throw new TemplateException("Parameter " + name + "=" + value + " is above MaxValue " + max);
            }
        }
        if (declaration.get("MinLength") instanceof Number min && value.length() < min.intValue()) {
            throw new TemplateException("Parameter " + name + " is shorter than MinLength " + min);
        }
        if (declaration.get("MaxLength") instanceof Number max && value.length() > max.intValue()) {
            throw new TemplateException("Parameter " + name + " is longer than MaxLength " + max);
        }
    }

    // ---- Ref and GetAtt of resources ----------------------------------------------------------------------

    @Override
    public boolean exists(String logicalId) {
        var resource = template.resources().get(logicalId);
        if (resource == null) {
            return false;
        }
        return resource.condition() == null || intrinsics.condition(Intrinsics.scalar(resource.condition(),
                logicalId + ".Condition"));
    }

    @Override
    public Object ref(String logicalId) {
        Template.Resource resource = template.resources().get(logicalId);
        String type = resource.type();
        if (QUEUE_TYPE.equals(type)) {
            return account.queueUrl(name(resource));
        }
        if (API_TYPES.contains(type)) {
            return account.apiId();
        }
        if (type.equals("AWS::SNS::Topic")) {
            return account.arn("sns", name(resource));
        }
        return name(resource);
    }

    @Override
    public Object getAtt(String logicalId, String attribute) {
        Template.Resource resource = template.resources().get(logicalId);
        String type = resource.type();
        String where = "Fn::GetAtt " + logicalId + "." + attribute;
        if (QUEUE_TYPE.equals(type)) {
            return switch (attribute) {
                case "Arn" -> account.queueArn(name(resource));
                case "QueueName" -> name(resource);
                case "QueueUrl" -> account.queueUrl(name(resource));
                default -> throw new TemplateException(where + ": a queue has Arn, QueueName and QueueUrl");
            };
        }
        if (BUCKET_TYPE.equals(type)) {
            return switch (attribute) {
                // S3 ARNs name no region or account.
                case "Arn" -> "arn:aws:s3:::" + name(resource);
                case "DomainName" -> name(resource) + ".s3.amazonaws.com";
                default -> throw new TemplateException(where + ": a bucket has Arn and DomainName here");
            };
        }
        if (TABLE_TYPES.contains(type)) {
            return switch (attribute) {
                case "Arn" -> account.tableArn(name(resource));
                case "StreamArn" -> account.tableArn(name(resource)) + "/stream/1970-01-01T00:00:00.000";
                default -> throw new TemplateException(where + ": a table has Arn and StreamArn");
            };
        }
        if (FUNCTION_TYPES.contains(type) || type.equals("AWS::Lambda::Function")) {
            if (attribute.equals("Arn")) {
                return account.functionArn(name(resource));
            }
        } else if (API_TYPES.contains(type)) {
            if (attribute.equals("ApiEndpoint")) {
                return account.apiEndpoint().toString();
            }
            if (attribute.equals("ApiId") || attribute.equals("RootResourceId")) {
                return account.apiId();
            }
        } else if (type.equals("AWS::Logs::LogGroup")) {
            if (attribute.equals("Arn")) {
                return account.arn("logs", "log-group:" + name(resource) + ":*");
            }
        } else if (attribute.equals("Arn")) {
            String service = type.split("::").length > 1 ? type.split("::")[1].toLowerCase(Locale.ROOT) : "local";
            return account.arn(service, name(resource));
        }
        throw new TemplateException(where + " (" + type + ") is not emulated by the local stack");
    }

    /** The physical name: the name property when the template sets one, else the logical id. */
    private String name(Template.Resource resource) {
        String known = names.get(resource.logicalId());
        if (known != null) {
            return known;
        }
        if (!namesInProgress.add(resource.logicalId())) {
            throw new TemplateException(resource.logicalId() + ": its name refers to itself");
        }
        try {
            String property = switch (resource.type()) {
                case QUEUE_TYPE -> "QueueName";
                case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> "TableName";
                case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "FunctionName";
                case "AWS::Logs::LogGroup" -> "LogGroupName";
                case "AWS::SNS::Topic" -> "TopicName";
                case BUCKET_TYPE -> "BucketName";
                default -> null;
            };
            String name = property == null ? null
                    : intrinsics.string(resource.property(property), resource.logicalId() + "." + property);
            if (QUEUE_TYPE.equals(resource.type())) {
                boolean fifo = bool(resource.property("FifoQueue"), resource.logicalId() + ".FifoQueue", false);
                if (name == null) {
                    name = resource.logicalId() + (fifo ? ".fifo" : "");
                } else if (fifo != name.endsWith(".fifo")) {
                    throw new TemplateException(resource.logicalId() + ": QueueName " + name
                            + (fifo ? " must end in .fifo for a FIFO queue" : " ends in .fifo but FifoQueue is not true"));
                }
            }
            if (name == null && BUCKET_TYPE.equals(resource.type())) {
                // As CloudFormation names an unnamed bucket: the stack and the logical id, lower case (S3's rule).
                name = (account.stackName() + "-" + resource.logicalId()).toLowerCase(Locale.ROOT);
            }
            if (name == null) {
                name = resource.logicalId();
            }
            names.put(resource.logicalId(), name);
            return name;
        } finally {
            namesInProgress.remove(resource.logicalId());
        }
    }

    // ---- Functions ----------------------------------------------------------------------------------------

    private FunctionDef function(Template.Resource resource) {
        String id = resource.logicalId();
        Map<String, Object> properties = merge(template.functionGlobals(), resource.properties());
        String handler = intrinsics.string(properties.get("Handler"), id + ".Handler");
        if (handler == null || handler.isBlank()) {
            throw new TemplateException(id + ": Handler is missing");
        }
        String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        String handlerMethod = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
        Map<String, String> environment = new LinkedHashMap<>();
        Object variables = Template.asMap(properties.get("Environment"), id + ".Environment").get("Variables");
        Template.asMap(variables, id + ".Environment.Variables").forEach((name, value) -> {
            String resolved = intrinsics.string(value, id + ".Environment.Variables." + name);
            if (resolved != null) {
                environment.put(name, resolved);
            }
        });
        List<HttpRouteDef> routes = new ArrayList<>();
        List<SqsEventSourceDef> sqs = new ArrayList<>();
        List<ScheduleDef> schedules = new ArrayList<>();
        Template.asMap(properties.get("Events"), id + ".Events").forEach((eventName, raw) -> {
            Map<String, Object> event = Template.asMap(raw, id + ".Events." + eventName);
            String type = String.valueOf(event.get("Type"));
            Map<String, Object> eventProperties = Template.asMap(event.get("Properties"), id + ".Events." + eventName + ".Properties");
            String where = id + ".Events." + eventName;
            switch (type) {
                case "HttpApi" -> routes.add(route(id, eventName, eventProperties, where));
                case "SQS" -> sqs.add(sqsSource(id, eventName, eventProperties, where));
                case "Schedule" -> schedule(id, eventName, eventProperties, where).ifPresent(schedules::add);
                case "Api" -> warnings.add(where + ": REST API (Type: Api) events are not served locally; use HttpApi");
                default -> warnings.add(where + ": events of Type " + type + " are not emulated locally");
            }
        });
        return new FunctionDef(id, name(resource), handlerClass, handlerMethod,
                intrinsics.string(properties.get("Runtime"), id + ".Runtime"),
                integer(properties.get("Timeout"), id + ".Timeout", FunctionDef.DEFAULT_TIMEOUT_SECONDS),
                integer(properties.get("MemorySize"), id + ".MemorySize", FunctionDef.DEFAULT_MEMORY_MB),
                environment, routes, sqs, schedules);
    }

    /** A rate schedule; a cron expression is reported, not run. {@code Enabled: false} or {@code State: DISABLED} keeps it off. */
    private java.util.Optional<ScheduleDef> schedule(String functionId, String eventName, Map<String, Object> properties,
                                                     String where) {
        String expression = intrinsics.string(properties.get("Schedule"), where + ".Schedule");
        if (expression == null || expression.isBlank()) {
            throw new TemplateException(where + ": Schedule is missing");
        }
        var rate = ScheduleDef.parseRate(expression);
        if (rate.isEmpty()) {
            warnings.add(where + ": Schedule " + expression + " is not run locally (only rate(...) expressions are)");
            return java.util.Optional.empty();
        }
        boolean on = bool(properties.get("Enabled"), where + ".Enabled", true)
                && !"DISABLED".equalsIgnoreCase(String.valueOf(intrinsics.string(properties.get("State"), where + ".State")));
        return java.util.Optional.of(new ScheduleDef(functionId, eventName, expression, rate.get(), on));
    }

    /** SAM's Globals rule: the function's own value wins; maps (Environment.Variables) merge key by key. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        own.forEach((key, value) -> {
            Object global = merged.get(key);
            if (global instanceof Map<?, ?> g && value instanceof Map<?, ?> v && !isIntrinsic(v)) {
                merged.put(key, merge((Map<String, Object>) g, (Map<String, Object>) v));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    private HttpRouteDef route(String functionId, String eventName, Map<String, Object> properties, String where) {
        String path = intrinsics.string(properties.get("Path"), where + ".Path");
        String method = intrinsics.string(properties.get("Method"), where + ".Method");
        if (path == null) {
            return new HttpRouteDef(functionId, eventName, HttpRouteDef.ANY, HttpRouteDef.DEFAULT_ROUTE);
        }
        if (!path.startsWith("/")) {
            throw new TemplateException(where + ".Path " + path + " must start with /");
        }
        String normalizedMethod = method == null || method.equalsIgnoreCase("any") || method.equals("*")
                ? HttpRouteDef.ANY : method.toUpperCase(Locale.ROOT);
        return new HttpRouteDef(functionId, eventName, normalizedMethod, path);
    }

    private SqsEventSourceDef sqsSource(String functionId, String eventName, Map<String, Object> properties, String where) {
        String queueArn = intrinsics.string(properties.get("Queue"), where + ".Queue");
        if (queueArn == null) {
            throw new TemplateException(where + ": Queue is missing");
        }
        int batchSize = integer(properties.get("BatchSize"), where + ".BatchSize", SqsEventSourceDef.DEFAULT_BATCH_SIZE);
        int window = integer(properties.get("MaximumBatchingWindowInSeconds"), where + ".MaximumBatchingWindowInSeconds", 0);
        Object types = intrinsics.resolve(properties.get("FunctionResponseTypes"), where + ".FunctionResponseTypes");
        boolean reportFailures = types instanceof List<?> list && list.contains("ReportBatchItemFailures");
        boolean enabled = bool(properties.get("Enabled"), where + ".Enabled", true);
        if (properties.containsKey("FilterCriteria")) {
            warnings.add(where + ": FilterCriteria is not applied locally; every message reaches the function");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new TemplateException(where + ".BatchSize " + batchSize + " must be between 1 and 10000");
        }
        if (batchSize > 10 && window == 0) {
            throw new TemplateException(where + ": BatchSize above 10 needs MaximumBatchingWindowInSeconds (as on AWS)");
        }
        return new SqsEventSourceDef(functionId, eventName, null, queueArn, batchSize, window, reportFailures, enabled);
    }

    /** Points each SQS event source at its template queue (Lambda here can only poll queues the stack creates). */
    private List<FunctionDef> linkEventSources(List<FunctionDef> functions, List<QueueDef> queues) {
        List<FunctionDef> linked = new ArrayList<>();
        for (FunctionDef function : functions) {
            List<SqsEventSourceDef> sources = new ArrayList<>();
            for (SqsEventSourceDef source : function.sqsEventSources()) {
                QueueDef queue = queues.stream().filter(q -> q.arn().equals(source.queueArn())).findFirst()
                        .orElseThrow(() -> new TemplateException(function.logicalId() + ".Events." + source.eventName()
                                + ": Queue " + source.queueArn() + " is not a queue of this template"));
                if (queue.fifo() && source.batchSize() > 10) {
                    throw new TemplateException(function.logicalId() + ".Events." + source.eventName()
                            + ": a FIFO queue allows BatchSize up to 10");
                }
                if (queue.visibilityTimeoutOrDefault() < function.timeoutSeconds()) {
                    warnings.add(function.logicalId() + ".Events." + source.eventName() + ": queue " + queue.logicalId()
                            + " VisibilityTimeout " + queue.visibilityTimeoutOrDefault() + "s is below the function Timeout "
                            + function.timeoutSeconds() + "s; AWS refuses this event source");
                } else if (queue.visibilityTimeoutOrDefault() < function.timeoutSeconds() + source.maximumBatchingWindowSeconds()) {
                    warnings.add(function.logicalId() + ".Events." + source.eventName() + ": queue " + queue.logicalId()
                            + " VisibilityTimeout is shorter than Timeout + MaximumBatchingWindowInSeconds; messages may"
                            + " reappear while their batch is still being gathered or processed");
                }
                sources.add(new SqsEventSourceDef(source.functionLogicalId(), source.eventName(), queue.logicalId(),
                        source.queueArn(), source.batchSize(), source.maximumBatchingWindowSeconds(),
                        source.reportBatchItemFailures(), source.enabled()));
            }
            linked.add(new FunctionDef(function.logicalId(), function.functionName(), function.handlerClass(),
                    function.handlerMethod(), function.runtime(), function.timeoutSeconds(), function.memorySizeMb(),
                    function.environment(), function.routes(), sources, function.schedules()));
        }
        return linked;
    }

    private static void checkRoutes(List<FunctionDef> functions) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (FunctionDef function : functions) {
            for (HttpRouteDef route : function.routes()) {
                String previous = seen.putIfAbsent(route.routeKey(), function.logicalId() + "." + route.eventName());
                if (previous != null) {
                    throw new TemplateException("Route " + route.routeKey() + " is declared twice: " + previous + " and "
                            + function.logicalId() + "." + route.eventName());
                }
            }
        }
    }

    // ---- Tables -------------------------------------------------------------------------------------------

    private TableDef table(Template.Resource resource) {
        String id = resource.logicalId();
        Map<String, Object> p = resolved(resource, "PrimaryKey", "AttributeDefinitions", "KeySchema",
                "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "BillingMode", "ProvisionedThroughput",
                "TimeToLiveSpecification", "StreamSpecification");
        if (resource.type().equals("AWS::Serverless::SimpleTable")) {
            Map<String, Object> primaryKey = Template.asMap(p.get("PrimaryKey"), id + ".PrimaryKey");
            String keyName = String.valueOf(primaryKey.getOrDefault("Name", "id"));
            String keyType = switch (String.valueOf(primaryKey.getOrDefault("Type", "String"))) {
                case "Number" -> "N";
                case "Binary" -> "B";
                default -> "S";
            };
            return new TableDef(id, name(resource), List.of(new AttributeDef(keyName, keyType)),
                    new KeySchema(keyName, null), List.of(), List.of(), "PAY_PER_REQUEST", null, null, null, null);
        }
        List<AttributeDef> attributes = new ArrayList<>();
        for (Object raw : list(p.get("AttributeDefinitions"), id + ".AttributeDefinitions")) {
            Map<String, Object> a = Template.asMap(raw, id + ".AttributeDefinitions[]");
            attributes.add(new AttributeDef(text(a.get("AttributeName"), id + ".AttributeDefinitions[].AttributeName"),
                    text(a.get("AttributeType"), id + ".AttributeDefinitions[].AttributeType")));
        }
        KeySchema key = keySchema(p.get("KeySchema"), id + ".KeySchema");
        List<IndexDef> gsis = indexes(p.get("GlobalSecondaryIndexes"), id + ".GlobalSecondaryIndexes");
        List<IndexDef> lsis = indexes(p.get("LocalSecondaryIndexes"), id + ".LocalSecondaryIndexes");
        Set<String> declared = new HashSet<>();
        attributes.forEach(a -> declared.add(a.name()));
        List<KeySchema> allKeys = new ArrayList<>();
        allKeys.add(key);
        gsis.forEach(i -> allKeys.add(i.keySchema()));
        lsis.forEach(i -> allKeys.add(i.keySchema()));
        for (KeySchema k : allKeys) {
            for (String attribute : new String[] {k.hashKey(), k.rangeKey()}) {
                if (attribute != null && !declared.contains(attribute)) {
                    throw new TemplateException(id + ": key attribute " + attribute + " is not in AttributeDefinitions");
                }
            }
        }
        Map<String, Object> throughput = Template.asMap(p.get("ProvisionedThroughput"), id + ".ProvisionedThroughput");
        Map<String, Object> ttl = Template.asMap(p.get("TimeToLiveSpecification"), id + ".TimeToLiveSpecification");
        String ttlAttribute = bool(ttl.get("Enabled"), id + ".TimeToLiveSpecification.Enabled", false)
                ? text(ttl.get("AttributeName"), id + ".TimeToLiveSpecification.AttributeName") : null;
        Map<String, Object> stream = Template.asMap(p.get("StreamSpecification"), id + ".StreamSpecification");
        return new TableDef(id, name(resource), attributes, key, gsis, lsis,
                p.get("BillingMode") == null ? "PROVISIONED" : text(p.get("BillingMode"), id + ".BillingMode"),
                longValue(throughput.get("ReadCapacityUnits")), longValue(throughput.get("WriteCapacityUnits")),
                ttlAttribute, stream.get("StreamViewType") == null ? null : String.valueOf(stream.get("StreamViewType")));
    }

    private List<IndexDef> indexes(Object raw, String where) {
        List<IndexDef> indexes = new ArrayList<>();
        if (raw == null) {
            return indexes;
        }
        for (Object entry : list(raw, where)) {
            Map<String, Object> index = Template.asMap(entry, where + "[]");
            String name = text(index.get("IndexName"), where + "[].IndexName");
            Map<String, Object> projection = Template.asMap(index.get("Projection"), where + "." + name + ".Projection");
            Map<String, Object> throughput = Template.asMap(index.get("ProvisionedThroughput"), where + "." + name);
            List<String> nonKey = projection.get("NonKeyAttributes") == null ? List.of()
                    : list(projection.get("NonKeyAttributes"), where + "." + name).stream().map(String::valueOf).toList();
            indexes.add(new IndexDef(name, keySchema(index.get("KeySchema"), where + "." + name + ".KeySchema"),
                    String.valueOf(projection.getOrDefault("ProjectionType", "ALL")), nonKey,
                    longValue(throughput.get("ReadCapacityUnits")), longValue(throughput.get("WriteCapacityUnits"))));
        }
        return indexes;
    }

    private KeySchema keySchema(Object raw, String where) {
        String hash = null;
        String range = null;
        for (Object entry : list(raw, where)) {
            Map<String, Object> element = Template.asMap(entry, where + "[]");
            String attribute = text(element.get("AttributeName"), where + "[].AttributeName");
            String keyType = text(element.get("KeyType"), where + "[].KeyType");
            if (keyType.equals("HASH")) {
                hash = attribute;
            } else if (keyType.equals("RANGE")) {
                range = attribute;
            } else {
                throw new TemplateException(where + ": KeyType " + keyType + " must be HASH or RANGE");
            }
        }
        if (hash == null) {
            throw new TemplateException(where + " has no HASH key");
        }
        return new KeySchema(hash, range);
    }

    // ---- Queues -------------------------------------------------------------------------------------------

    private QueueDef queue(Template.Resource resource) {
        String id = resource.logicalId();
        Map<String, Object> p = resolved(resource, "FifoQueue", "ContentBasedDeduplication", "VisibilityTimeout",
                "MessageRetentionPeriod", "DelaySeconds", "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds",
                "RedrivePolicy");
        String name = name(resource);
        boolean fifo = bool(p.get("FifoQueue"), id + ".FifoQueue", false);
        QueueDef.Redrive redrive = null;
        Object policy = p.get("RedrivePolicy");
        if (policy instanceof String json) {
            try {
                policy = JSON.readValue(json, Map.class);
            } catch (JsonProcessingException e) {
                throw new TemplateException(id + ".RedrivePolicy is not valid JSON", e);
            }
        }
        if (policy != null) {
            Map<String, Object> redrivePolicy = Template.asMap(policy, id + ".RedrivePolicy");
            String target = text(redrivePolicy.get("deadLetterTargetArn"), id + ".RedrivePolicy.deadLetterTargetArn");
            int maxReceiveCount = integer(redrivePolicy.get("maxReceiveCount"), id + ".RedrivePolicy.maxReceiveCount", 10);
            redrive = new QueueDef.Redrive(target, null, maxReceiveCount);
        }
        return new QueueDef(id, name, account.queueUrl(name), account.queueArn(name), fifo,
                bool(p.get("ContentBasedDeduplication"), id + ".ContentBasedDeduplication", false),
                optionalInteger(p.get("VisibilityTimeout"), id + ".VisibilityTimeout"),
                optionalInteger(p.get("MessageRetentionPeriod"), id + ".MessageRetentionPeriod"),
                optionalInteger(p.get("DelaySeconds"), id + ".DelaySeconds"),
                optionalInteger(p.get("MaximumMessageSize"), id + ".MaximumMessageSize"),
                optionalInteger(p.get("ReceiveMessageWaitTimeSeconds"), id + ".ReceiveMessageWaitTimeSeconds"),
                redrive);
    }

    /** Dead-letter queues before the queues that redrive to them; a redrive to an unknown queue fails. */
    private static List<QueueDef> dependencyOrder(List<QueueDef> queues) {
        Map<String, QueueDef> byArn = new LinkedHashMap<>();
        queues.forEach(q -> byArn.put(q.arn(), q));
        List<QueueDef> linked = new ArrayList<>();
        for (QueueDef queue : queues) {
            if (queue.redrive() == null) {
                linked.add(queue);
                continue;
            }
            QueueDef dlq = byArn.get(queue.redrive().deadLetterTargetArn());
            if (dlq == null) {
                throw new TemplateException(queue.logicalId() + ".RedrivePolicy: deadLetterTargetArn "
                        + queue.redrive().deadLetterTargetArn() + " is not a queue of this template");
            }
            if (dlq.fifo() != queue.fifo()) {
                throw new TemplateException(queue.logicalId() + ".RedrivePolicy: the dead-letter queue of a "
                        + (queue.fifo() ? "FIFO" : "standard") + " queue must be " + (queue.fifo() ? "FIFO" : "standard"));
            }
            linked.add(new QueueDef(queue.logicalId(), queue.queueName(), queue.queueUrl(), queue.arn(), queue.fifo(),
                    queue.contentBasedDeduplication(), queue.visibilityTimeout(), queue.messageRetentionPeriod(),
                    queue.delaySeconds(), queue.maximumMessageSize(), queue.receiveMessageWaitTimeSeconds(),
                    new QueueDef.Redrive(queue.redrive().deadLetterTargetArn(), dlq.logicalId(),
                            queue.redrive().maxReceiveCount())));
        }
        Map<String, QueueDef> byId = new LinkedHashMap<>();
        linked.forEach(q -> byId.put(q.logicalId(), q));
        Set<String> ordered = new LinkedHashSet<>();
        for (QueueDef queue : linked) {
            visit(queue, byId, ordered, new HashSet<>());
        }
        return ordered.stream().map(byId::get).toList();
    }

    private static void visit(QueueDef queue, Map<String, QueueDef> byId, Set<String> ordered, Set<String> path) {
        if (ordered.contains(queue.logicalId())) {
            return;
        }
        if (!path.add(queue.logicalId())) {
            throw new TemplateException("Queues redrive to each other in a cycle through " + queue.logicalId());
        }
        if (queue.redrive() != null) {
            visit(byId.get(queue.redrive().deadLetterQueueLogicalId()), byId, ordered, path);
        }
        ordered.add(queue.logicalId());
    }

    // ---- Scalars ------------------------------------------------------------------------------------------

    /** Only the properties the stack uses are resolved: an unsupported function in Tags does not matter. */
    private Map<String, Object> resolved(Template.Resource resource, String... names) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : names) {
            Object value = intrinsics.resolve(resource.property(name), resource.logicalId() + "." + name);
            if (value != null) {
                values.put(name, value);
            }
        }
        return values;
    }

    private int integer(Object raw, String where, int defaultValue) {
        Integer value = optionalInteger(raw, where);
        return value == null ? defaultValue : value;
    }

    private Integer optionalInteger(Object raw, String where) {
        String text = intrinsics.string(raw, where);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(where + " must be a whole number, not " + text, e);
        }
    }

    private boolean bool(Object raw, String where, boolean defaultValue) {
        String text = intrinsics.string(raw, where);
        if (text == null) {
            return defaultValue;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new TemplateException(where + " must be true or false, not " + text);
    }

    private String text(Object raw, String where) {
        String text = intrinsics.string(raw, where);
        if (text == null) {
            throw new TemplateException(where + " is missing");
        }
        return text;
    }

    private static Long longValue(Object raw) {
        return raw == null ? null : Long.valueOf(String.valueOf(raw));
    }

    private static List<?> list(Object raw, String where) {
        if (raw instanceof List<?> list) {
            return list;
        }
        throw new TemplateException(where + " must be a list");
    }
}
