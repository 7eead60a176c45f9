package org.serverlessloyalty.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML into plain maps and lists, turning the short tags into the long forms
 * CloudFormation itself uses: {@code !Ref X} becomes {@code {Ref: X}}, {@code !GetAtt A.B} becomes
 * {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s} becomes {@code {Fn::Sub: s}}, and so on. After this the
 * rest of the code only knows the long forms.
 *
 * <p>Timestamps stay strings ({@code 2010-09-09} is a version, not a date), as CloudFormation reads them.
 */
public final class CfnYaml {

    private static final List<String> FUNCTIONS = List.of("Ref", "Condition", "GetAtt", "Sub", "If", "Equals", "Not",
            "And", "Or", "Join", "Select", "Split", "FindInMap", "ImportValue", "GetAZs", "Base64", "Cidr",
            "Transform", "Length", "ToJsonString");

    private CfnYaml() {
    }

    /** The document as maps (insertion-ordered), lists, strings, numbers and booleans. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(String yaml, String sourceName) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setCodePointLimit(16 * 1024 * 1024);
            document = new Yaml(new Constructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new TemplateException(sourceName + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new TemplateException(sourceName + " is not a CloudFormation template (no top-level mapping)");
        }
        return (Map<String, Object>) map;
    }

    /** The long form CloudFormation uses for a short tag's function name. */
    static String longName(String function) {
        return function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
    }

    private static final class Constructor extends SafeConstructor {

        Constructor(LoaderOptions options) {
            super(options);
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new IntrinsicConstruct(function));
            }
            yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return ((ScalarNode) node).getValue();
                }
            });
        }

        @Override
        protected Map<Object, Object> createDefaultMap(int initSize) {
            return new LinkedHashMap<>(initSize);
        }

        private final class IntrinsicConstruct extends AbstractConstruct {

            private final String function;

            IntrinsicConstruct(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = scalar.getValue();
                    if (function.equals("GetAtt")) {
                        // !GetAtt Resource.Attribute (the attribute may itself contain dots: Endpoint.Address)
                        String text = (String) argument;
                        int dot = text.indexOf('.');
                        if (dot <= 0 || dot == text.length() - 1) {
                            throw new YAMLException("!GetAtt " + text + " must read Resource.Attribute");
                        }
                        argument = List.of(text.substring(0, dot), text.substring(dot + 1));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put(longName(function), argument);
                return result;
            }
        }
    }
}
