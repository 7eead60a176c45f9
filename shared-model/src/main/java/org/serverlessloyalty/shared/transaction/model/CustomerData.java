package org.serverlessloyalty.shared.transaction.model;

import java.util.Map;

/**
 * Who the shop says bought (T-1's {@code transaction[customerData]}): what rule T4 matches a member on, kept as
 * sent. {@code address} holds street, address1, postal, city, province, country as given.
 */
public record CustomerData(String name, String email, String phone, String loyaltyCardNumber, String nip,
                           Map<String, String> address) {

    public static final CustomerData NONE = new CustomerData(null, null, null, null, null, Map.of());

    public CustomerData {
        address = address == null ? Map.of() : Map.copyOf(address);
    }
}
