package org.serverlessloyalty.shared.store.dynamodb;

import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;

/** Store ⇄ item. */
final class StoreItemMapper {

    private StoreItemMapper() {
    }

    static Map<String, AttributeValue> toItem(Store store) {
        Map<String, AttributeValue> item = new HashMap<>(StoreKeys.store(store.code()));
        item.put(TableKeys.GSI1_PK, AttributeValue.fromS(StoreKeys.STORES_GSI1_PK));
        item.put(TableKeys.GSI1_SK, AttributeValue.fromS(store.code().value()));
        item.put("type", AttributeValue.fromS("STORE"));
        putString(item, "code", store.code().value());
        putString(item, "name", store.name());
        putString(item, "currency", store.currency().getCurrencyCode());
        putString(item, "timezone", store.timezone().getId());
        putString(item, "locale", store.locale().toLanguageTag());
        item.put("active", AttributeValue.fromBool(store.active()));
        item.put("apiKeyHash", AttributeValue.fromB(SdkBytes.fromByteArray(store.apiKeyHash())));
        putString(item, "createdAt", store.createdAt().toString());
        putString(item, "updatedAt", store.updatedAt().toString());
        return item;
    }

    static Store fromItem(Map<String, AttributeValue> item) {
        AttributeValue hash = item.get("apiKeyHash");
        return new Store(
                new StoreCode(string(item, "code")),
                string(item, "name"),
                Currency.getInstance(string(item, "currency")),
                ZoneId.of(string(item, "timezone")),
                Locale.forLanguageTag(string(item, "locale")),
                bool(item, "active"),
                hash == null ? null : hash.b().asByteArray(),
                instant(item, "createdAt"),
                instant(item, "updatedAt"));
    }
}
