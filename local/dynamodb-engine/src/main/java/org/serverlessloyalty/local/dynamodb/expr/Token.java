package org.serverlessloyalty.local.dynamodb.expr;

/** A lexical token of a DynamoDB expression. */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        IDENT, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, NUMBER,
        LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
        EOF
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }

    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
