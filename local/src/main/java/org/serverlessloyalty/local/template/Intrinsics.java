package org.serverlessloyalty.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates CloudFormation intrinsic functions against local values: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub} (both forms), {@code Fn::If} with the template's {@code Conditions} ({@code Fn::Equals},
 * {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not}), {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::FindInMap}, {@code Fn::Base64}, {@code Fn::GetAZs}, {@code Fn::Length} and
 * {@code AWS::NoValue}. Anything else ({@code Fn::ImportValue}, {@code Fn::Cidr}, macros) fails with the
 * property's path, but only when the stack actually needs that property.
 */
public final class Intrinsics {

    /** How {@code Ref} and {@code Fn::GetAtt} of a resource read locally. */
    public interface ResourceValues {

        boolean exists(String logicalId);

        Object ref(String logicalId);

        Object getAtt(String logicalId, String attribute);
    }

    /** {@code !Ref AWS::NoValue}: the property is removed. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private final Map<String, Object> parameters;
    private final Map<String, String> pseudoParameters;
    private final Map<String, Object> mappings;
    private final Map<String, Object> conditionDefinitions;
    private final ResourceValues resources;
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Set<String> conditionsInProgress = new HashSet<>();

    public Intrinsics(Map<String, Object> parameters, Map<String, String> pseudoParameters, Map<String, Object> mappings,
                      Map<String, Object> conditions, ResourceValues resources) {
        this.parameters = parameters;
        this.pseudoParameters = pseudoParameters;
        this.mappings = mappings;
        this.conditionDefinitions = conditions;
        this.resources = resources;
    }

    /** The value with every intrinsic evaluated; null when it resolves to {@code AWS::NoValue}. */
    public Object resolve(Object node, String where) {
        Object value = evaluate(node, where);
        return value == NO_VALUE ? null : value;
    }

    /** A scalar property as text (numbers and booleans as CloudFormation passes them: {@code 30}, {@code true}). */
    public String string(Object node, String where) {
        Object value = resolve(node, where);
        if (value == null) {
            return null;
        }
        return scalar(value, where);
    }

