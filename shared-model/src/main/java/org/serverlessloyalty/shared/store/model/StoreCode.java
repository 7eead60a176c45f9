package org.serverlessloyalty.shared.store.model;

import java.util.regex.Pattern;

/**
 * A store (tenant): CibleR paths call it {@code customerId}, Open Loyalty paths {@code storeCode}.
 * Every DynamoDB key begins with it, so its alphabet excludes the key separator {@code #}.
 */
public record StoreCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public StoreCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("store code must be 1-64 letters, digits or '-'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
