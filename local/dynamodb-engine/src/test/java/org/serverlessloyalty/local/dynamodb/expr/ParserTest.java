package org.serverlessloyalty.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.map;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.n;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.names;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.s;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.ss;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;

class ParserTest {

    private static final Map<String, AttrValue> XYZ = map(":x", n(1), ":y", n(2), ":z", n(3));

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Condition c = Exprs.condition("a = :x OR b = :y AND NOT c = :z", XYZ);
        assertThat(c).isInstanceOf(Condition.Or.class);
        Condition.Or or = (Condition.Or) c;
        assertThat(or.left()).isInstanceOf(Condition.Compare.class);
        assertThat(or.right()).isInstanceOf(Condition.And.class);
        assertThat(((Condition.And) or.right()).right()).isInstanceOf(Condition.Not.class);
    }

    @Test
    void parenthesesOverridePrecedence() {
        Condition c = Exprs.condition("(a = :x OR b = :y) AND c = :z", XYZ);
        assertThat(c).isInstanceOf(Condition.And.class);
        assertThat(((Condition.And) c).left()).isInstanceOf(Condition.Group.class);
    }

    @Test
    void keywordsAreCaseInsensitive() {
        Condition c = Exprs.condition("a between :x and :y or b in (:z) and not attribute_exists(c)", XYZ);
        assertThat(c).isInstanceOf(Condition.Or.class);
    }

    @Test
    void documentPathsWithPlaceholdersMapKeysAndListIndexes() {
        ExpressionContext ctx = new ExpressionContext(names("#a", "first-name", "#b", "x.y"), null);
        List<Path> paths = Parser.parseProjection("#a, m.#b[3].c, l[0][1]", ctx);
        ctx.checkAllUsed();
        assertThat(paths).extracting(Path::elements).containsExactly(List.of("first-name"),
                List.of("m", "x.y", 3, "c"), List.of("l", 0, 1));
    }

    @Test
    void functionsAndSizeOperand() {
        Condition c = Exprs.condition("size(tags) > :x AND contains(tags, :y) AND begins_with(s, :z)",
                map(":x", n(1), ":y", s("a"), ":z", s("p")));
        assertThat(ConditionPaths.of(c)).extracting(Path::head).containsExactly("tags", "tags", "s");
    }

    @Test
    void syntaxErrorsNameTheToken() {
        assertThatThrownBy(() -> Exprs.condition("a = = :x", map(":x", n(1))))
                .isInstanceOf(ApiException.class)
                .hasMessage("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"a = = :x\"");
        assertThatThrownBy(() -> Exprs.condition("a = :x AND", map(":x", n(1))))
                .hasMessageContaining("Syntax error; token: \"<EOF>\"");
        assertThatThrownBy(() -> Exprs.condition("a ! :x", map(":x", n(1)))).hasMessageContaining("token: \"!\"");
        assertThatThrownBy(() -> Exprs.condition("", Map.of())).hasMessageContaining("can not be empty");
    }

    @Test
    void undefinedAndUnusedPlaceholdersAreRejected() {
        assertThatThrownBy(() -> Exprs.condition("a = :nope", map(":x", n(1))))
                .hasMessageContaining("An expression attribute value used in expression is not defined; attribute value: :nope");
        assertThatThrownBy(() -> Parser.parseCondition("#n = :x", Parser.CONDITION, new ExpressionContext(null, XYZ)))
                .hasMessageContaining("attribute name: #n");
        assertThatThrownBy(() -> Exprs.condition("a = :x", XYZ))
                .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:y, :z}");
        ExpressionContext ctx = new ExpressionContext(names("#used", "a", "#spare", "b"), null);
        Parser.parseCondition("attribute_exists(#used)", Parser.CONDITION, ctx);
        assertThatThrownBy(ctx::checkAllUsed)
                .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#spare}");
    }

    @Test
    void reservedWordsMustBePlaceholders() {
        assertThatThrownBy(() -> Exprs.condition("Status = :x", map(":x", n(1))))
                .hasMessage("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Status");
        ExpressionContext ctx = new ExpressionContext(names("#s", "Status"), map(":x", n(1)));
        assertThat(Parser.parseCondition("#s = :x", Parser.CONDITION, ctx)).isInstanceOf(Condition.Compare.class);
    }

    @Test
    void functionNamesAreCaseSensitiveAndMustExist() {
        assertThatThrownBy(() -> Exprs.condition("ATTRIBUTE_EXISTS(a)", Map.of()))
                .hasMessageContaining("Invalid function name; function: ATTRIBUTE_EXISTS");
        assertThatThrownBy(() -> Exprs.condition("size(a)", Map.of())).hasMessageContaining("Syntax error");
        assertThatThrownBy(() -> Exprs.condition("if_not_exists(a, :x) = :x", map(":x", n(1))))
                .hasMessageContaining("not allowed");
        assertThatThrownBy(() -> Exprs.condition("attribute_exists(:x)", map(":x", n(1))))
                .hasMessageContaining("requires a document path");
        assertThatThrownBy(() -> Exprs.condition("begins_with(a)", Map.of()))
                .hasMessageContaining("Incorrect number of operands");
    }

    @Test
    void staticOperandChecks() {
        assertThatThrownBy(() -> Exprs.condition("a BETWEEN :z AND :x", map(":x", n(1), ":z", n(3))))
                .hasMessageContaining("BETWEEN operator requires upper bound to be greater than or equal to lower bound");
        assertThatThrownBy(() -> Exprs.condition("a = a", Map.of()))
                .hasMessageContaining("first operand must be distinct");
        assertThatThrownBy(() -> Exprs.condition("a < :m", map(":m", Exprs.m("k", n(1)))))
                .hasMessageContaining("Incorrect operand type for operator or function; operator: <, operand type: MAP");
        assertThatThrownBy(() -> Exprs.condition("attribute_type(a, :t)", map(":t", s("STRING"))))
                .hasMessageContaining("Invalid attribute type name found; type: STRING");
        assertThatThrownBy(() -> Exprs.condition("begins_with(a, :n)", map(":n", n(1))))
                .hasMessageContaining("operator or function: begins_with, operand type: NUMBER");
    }

    @Test
    void updateClausesParseInAnyOrderOnceEach() {
        ExpressionContext ctx = new ExpressionContext(null, map(":v", n(1), ":s", ss("a")));
        List<UpdateAction> actions = Parser.parseUpdate(
                "remove r1, r2 set a = :v, b = a + :v add c :v delete d :s", ctx);
        ctx.checkAllUsed();
        assertThat(actions).extracting(a -> a.getClass().getSimpleName())
                .containsExactly("Remove", "Remove", "Set", "Set", "Add", "Delete");
        assertThatThrownBy(() -> Parser.parseUpdate("SET a = :v SET b = :v", new ExpressionContext(null, map(":v", n(1)))))
                .hasMessageContaining("The \"SET\" section can only be used once in an update expression");
    }

    @Test
    void updatePathsMustNotOverlapOrConflict() {
        assertThatThrownBy(() -> Parser.parseUpdate("SET a.b = :v REMOVE a", new ExpressionContext(null, map(":v", n(1)))))
                .hasMessage("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
                        + "one of these paths; path one: [a, b], path two: [a]");
        assertThatThrownBy(() -> Parser.parseUpdate("SET a.b = :v, a[1] = :v", new ExpressionContext(null, map(":v", n(1)))))
                .hasMessageContaining("Two document paths conflict with each other");
        assertThat(Parser.parseUpdate("SET a.b = :v, a.c = :v", new ExpressionContext(null, map(":v", n(1))))).hasSize(2);
    }

    @Test
    void addAndDeleteOperandTypesAreChecked() {
        assertThatThrownBy(() -> Parser.parseUpdate("ADD a :s", new ExpressionContext(null, map(":s", s("x")))))
                .hasMessageContaining("operator: ADD, operand type: STRING");
        assertThatThrownBy(() -> Parser.parseUpdate("DELETE a :n", new ExpressionContext(null, map(":n", n(1)))))
                .hasMessageContaining("operator: DELETE, operand type: NUMBER");
        assertThatThrownBy(() -> Parser.parseUpdate("ADD a b", new ExpressionContext(null, null)))
                .hasMessageContaining("Syntax error");
    }

    @Test
    void projectionPathsMustNotOverlap() {
        assertThatThrownBy(() -> Parser.parseProjection("a, a.b", new ExpressionContext(null, null)))
                .hasMessageContaining("Invalid ProjectionExpression: Two document paths overlap");
        assertThatThrownBy(() -> Parser.parseProjection("a, a", new ExpressionContext(null, null)))
                .hasMessageContaining("overlap");
    }

    @Test
    void inAcceptsAtMostOneHundredOperands() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            list.append(i == 0 ? "" : ", ").append(":x");
        }
        assertThatThrownBy(() -> Exprs.condition("a IN (" + list + ")", map(":x", n(1))))
                .hasMessageContaining("too many operands");
    }
}