    /** Whether the named entry of {@code Conditions} holds. */
    public boolean condition(String name) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        if (!conditionDefinitions.containsKey(name)) {
            throw new TemplateException("Condition " + name + " is not declared in Conditions");
        }
        if (!conditionsInProgress.add(name)) {
            throw new TemplateException("Condition " + name + " refers to itself");
        }
        try {
            boolean value = conditionValue(conditionDefinitions.get(name), "Conditions." + name);
            conditionValues.put(name, value);
            return value;
        } finally {
            conditionsInProgress.remove(name);
        }
    }

    static String scalar(Object value, String where) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new TemplateException(where + " must be a single value, not " + describe(value));
    }

    private Object evaluate(Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return function(key, only.getValue(), where);
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object value = evaluate(entry.getValue(), where + "." + key);
                if (value != NO_VALUE) {
                    resolved.put(key, value);
                }
            }
            return resolved;
        }
        if (node instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object value = evaluate(list.get(i), where + "[" + i + "]");
                if (value != NO_VALUE) {
                    resolved.add(value);
                }
            }
            return resolved;
        }
        return node;
    }

    private Object function(String name, Object argument, String where) {
        String at = where + " (" + name + ")";
        return switch (name) {
            case "Ref" -> ref(scalar(evaluate(argument, at), at), at);
            case "Fn::GetAtt" -> getAtt(argument, at);
            case "Fn::Sub" -> sub(argument, at);
            case "Fn::If" -> ifThenElse(argument, at);
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" -> conditionValue(Map.of(name, argument), at);
            case "Fn::Join" -> join(argument, at);
            case "Fn::Select" -> select(argument, at);
            case "Fn::Split" -> split(argument, at);
            case "Fn::FindInMap" -> findInMap(argument, at);
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    scalar(evaluate(argument, at), at).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(region() + "a", region() + "b", region() + "c");
            case "Fn::Length" -> list(evaluate(argument, at), at).size();
            default -> throw new TemplateException(at + ": " + name + " is not supported by the local stack");
        };
    }

    private String region() {
        return pseudoParameters.getOrDefault("AWS::Region", "us-east-1");
    }

    private Object ref(String name, String where) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (pseudoParameters.containsKey(name)) {
            return pseudoParameters.get(name);
        }
        if (resources.exists(name)) {
            return resources.ref(name);
        }
        throw new TemplateException(where + ": Ref " + name + " names no parameter, pseudo parameter or resource");
    }

    private Object getAtt(Object argument, String where) {
        Object value = evaluate(argument, where);
        String logicalId;
        String attribute;
        if (value instanceof String text && text.indexOf('.') > 0) {
            logicalId = text.substring(0, text.indexOf('.'));
            attribute = text.substring(text.indexOf('.') + 1);
        } else if (value instanceof List<?> parts && parts.size() == 2) {
            logicalId = scalar(parts.get(0), where);
            attribute = scalar(parts.get(1), where);
        } else {
            throw new TemplateException(where + ": Fn::GetAtt takes [Resource, Attribute] or Resource.Attribute");
        }
        if (!resources.exists(logicalId)) {
            throw new TemplateException(where + ": Fn::GetAtt " + logicalId + "." + attribute + " names no resource");
        }
        return resources.getAtt(logicalId, attribute);
    }

    private String sub(Object argument, String where) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof String string) {
            text = string;
        } else if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String string
                && list.get(1) instanceof Map<?, ?> map) {
            text = string;
            Map<String, Object> values = new HashMap<>();
            map.forEach((k, v) -> values.put(String.valueOf(k), evaluate(v, where + "." + k)));
            variables = values;
        } else {
            throw new TemplateException(where + ": Fn::Sub takes a string or [string, {variables}]");
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new TemplateException(where + ": unclosed ${ in \"" + text + "\"");
            }
            String name = text.substring(open + 2, close).trim();
            if (name.startsWith("!")) {
                // ${!Literal} writes ${Literal}
                out.append("${").append(name.substring(1)).append('}');
            } else {
                out.append(subVariable(name, variables, where));
            }
            i = close + 1;
        }
        return out.toString();
    }

    private String subVariable(String name, Map<String, Object> variables, String where) {
        String at = where + " ${" + name + "}";
        if (variables.containsKey(name)) {
            return scalar(variables.get(name), at);
        }
        Object value;
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            value = getAtt(List.of(name.substring(0, dot), name.substring(dot + 1)), at);
        } else {
            value = ref(name, at);
        }
        if (value instanceof List<?> list) {
            // CommaDelimitedList parameters substitute as written
            return String.join(",", list.stream().map(v -> scalar(v, at)).toList());
        }
        return scalar(value, at);
    }

    private Object ifThenElse(Object argument, String where) {
        List<?> parts = list(argument, where);
        if (parts.size() != 3) {
            throw new TemplateException(where + ": Fn::If takes [Condition, valueIfTrue, valueIfFalse]");
        }
        boolean holds = condition(scalar(parts.get(0), where));
        return evaluate(parts.get(holds ? 1 : 2), where);
    }

    private boolean conditionValue(Object node, String where) {
        if (!(node instanceof Map<?, ?> map) || map.size() != 1) {
            Object value = evaluate(node, where);
            if (value instanceof Boolean b) {
                return b;
            }
            return Boolean.parseBoolean(scalar(value, where));
        }
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        String name = String.valueOf(only.getKey());
        Object argument = only.getValue();
        String at = where + " (" + name + ")";
        switch (name) {
            case "Condition":
                return condition(scalar(argument, at));
            case "Fn::Equals": {
                List<?> pair = list(argument, at);
                if (pair.size() != 2) {
                    throw new TemplateException(at + ": Fn::Equals takes two values");
                }
                return comparable(evaluate(pair.get(0), at)).equals(comparable(evaluate(pair.get(1), at)));
            }
            case "Fn::And": {
                boolean all = true;
                for (Object part : list(argument, at)) {
                    all &= conditionValue(part, at);
                }
                return all;
            }
            case "Fn::Or": {
                boolean any = false;
                for (Object part : list(argument, at)) {
                    any |= conditionValue(part, at);
                }
                return any;
            }
            case "Fn::Not": {
                List<?> parts = list(argument, at);
                if (parts.size() != 1) {
                    throw new TemplateException(at + ": Fn::Not takes one condition");
                }
                return !conditionValue(parts.get(0), at);
            }
            default:
                Object value = evaluate(node, where);
                if (value instanceof Boolean b) {
                    return b;
                }
                return Boolean.parseBoolean(scalar(value, where));
        }
    }

    private static Object comparable(Object value) {
        return value instanceof Number || value instanceof Boolean ? value.toString() : value;
    }

    private Object join(Object argument, String where) {
        List<?> parts = list(argument, where);
        if (parts.size() != 2) {
            throw new TemplateException(where + ": Fn::Join takes [delimiter, [values]]");
        }
        String delimiter = scalar(evaluate(parts.get(0), where), where);
        List<?> values = list(evaluate(parts.get(1), where), where);
        return String.join(delimiter, values.stream().map(v -> scalar(v, where)).toList());
    }

    private Object select(Object argument, String where) {
        List<?> parts = list(argument, where);
        if (parts.size() != 2) {
            throw new TemplateException(where + ": Fn::Select takes [index, [values]]");
        }
        int index = Integer.parseInt(scalar(evaluate(parts.get(0), where), where));
        List<?> values = list(evaluate(parts.get(1), where), where);
        if (index < 0 || index >= values.size()) {
            throw new TemplateException(where + ": Fn::Select index " + index + " is outside the " + values.size() + " values");
        }
        return values.get(index);
    }

    private Object split(Object argument, String where) {
        List<?> parts = list(argument, where);
        if (parts.size() != 2) {
            throw new TemplateException(where + ": Fn::Split takes [delimiter, string]");
        }
        String delimiter = scalar(evaluate(parts.get(0), where), where);
        String text = scalar(evaluate(parts.get(1), where), where);
        List<String> out = new ArrayList<>();
        int from = 0;
        int at;
        while (!delimiter.isEmpty() && (at = text.indexOf(delimiter, from)) >= 0) {
            out.add(text.substring(from, at));
            from = at + delimiter.length();
        }
        out.add(text.substring(from));
        return out;
    }

    private Object findInMap(Object argument, String where) {
        List<?> parts = list(evaluate(argument, where), where);
        if (parts.size() != 3) {
            throw new TemplateException(where + ": Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]");
        }
        String mapName = scalar(parts.get(0), where);
        String top = scalar(parts.get(1), where);
        String second = scalar(parts.get(2), where);
        Object mapping = mappings.get(mapName);
        if (mapping instanceof Map<?, ?> m && m.get(top) instanceof Map<?, ?> inner && inner.containsKey(second)) {
            return evaluate(inner.get(second), where);
        }
        throw new TemplateException(where + ": Mappings." + mapName + "." + top + "." + second + " does not exist");
    }

    private static List<?> list(Object value, String where) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new TemplateException(where + " must be a list, not " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping " + value;
        }
        if (value instanceof List<?>) {
            return "a list " + value;
        }
        return String.valueOf(value);
    }
}
