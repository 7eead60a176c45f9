package org.serverlessloyalty.shared.transaction.model;

import java.util.List;
import java.util.Set;
import org.serverlessloyalty.shared.points.model.ClaimKind;

/**
 * A store's transaction settings (own item, read and written through the admin store body like the points settings).
 *
 * @param identificationPriority Open Loyalty's {@code customersIdentificationPriority} (rule T4): which of the shop's
 *                               customer data match a member, in order
 * @param returns                Open Loyalty's {@code returns}: return transactions are accepted (T2)
 * @param excludedDeliverySkus   Open Loyalty's {@code excludedDeliverySKUs}: the delivery lines (E5, T6)
 * @param orderPointsSource      whether an order's reported points or the earning rules decide
 * @param enrollShoppers         an order's shopper who is no member yet becomes one
 * @param beaconEarns            orders from the browser beacon (publishable key, anyone can send) earn points
 */
public record TransactionSettings(List<ClaimKind> identificationPriority, boolean returns,
                                  Set<String> excludedDeliverySkus, OrderPointsSource orderPointsSource,
                                  boolean enrollShoppers, boolean beaconEarns) {

    /** Open Loyalty's defaults (T4: phone, then loyalty card number, then email; returns off). */
    public static final TransactionSettings DEFAULTS = new TransactionSettings(
            List.of(ClaimKind.PHONE, ClaimKind.LOYALTY_CARD_NUMBER, ClaimKind.EMAIL), false, Set.of(),
            OrderPointsSource.RULES, false, false);

    public TransactionSettings {
        identificationPriority = List.copyOf(identificationPriority);
        excludedDeliverySkus = Set.copyOf(excludedDeliverySkus);
    }
}
