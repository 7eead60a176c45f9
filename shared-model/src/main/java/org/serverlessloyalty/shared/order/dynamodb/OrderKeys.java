package org.serverlessloyalty.shared.order.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.TableKeys.key;

import java.util.Map;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Where an order lives: one partition per order id, holding the order, the beacon's report and each code's outcome. */
public final class OrderKeys {

    static final String ORDER_SK = "ORDER";
    static final String BEACON_SK = "BEACON";
    static final String REDEMPTION_SK_PREFIX = "REDEMPTION#";

    private OrderKeys() {
    }

    public static Map<String, AttributeValue> order(StoreCode store, String orderId) {
        return key(orderPartition(store, orderId), ORDER_SK);
    }

    /**
     * The browser beacon's report of an order id: its own item beside the order, so a report sent with
     * the public publishable key can never take the place of the storefront's own.
     */
    public static Map<String, AttributeValue> beaconReport(StoreCode store, String orderId) {
        return key(orderPartition(store, orderId), BEACON_SK);
    }

    /** One code's outcome in one order: in the order's partition, so the order reads back in one Query. */
    public static Map<String, AttributeValue> redemption(StoreCode store, String orderId, CodeValue code) {
        return key(orderPartition(store, orderId), REDEMPTION_SK_PREFIX + code.value());
    }

    static String orderPartition(StoreCode store, String orderId) {
        return store.value() + "#ORDER#" + orderId;
    }
}
