package org.serverlessloyalty.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Keys;

/**
 * Recursive-descent parser for DynamoDB condition, update and projection expressions.
 *
 * <p>Condition precedence, loosest first: OR, AND, NOT, then parentheses / functions / BETWEEN / IN /
 * comparators. Placeholders are resolved through the {@link ExpressionContext}, which records their use.
 * Function names are case-sensitive; keywords (AND, OR, NOT, BETWEEN, IN, SET, REMOVE, ADD, DELETE) are not.
 */
public final class Parser {

    public static final String CONDITION = "ConditionExpression";
    public static final String FILTER = "FilterExpression";
    public static final String KEY_CONDITION = "KeyConditionExpression";
    public static final String UPDATE = "UpdateExpression";
    public static final String PROJECTION = "ProjectionExpression";

    private static final int MAX_IN_OPERANDS = 100;

    private final String text;
    private final String kind;
    private final ExpressionContext ctx;
    private final List<Token> tokens;
    private int pos;

    private Parser(String text, String kind, ExpressionContext ctx) {
        this.text = text;
        this.kind = kind;
        this.ctx = ctx;
        this.tokens = Lexer.tokenize(text, ctx, kind);
    }

    // ------------------------------------------------------------------ entry points

    public static Condition parseCondition(String text, String kind, ExpressionContext ctx) {
        Parser p = new Parser(text, kind, ctx);
        p.requireNotEmpty();
        Condition c = p.parseOr();
        p.expect(Token.Kind.EOF);
        return c;
    }

    public static List<UpdateAction> parseUpdate(String text, ExpressionContext ctx) {
        Parser p = new Parser(text, UPDATE, ctx);
        p.requireNotEmpty();
        List<UpdateAction> actions = p.parseUpdateClauses();
        List<Path> targets = new ArrayList<>(actions.size());
        for (UpdateAction a : actions) {
            targets.add(a.path());
        }
        p.checkOverlaps(targets);
        return actions;
    }

    public static List<Path> parseProjection(String text, ExpressionContext ctx) {
        Parser p = new Parser(text, PROJECTION, ctx);
        p.requireNotEmpty();
        List<Path> paths = new ArrayList<>();
        paths.add(p.parsePath());
        while (p.peek().kind() == Token.Kind.COMMA) {
            p.next();
            paths.add(p.parsePath());
        }
        p.expect(Token.Kind.EOF);
        p.checkOverlaps(paths);
        return paths;
    }

    // ------------------------------------------------------------------ conditions

    private Condition parseOr() {
        Condition c = parseAnd();
        while (peek().isKeyword("OR")) {
            next();
            c = new Condition.Or(c, parseAnd());
        }
        return c;
    }

    private Condition parseAnd() {
        Condition c = parseNot();
        while (peek().isKeyword("AND")) {
            next();
            c = new Condition.And(c, parseNot());
        }
        return c;
    }

    private Condition parseNot() {
        if (peek().isKeyword("NOT")) {
            next();
            return new Condition.Not(parseNot());
        }
        return parsePredicate();
    }

