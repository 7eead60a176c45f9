package org.serverlessloyalty.shared.giftcode.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a code grants and on which conditions: the fields of the CibleR "Coupon creation API" body,
 * plus {@code activeFrom} and {@code perCustomerLimit}. Money is in the store currency's major
 * units; {@code null} means "no limit" for the limits and "none" for the dates.
 */
public record GiftCodeTerms(
        BigDecimal value,
        DiscountType discountType,
        BigDecimal threshold,
        boolean combinable,
        String description,
        String name,
        LocalDate expirationDate,
        LocalDate activeFrom,
        Integer numberOfUsage,
        Integer perCustomerLimit,
        List<String> products,
        List<String> categories,
        boolean discountWholeCart,
        String campaignId,
        CodeUser user) {

    public GiftCodeTerms {
        products = products == null ? List.of() : List.copyOf(products);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Who a personal code was issued to; null for codes anyone may use. */
    public record CodeUser(String email, String customerGuid) {
    }
}
