package org.serverlessloyalty.shared.points.model;

/** Open Loyalty's {@code customer[address]}: every part optional, replaced as a whole on update. */
public record Address(String street, String address1, String address2, String postal, String city, String province,
                      String country) {

    public boolean isEmpty() {
        return street == null && address1 == null && address2 == null && postal == null && city == null
                && province == null && country == null;
    }
}