    private Condition parsePredicate() {
        Token t = peek();
        if (t.kind() == Token.Kind.LPAREN) {
            next();
            Condition inner = parseOr();
            expect(Token.Kind.RPAREN);
            return new Condition.Group(inner);
        }
        if (t.kind() == Token.Kind.IDENT && peek(1).kind() == Token.Kind.LPAREN) {
            switch (t.text()) {
                case "attribute_exists":
                case "attribute_not_exists":
                case "attribute_type":
                case "begins_with":
                case "contains":
                    return parseConditionFunction();
                case "size":
                    break;
                case "if_not_exists":
                case "list_append":
                    throw error("The function is not allowed in a condition expression; function: " + t.text());
                default:
                    throw error("Invalid function name; function: " + t.text());
            }
        }
        Operand left = parseOperand(false);
        Token op = peek();
        Condition.Comparator cmp = comparator(op);
        if (cmp != null) {
            next();
            Operand right = parseOperand(false);
            checkComparable(cmp, left, right);
            return new Condition.Compare(left, cmp, right);
        }
        if (op.isKeyword("BETWEEN")) {
            next();
            Operand low = parseOperand(false);
            expectKeyword("AND");
            Operand high = parseOperand(false);
            checkBetween(left, low, high);
            return new Condition.Between(left, low, high);
        }
        if (op.isKeyword("IN")) {
            next();
            expect(Token.Kind.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            candidates.add(parseOperand(false));
            while (peek().kind() == Token.Kind.COMMA) {
                next();
                candidates.add(parseOperand(false));
            }
            expect(Token.Kind.RPAREN);
            if (candidates.size() > MAX_IN_OPERANDS) {
                throw error("The expression contains too many operands for the IN operator; number of operands: "
                        + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        throw syntaxError(op);
    }

    private Condition parseConditionFunction() {
        String name = next().text();
        List<Operand> args = parseArguments(false);
        switch (name) {
            case "attribute_exists":
            case "attribute_not_exists": {
                requireArgs(name, args, 1);
                Path p = requirePath(name, args.get(0));
                return name.equals("attribute_exists") ? new Condition.AttributeExists(p)
                        : new Condition.AttributeNotExists(p);
            }
            case "attribute_type": {
                requireArgs(name, args, 2);
                Path p = requirePath(name, args.get(0));
                if (!(args.get(1) instanceof Operand.Value v)) {
                    throw error("Incorrect operand type for operator or function; operator or function: attribute_type, operand type: PATH");
                }
                AttrValue t = v.value();
                if (t.type() != AttrValue.Type.S) {
                    throw error("Incorrect operand type for operator or function; operator or function: attribute_type, operand type: "
                            + typeName(t.type()));
                }
                AttrValue.Type type;
                try {
                    type = AttrValue.Type.valueOf(t.s());
                } catch (IllegalArgumentException e) {
                    throw error("Invalid attribute type name found; type: " + t.s()
                            + ", valid types: { B,BOOL,BS,L,M,N,NS,NULL,S,SS }");
                }
                return new Condition.AttributeType(p, type);
            }
            case "begins_with": {
                requireArgs(name, args, 2);
                for (Operand a : args) {
                    if (a instanceof Operand.Value v && v.value().type() != AttrValue.Type.S
                            && v.value().type() != AttrValue.Type.B) {
                        throw error("Incorrect operand type for operator or function; operator or function: begins_with, operand type: "
                                + typeName(v.value().type()));
                    }
                }
                return new Condition.BeginsWith(args.get(0), args.get(1));
            }
            default: {
                requireArgs(name, args, 2);
                return new Condition.Contains(args.get(0), args.get(1));
            }
        }
    }

    private List<Operand> parseArguments(boolean update) {
        expect(Token.Kind.LPAREN);
        List<Operand> args = new ArrayList<>();
        if (peek().kind() != Token.Kind.RPAREN) {
            args.add(update ? parseUpdateOperand() : parseOperand(false));
            while (peek().kind() == Token.Kind.COMMA) {
                next();
                args.add(update ? parseUpdateOperand() : parseOperand(false));
            }
        }
        expect(Token.Kind.RPAREN);
        return args;
    }

    private void requireArgs(String function, List<Operand> args, int n) {
        if (args.size() != n) {
            throw error("Incorrect number of operands for operator or function; operator or function: " + function
                    + ", number of operands: " + args.size());
        }
    }

    private Path requirePath(String function, Operand op) {
        if (op instanceof Operand.PathRef p) {
            return p.path();
        }
        throw error("Operator or function requires a document path; operator or function: " + function);
    }

    /** An operand of a condition: path, :value or size(path). */
    private Operand parseOperand(boolean update) {
        Token t = peek();
        switch (t.kind()) {
            case VALUE_PLACEHOLDER:
                next();
                return new Operand.Value(t.text(), ctx.value(t.text(), kind));
            case NAME_PLACEHOLDER:
                return new Operand.PathRef(parsePath());
            case IDENT:
                if (peek(1).kind() == Token.Kind.LPAREN) {
                    String fn = t.text();
                    if (fn.equals("size") && !update) {
                        next();
                        List<Operand> args = parseArguments(false);
                        requireArgs(fn, args, 1);
                        return new Operand.Size(requirePath(fn, args.get(0)));
                    }
                    if (isKnownFunction(fn)) {
                        throw error("The function is not allowed to be used this way in an expression; function: " + fn);
                    }
                    throw error("Invalid function name; function: " + fn);
                }
                return new Operand.PathRef(parsePath());
            default:
                throw syntaxError(t);
        }
    }

    private static boolean isKnownFunction(String fn) {
        switch (fn) {
            case "attribute_exists":
            case "attribute_not_exists":
            case "attribute_type":
            case "begins_with":
            case "contains":
            case "size":
            case "if_not_exists":
            case "list_append":
                return true;
            default:
                return false;
        }
    }

    private void checkComparable(Condition.Comparator cmp, Operand left, Operand right) {
        if (left instanceof Operand.PathRef a && right instanceof Operand.PathRef b && a.path().equals(b.path())) {
            throw error("The first operand must be distinct from the remaining operands for this operator or function; operator: "
                    + cmp.symbol() + ", first operand: " + a.path());
        }
        if (cmp == Condition.Comparator.EQ || cmp == Condition.Comparator.NE) {
            return;
        }
        for (Operand o : List.of(left, right)) {
            if (o instanceof Operand.Value v && !Keys.isOrdered(v.value().type())) {
                throw error("Incorrect operand type for operator or function; operator: " + cmp.symbol()
                        + ", operand type: " + typeName(v.value().type()));
            }
        }
    }

    private void checkBetween(Operand value, Operand low, Operand high) {
        for (Operand o : List.of(value, low, high)) {
            if (o instanceof Operand.Value v && !Keys.isOrdered(v.value().type())) {
                throw error("Incorrect operand type for operator or function; operator: BETWEEN, operand type: "
                        + typeName(v.value().type()));
            }
        }
        if (low instanceof Operand.Value lo && high instanceof Operand.Value hi) {
            if (lo.value().type() == hi.value().type() && Keys.compare(lo.value(), hi.value()) > 0) {
                throw error("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: " + lo.value() + ", upper bound operand: AttributeValue: "
                        + hi.value());
            }
        }
    }

    private static Condition.Comparator comparator(Token t) {
        switch (t.kind()) {
            case EQ: return Condition.Comparator.EQ;
            case NE: return Condition.Comparator.NE;
            case LT: return Condition.Comparator.LT;
            case LE: return Condition.Comparator.LE;
            case GT: return Condition.Comparator.GT;
            case GE: return Condition.Comparator.GE;
            default: return null;
        }
    }

    // ------------------------------------------------------------------ update expressions

    private List<UpdateAction> parseUpdateClauses() {
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (peek().kind() != Token.Kind.EOF) {
            Token t = next();
            String clause = t.kind() == Token.Kind.IDENT ? t.text().toUpperCase(Locale.ROOT) : "";
            if (!clause.equals("SET") && !clause.equals("REMOVE") && !clause.equals("ADD") && !clause.equals("DELETE")) {
                throw syntaxError(t);
            }
            if (!seen.add(clause)) {
                throw error("The \"" + clause + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(parseUpdateAction(clause));
            } while (peek().kind() == Token.Kind.COMMA && next() != null);
        }
        return actions;
    }

    private UpdateAction parseUpdateAction(String clause) {
        Path path = parsePath();
        switch (clause) {
            case "SET": {
                expect(Token.Kind.EQ);
                Operand value = parseUpdateOperand();
                Token t = peek();
                if (t.kind() == Token.Kind.PLUS || t.kind() == Token.Kind.MINUS) {
                    next();
                    Operand right = parseUpdateOperand();
                    value = new Operand.Arithmetic(value, t.kind() == Token.Kind.PLUS, right);
                }
                return new UpdateAction.Set(path, value);
            }
            case "REMOVE":
                return new UpdateAction.Remove(path);
            default: {
                Token t = peek();
                if (t.kind() != Token.Kind.VALUE_PLACEHOLDER) {
                    throw syntaxError(t);
                }
                next();
                Operand.Value v = new Operand.Value(t.text(), ctx.value(t.text(), kind));
                AttrValue.Type type = v.value().type();
                if (clause.equals("ADD")) {
                    if (type != AttrValue.Type.N && !type.isSet()) {
                        throw error("Incorrect operand type for operator or function; operator: ADD, operand type: "
                                + typeName(type));
                    }
                    return new UpdateAction.Add(path, v);
                }
                if (!type.isSet()) {
                    throw error("Incorrect operand type for operator or function; operator: DELETE, operand type: "
                            + typeName(type));
                }
                return new UpdateAction.Delete(path, v);
            }
        }
    }

    /** An operand of a SET value: path, :value, if_not_exists(path, operand), list_append(operand, operand). */
    private Operand parseUpdateOperand() {
        Token t = peek();
        if (t.kind() == Token.Kind.IDENT && peek(1).kind() == Token.Kind.LPAREN) {
            String fn = t.text();
            switch (fn) {
                case "if_not_exists": {
                    next();
                    List<Operand> args = parseArguments(true);
                    requireArgs(fn, args, 2);
                    return new Operand.IfNotExists(requirePath(fn, args.get(0)), args.get(1));
                }
                case "list_append": {
                    next();
                    List<Operand> args = parseArguments(true);
                    requireArgs(fn, args, 2);
                    return new Operand.ListAppend(args.get(0), args.get(1));
                }
                default:
                    if (isKnownFunction(fn)) {
                        throw error("The function is not allowed in an update expression; function: " + fn);
                    }
                    throw error("Invalid function name; function: " + fn);
            }
        }
        return parseOperand(true);
    }

    // ------------------------------------------------------------------ paths

    private Path parsePath() {
        List<Object> elements = new ArrayList<>(4);
        elements.add(parseName());
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.DOT) {
                next();
                elements.add(parseName());
            } else if (t.kind() == Token.Kind.LBRACKET) {
                next();
                Token n = next();
                if (n.kind() != Token.Kind.NUMBER) {
                    throw syntaxError(n);
                }
                int index;
                try {
                    index = Integer.parseInt(n.text());
                } catch (NumberFormatException e) {
                    throw error("List index is out of bounds; index: " + n.text());
                }
                elements.add(index);
                expect(Token.Kind.RBRACKET);
            } else {
                break;
            }
        }
        if (elements.size() > 32) {
            throw error("The document path has too many nesting levels; nesting levels: " + elements.size());
        }
        return new Path(elements);
    }

    private String parseName() {
        Token t = next();
        if (t.kind() == Token.Kind.NAME_PLACEHOLDER) {
            return ctx.name(t.text(), kind);
        }
        if (t.kind() == Token.Kind.IDENT) {
            if (ReservedWords.isReserved(t.text())) {
                throw error("Attribute name is a reserved keyword; reserved keyword: " + t.text());
            }
            return t.text();
        }
        throw syntaxError(t);
    }

    private void checkOverlaps(List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                Path a = paths.get(i);
                Path b = paths.get(j);
                if (a.overlaps(b)) {
                    throw error("Two document paths overlap with each other; must remove or rewrite one of these paths; "
                            + "path one: " + a + ", path two: " + b);
                }
                if (a.conflicts(b)) {
                    throw error("Two document paths conflict with each other; must remove or rewrite one of these paths; "
                            + "path one: " + a + ", path two: " + b);
                }
            }
        }
    }

    // ------------------------------------------------------------------ token helpers

    private void requireNotEmpty() {
        if (tokens.size() == 1) {
            throw error("The expression can not be empty;");
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }

    private void expect(Token.Kind kind) {
        Token t = next();
        if (t.kind() != kind) {
            throw syntaxError(t);
        }
    }

    private void expectKeyword(String keyword) {
        Token t = next();
        if (!t.isKeyword(keyword)) {
            throw syntaxError(t);
        }
    }

    private RuntimeException syntaxError(Token t) {
        return ctx.syntaxError(kind, text, t.display(), t.start());
    }

    private RuntimeException error(String message) {
        return ExpressionContext.error(kind, message);
    }

    static String typeName(AttrValue.Type t) {
        switch (t) {
            case S: return "STRING";
            case N: return "NUMBER";
            case B: return "BINARY";
            case BOOL: return "BOOLEAN";
            case NULL: return "NULL";
            case M: return "MAP";
            case L: return "LIST";
            case SS: return "STRING_SET";
            case NS: return "NUMBER_SET";
            default: return "BINARY_SET";
        }
    }
}
