package org.serverlessloyalty.shared.earning.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.TableKeys.key;

import java.util.Map;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where earning rules live (docs/dynamodb-design.md, "Earning rules"): all of a store's rules in one partition
 * {@code {store}#EARNING_RULE}, each at {@code RULE#{ruleId}}, so the evaluator reads the whole set with one Query
 * (a store has tens of rules, and each instance caches them briefly); each custom event name's claim at
 * {@code CUSTOM_EVENT#{eventName}} in the same partition, holding the rule's id.
 */
public final class EarningRuleKeys {

    static final String RULE_PREFIX = "RULE#";
    static final String CUSTOM_EVENT_PREFIX = "CUSTOM_EVENT#";

    private EarningRuleKeys() {
    }

    public static String partition(StoreCode store) {
        return store.value() + "#EARNING_RULE";
    }

    public static Map<String, AttributeValue> rule(StoreCode store, String ruleId) {
        return key(partition(store), RULE_PREFIX + ruleId);
    }

    public static Map<String, AttributeValue> customEvent(StoreCode store, String eventName) {
        return key(partition(store), CUSTOM_EVENT_PREFIX + eventName);
    }
}
