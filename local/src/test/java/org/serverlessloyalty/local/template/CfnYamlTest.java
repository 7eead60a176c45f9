package org.serverlessloyalty.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfnYamlTest {

    @Test
    void turnsShortTagsIntoTheirLongForms() {
        Map<String, Object> doc = CfnYaml.load("""
                a: !Ref Thing
                b: !GetAtt Queue.Arn
                c: !GetAtt [Queue, QueueName]
                d: !Sub '${Table}-x'
                e: !Sub ['${A}', {A: !Ref B}]
                f: !If [Cond, 1, 2]
                g: !Equals [x, y]
                h: !Not [!Condition C]
                i: !Join [',', [a, b]]
                """, "test");
        assertThat(doc.get("a")).isEqualTo(Map.of("Ref", "Thing"));
        assertThat(doc.get("b")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "Arn")));
        assertThat(doc.get("c")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "QueueName")));
        assertThat(doc.get("d")).isEqualTo(Map.of("Fn::Sub", "${Table}-x"));
        assertThat(doc.get("e")).isEqualTo(Map.of("Fn::Sub", List.of("${A}", Map.of("A", Map.of("Ref", "B")))));
        assertThat(doc.get("f")).isEqualTo(Map.of("Fn::If", List.of("Cond", 1, 2)));
        assertThat(doc.get("g")).isEqualTo(Map.of("Fn::Equals", List.of("x", "y")));
        assertThat(doc.get("h")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "C"))));
        assertThat(doc.get("i")).isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", "b"))));
    }

    @Test
    void keepsGetAttAttributesThatContainDots() {
        Map<String, Object> doc = CfnYaml.load("x: !GetAtt Db.Endpoint.Address", "test");
        assertThat(doc.get("x")).isEqualTo(Map.of("Fn::GetAtt", List.of("Db", "Endpoint.Address")));
    }

    @Test
    void readsDatesAsText() {
        Map<String, Object> doc = CfnYaml.load("AWSTemplateFormatVersion: 2010-09-09", "test");
        assertThat(doc.get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
    }

    @Test
    void rejectsDuplicateKeysAndNonMappings() {
        assertThatThrownBy(() -> CfnYaml.load("a: 1\na: 2\n", "dup.yaml"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("dup.yaml");
        assertThatThrownBy(() -> CfnYaml.load("- just a list", "list.yaml"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("list.yaml");
    }

    @Test
    void rejectsGetAttWithoutAttribute() {
        assertThatThrownBy(() -> CfnYaml.load("x: !GetAtt Queue", "bad.yaml"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Resource.Attribute");
    }
}
