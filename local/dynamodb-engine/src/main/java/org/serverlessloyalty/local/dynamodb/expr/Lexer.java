package org.serverlessloyalty.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens. Unknown characters become a syntax error via {@link ExpressionContext}. */
final class Lexer {

    private Lexer() {
    }

    static List<Token> tokenize(String text, ExpressionContext ctx, String kind) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '#' || c == ':') {
                i++;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw ctx.syntaxError(kind, text, String.valueOf(c), start);
                }
                tokens.add(new Token(c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER,
                        text.substring(start, i), start, i));
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start, i));
                continue;
            }
            if (isWordStart(c)) {
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.IDENT, text.substring(start, i), start, i));
                continue;
            }
            Token.Kind k;
            int len = 1;
            switch (c) {
                case '(': k = Token.Kind.LPAREN; break;
                case ')': k = Token.Kind.RPAREN; break;
                case '[': k = Token.Kind.LBRACKET; break;
                case ']': k = Token.Kind.RBRACKET; break;
                case ',': k = Token.Kind.COMMA; break;
                case '.': k = Token.Kind.DOT; break;
                case '+': k = Token.Kind.PLUS; break;
                case '-': k = Token.Kind.MINUS; break;
                case '=': k = Token.Kind.EQ; break;
                case '<':
                    if (i + 1 < n && text.charAt(i + 1) == '>') {
                        k = Token.Kind.NE;
                        len = 2;
                    } else if (i + 1 < n && text.charAt(i + 1) == '=') {
                        k = Token.Kind.LE;
                        len = 2;
                    } else {
                        k = Token.Kind.LT;
                    }
                    break;
                case '>':
                    if (i + 1 < n && text.charAt(i + 1) == '=') {
                        k = Token.Kind.GE;
                        len = 2;
                    } else {
                        k = Token.Kind.GT;
                    }
                    break;
                default:
                    throw ctx.syntaxError(kind, text, String.valueOf(c), start);
            }
            i += len;
            tokens.add(new Token(k, text.substring(start, i), start, i));
        }
        tokens.add(new Token(Token.Kind.EOF, "", n, n));
        return tokens;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
