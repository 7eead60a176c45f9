package org.serverlessloyalty.local.dynamodb.expr;

/** One action of an UpdateExpression. */
public sealed interface UpdateAction {

    Path path();

    record Set(Path path, Operand value) implements UpdateAction {
    }

    record Remove(Path path) implements UpdateAction {
    }

    record Add(Path path, Operand.Value value) implements UpdateAction {
    }

    record Delete(Path path, Operand.Value value) implements UpdateAction {
    }
}
