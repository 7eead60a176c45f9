package org.serverlessloyalty.shared.order.model;

import java.util.regex.Pattern;
import org.serverlessloyalty.shared.platform.text.PlainText;

/**
 * What an order id may be, wherever it comes from (a body, a beacon parameter, a path): it ends a
 * DynamoDB partition key ({@code {store}#ORDER#{id}}) and is the path segment of {@code GET /v1/orders/{id}},
 * so it has no blanks, no {@code /}, no control or format characters, and at most {@link #MAX_LENGTH}
 * characters (at most 512 bytes: far below DynamoDB's 2,048-byte partition key).
 */
public final class OrderIds {

    public static final int MAX_LENGTH = 128;
    private static final Pattern FORMAT = Pattern.compile("[^\\s\\p{Z}/]{1," + MAX_LENGTH + "}");

    private OrderIds() {
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches() && PlainText.isClean(id);
    }
}
