package org.serverlessloyalty.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.map;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.n;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.s;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;

class KeyConditionTest {

    private static KeyCondition parse(String text, Map<String, AttrValue> values) {
        return KeyCondition.parse(text, new ExpressionContext(null, values), "pk", AttrValue.Type.S, "sk", AttrValue.Type.N);
    }

    @Test
    void partitionKeyOnly() {
        KeyCondition kc = parse("pk = :p", map(":p", s("a")));
        assertThat(kc.hashValue()).isEqualTo(s("a"));
        assertThat(kc.rangeOp()).isNull();
    }

    @Test
    void sortKeyOperatorsInEitherOrderAndWithParentheses() {
        KeyCondition between = parse("(sk BETWEEN :lo AND :hi) AND (pk = :p)", map(":p", s("a"), ":lo", n(1), ":hi", n(5)));
        assertThat(between.rangeOp()).isEqualTo(KeyCondition.RangeOp.BETWEEN);
        assertThat(between.matchesRange(n(5))).isTrue();
        assertThat(between.matchesRange(n(6))).isFalse();
        KeyCondition flipped = parse("pk = :p AND :v < sk", map(":p", s("a"), ":v", n(3)));
        assertThat(flipped.rangeOp()).isEqualTo(KeyCondition.RangeOp.GT);
        assertThat(flipped.matchesRange(n(4))).isTrue();
    }

    @Test
    void rejectsWhatDynamoDbRejects() {
        assertThatThrownBy(() -> parse("sk = :v", map(":v", n(1))))
                .hasMessage("Query condition missed key schema element: pk");
        assertThatThrownBy(() -> parse("pk = :p OR sk = :v", map(":p", s("a"), ":v", n(1))))
                .hasMessageContaining("Invalid operator used in KeyConditionExpression: OR");
        assertThatThrownBy(() -> parse("pk <> :p", map(":p", s("a"))))
                .hasMessageContaining("<>");
        assertThatThrownBy(() -> parse("pk > :p", map(":p", s("a"))))
                .hasMessage("Query key condition not supported");
        assertThatThrownBy(() -> parse("pk = :p AND color = :v", map(":p", s("a"), ":v", n(1))))
                .hasMessage("Query key condition not supported");
        assertThatThrownBy(() -> parse("pk = :p", map(":p", n(1))))
                .hasMessageContaining("Condition parameter type does not match schema type");
        assertThatThrownBy(() -> parse("pk = :p AND begins_with(sk, :v)", map(":p", s("a"), ":v", n(1))))
                .hasMessageContaining("begins_with");
        assertThatThrownBy(() -> parse("pk = :p AND sk > :v AND sk < :v", map(":p", s("a"), ":v", n(1))))
                .hasMessageContaining("Conditions can be of length 1 or 2 only");
        assertThatThrownBy(() -> parse("pk = :p AND attribute_exists(sk)", map(":p", s("a"))))
                .hasMessageContaining("attribute_exists");
    }
}
