package org.serverlessloyalty.shared.transaction.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.platform.dynamodb.Attributes;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.transaction.model.CustomerData;
import org.serverlessloyalty.shared.transaction.model.DocumentType;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionItem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A transaction as an item: what never changes after registration is one JSON attribute ({@code body}: no query
 * reads inside it); what changes or is filtered on (member, points earned) are attributes of their own.
 */
final class TransactionItemMapper {

    private TransactionItemMapper() {
    }

    static Map<String, AttributeValue> toItem(Transaction t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("type", AttributeValue.fromS("TRANSACTION"));
        item.put("transactionId", AttributeValue.fromS(t.id()));
        item.put("documentNumber", AttributeValue.fromS(t.documentNumber()));
        item.put("body", AttributeValue.fromS(body(t)));
        Attributes.putString(item, "memberId", t.memberId());
        Attributes.putString(item, "assignedAt", t.assignedAt() == null ? null : t.assignedAt().toString());
        if (t.pointsEarned() != null) {
            item.put("pointsEarned", AttributeValue.fromN(t.pointsEarned().toPlainString()));
        }
        return item;
    }

    static Transaction fromItem(Map<String, AttributeValue> item) {
        JsonNode b;
        try {
            b = Json.MAPPER.readTree(Attributes.string(item, "body"));
        } catch (IOException e) {
            throw new IllegalStateException("A transaction item whose body is not JSON", e);
        }
        List<TransactionItem> items = new ArrayList<>();
        for (JsonNode i : b.get("items")) {
            items.add(new TransactionItem(text(i, "sku"), text(i, "name"), decimal(i, "quantity"),
                    decimal(i, "grossValue"), text(i, "category"), text(i, "maker"), labels(i.get("labels"))));
        }
        JsonNode c = b.get("customerData");
        Map<String, String> address = new LinkedHashMap<>();
        if (c.has("address")) {
            c.get("address").fields().forEachRemaining(e -> address.put(e.getKey(), e.getValue().asText()));
        }
        CustomerData customer = new CustomerData(text(c, "name"), text(c, "email"), text(c, "phone"),
                text(c, "loyaltyCardNumber"), text(c, "nip"), address);
        String assigned = Attributes.string(item, "assignedAt");
        return new Transaction(text(b, "id"), text(b, "documentNumber"),
                DocumentType.valueOf(text(b, "documentType")), Instant.parse(text(b, "purchaseDate")),
                text(b, "purchasePlace"), text(b, "revisedDocument"), text(b, "revisedTransactionId"), items, customer,
                text(b, "externalId"), text(b, "pos"), labels(b.get("labels")), Attributes.string(item, "memberId"),
                assigned == null ? null : Instant.parse(assigned), Attributes.decimal(item, "pointsEarned"),
                Instant.parse(text(b, "createdAt")));
    }

    private static String body(Transaction t) {
        ObjectNode b = Json.MAPPER.createObjectNode();
        b.put("id", t.id());
        b.put("documentNumber", t.documentNumber());
        b.put("documentType", t.documentType().name());
        b.put("purchaseDate", t.purchaseDate().toString());
        b.put("purchasePlace", t.purchasePlace());
        b.put("revisedDocument", t.revisedDocument());
        b.put("revisedTransactionId", t.revisedTransactionId());
        b.put("externalId", t.externalId());
        b.put("pos", t.pos());
        b.put("createdAt", t.createdAt().toString());
        labels(b.putArray("labels"), t.labels());
        ArrayNode items = b.putArray("items");
        for (TransactionItem i : t.items()) {
            ObjectNode n = items.addObject();
            n.put("sku", i.sku());
            n.put("name", i.name());
            n.put("quantity", i.quantity());
            n.put("grossValue", i.grossValue());
            n.put("category", i.category());
            n.put("maker", i.maker());
            labels(n.putArray("labels"), i.labels());
        }
        CustomerData c = t.customerData();
        ObjectNode cn = b.putObject("customerData");
        cn.put("name", c.name());
        cn.put("email", c.email());
        cn.put("phone", c.phone());
        cn.put("loyaltyCardNumber", c.loyaltyCardNumber());
        cn.put("nip", c.nip());
        ObjectNode address = cn.putObject("address");
        c.address().forEach(address::put);
        return Json.write(b);
    }

    private static void labels(ArrayNode out, List<Label> labels) {
        labels.forEach(l -> out.addObject().put("key", l.key()).put("value", l.value()));
    }

    private static List<Label> labels(JsonNode array) {
        List<Label> out = new ArrayList<>();
        if (array != null) {
            array.forEach(l -> out.add(new Label(text(l, "key"), text(l, "value"))));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : new BigDecimal(v.asText());
    }
}
