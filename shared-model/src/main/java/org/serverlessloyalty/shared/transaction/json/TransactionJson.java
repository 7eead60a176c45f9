package org.serverlessloyalty.shared.transaction.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.transaction.model.CustomerData;
import org.serverlessloyalty.shared.transaction.model.DocumentType;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionItem;

/**
 * Open Loyalty's transaction form (T-1 {@code transaction[...]}, T-4) to a draft, and a transaction to its JSON
 * (T-2, T-3). Every bad field is recorded under its path as the client wrote it, so one 400 names them all, before
 * anything is read or written.
 */
public final class TransactionJson {

    public static final String ROOT = "transaction";
    /** Open Loyalty's NotBlank text. */
    public static final String BLANK = "This value should not be blank.";
    static final int MAX_ITEMS = 500;
    static final int MAX_LABELS = 50;
    static final int MAX_TEXT = 255;
    static final int MAX_DOCUMENT_NUMBER = 128;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter LOCAL_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> FIELDS = Set.of("transactionData", "revisedDocument", "items", "customerData",
            "pos", "labels", "purchaseDate");
    private static final Set<String> DATA_FIELDS = Set.of("documentType", "documentNumber", "purchaseDate",
            "purchasePlace");
    private static final Set<String> ITEM_FIELDS = Set.of("sku", "name", "quantity", "grossValue", "category",
            "maker", "labels");
    private static final Set<String> CUSTOMER_FIELDS = Set.of("name", "email", "phone", "loyaltyCardNumber", "nip",
            "address");
    private static final Set<String> ADDRESS_FIELDS = Set.of("street", "address1", "postal", "city", "province",
            "country");

    private TransactionJson() {
    }

    /**
     * T-1: the draft (no id, no member); purchase dates without an offset are in the store's zone. The errors are
     * left in {@code body.errors()} for the caller to throw with its own.
     */
    public static Transaction register(JsonFields body, ZoneId zone, Instant now) {
        body.rejectUnknown(FIELDS);
        if (body.has("purchaseDate")) {
            body.errors().add(body.path("purchaseDate"), "is transaction[transactionData][purchaseDate] here");
        }
        JsonFields data = body.object("transactionData");
        DocumentType type = DocumentType.SELL;
        String documentNumber = null;
        Instant purchaseDate = null;
        String purchasePlace = null;
        if (data == null) {
            if (!body.has("transactionData")) {
                body.errors().add(body.path("transactionData") + "[documentNumber]", BLANK);
                body.errors().add(body.path("transactionData") + "[purchaseDate]", BLANK);
            }
        } else {
            data.rejectUnknown(DATA_FIELDS);
            String typeText = data.string("documentType", 16);
            if (typeText != null && !typeText.isEmpty()) {
                type = DocumentType.parse(typeText).orElse(null);
                if (type == null) {
                    data.errors().add(data.path("documentType"), "must be sell or return");
                }
            }
            documentNumber = required(data, "documentNumber", MAX_DOCUMENT_NUMBER);
            purchaseDate = date(data, "purchaseDate", zone, true);
            purchasePlace = data.string("purchasePlace", MAX_TEXT);
        }
        String revised = body.string("revisedDocument", MAX_DOCUMENT_NUMBER);
        List<TransactionItem> items = items(body);
        CustomerData customer = customer(body, true);
        String pos = body.identifier("pos", MAX_TEXT);
        List<Label> labels = labels(body, "labels");
        return new Transaction(null, documentNumber, type == null ? DocumentType.SELL : type,
                purchaseDate == null ? now : purchaseDate, purchasePlace,
                revised == null || revised.isEmpty() ? null : revised, null, items, customer, null, pos, labels, null,
                null, null, now);
    }

    /** T-4: items, an optional purchase date and optional customer data naming the member to simulate for. */
    public static Transaction simulate(JsonFields body, ZoneId zone, Instant now) {
        body.rejectUnknown(FIELDS);
        Instant purchaseDate = date(body, "purchaseDate", zone, false);
        List<TransactionItem> items = items(body);
        CustomerData customer = body.has("customerData") ? customer(body, false) : CustomerData.NONE;
        String pos = body.identifier("pos", MAX_TEXT);
        return new Transaction(null, "simulation", DocumentType.SELL, purchaseDate == null ? now : purchaseDate,
                null, null, null, items, customer, null, pos, labels(body, "labels"), null, null, null, now);
    }

    private static String required(JsonFields fields, String field, int max) {
        String text = fields.string(field, max);
        if (text == null || text.isEmpty()) {
            if (!hasError(fields, field)) {
                fields.errors().add(fields.path(field), BLANK);
            }
            return null;
        }
        return text;
    }

    private static boolean hasError(JsonFields fields, String field) {
        return fields.errors().list().stream().anyMatch(e -> e.field().equals(fields.path(field)));
    }

    /**
     * Open Loyalty's dates as its clients send them: {@code 2018-02-20T09:45:04+0100}, ISO-8601 with an offset or
     * {@code Z}, or local {@code 2019-02-20 09:28}, {@code 2019-02-20 09:28:00}, {@code 2019-02-20} in the store's zone.
     */
    static Instant date(JsonFields fields, String field, ZoneId zone, boolean required) {
        String text = fields.string(field, 40);
        if (text == null || text.isEmpty()) {
            if (required && !hasError(fields, field)) {
                fields.errors().add(fields.path(field), BLANK);
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON).toInstant();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        for (DateTimeFormatter local : List.of(LOCAL_MINUTES, LOCAL_SECONDS, DateTimeFormatter.ISO_LOCAL_DATE_TIME)) {
            try {
                return LocalDateTime.parse(text, local).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            fields.errors().add(fields.path(field),
                    "must be a date such as 2018-02-20T09:45:04+0100 or 2019-02-20 09:28 (the store's time zone)");
            return null;
        }
    }

    private static List<TransactionItem> items(JsonFields body) {
        List<TransactionItem> out = new ArrayList<>();
        if (!body.has("items")) {
            body.errors().add(body.path("items"), BLANK);
            return out;
        }
        List<JsonFields> items = body.objects("items", MAX_ITEMS);
        if (items == null) {
            return out;
        }
        if (items.isEmpty()) {
            body.errors().add(body.path("items"), BLANK);
        }
        for (JsonFields item : items) {
            if (item == null) {
                continue;
            }
            item.rejectUnknown(ITEM_FIELDS);
            String sku = null;
            JsonFields skuObject = item.object("sku");
            if (skuObject == null) {
                if (!item.has("sku")) {
                    item.errors().add(item.path("sku") + "[code]", BLANK);
                }
            } else {
                skuObject.rejectUnknown(Set.of("code"));
                sku = required(skuObject, "code", MAX_TEXT);
            }
            String name = required(item, "name", MAX_TEXT);
            BigDecimal quantity = amount(item, "quantity", 3);
            BigDecimal gross = amount(item, "grossValue", 2);
            String category = required(item, "category", MAX_TEXT);
            String maker = item.string("maker", MAX_TEXT);
            List<Label> labels = labels(item, "labels");
            out.add(new TransactionItem(sku, name, quantity, gross, category, maker, labels));
        }
        return out;
    }

    private static BigDecimal amount(JsonFields item, String field, int scale) {
        if (!item.has(field)) {
            item.errors().add(item.path(field), BLANK);
            return null;
        }
        return item.decimal(field, MAX_AMOUNT.negate(), MAX_AMOUNT, scale);
    }

    private static CustomerData customer(JsonFields body, boolean nameRequired) {
        JsonFields c = body.object("customerData");
        if (c == null) {
            if (nameRequired && !body.has("customerData")) {
                body.errors().add(body.path("customerData") + "[name]", BLANK);
            }
            return CustomerData.NONE;
        }
        c.rejectUnknown(CUSTOMER_FIELDS);
        String name = nameRequired ? required(c, "name", MAX_TEXT) : c.string("name", MAX_TEXT);
        String email = c.string("email", 320);
        String phone = c.identifier("phone", 32);
        if (phone != null && !phone.matches("\\+?[0-9]+")) {
            // Open Loyalty's Numeric constraint; a leading + is this engine's (international numbers).
            c.errors().add(c.path("phone"), "This value should be of type numeric.");
        }
        String card = c.identifier("loyaltyCardNumber", MAX_TEXT);
        String nip = c.identifier("nip", 64);
        Map<String, String> address = new LinkedHashMap<>();
        JsonFields a = c.object("address");
        if (a != null) {
            a.rejectUnknown(ADDRESS_FIELDS);
            for (String field : ADDRESS_FIELDS) {
                String value = a.identifier(field, MAX_TEXT);
                if (value != null) {
                    address.put(field, value);
                }
            }
        }
        return new CustomerData(name, blankToNull(email), phone, card, nip, address);
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** {@code labels[j][key,value]}, or Open Loyalty's {@code key:value;key:value} text (section 4 item 18). */
    public static List<Label> labels(JsonFields fields, String field) {
        List<Label> out = new ArrayList<>();
        if (!fields.has(field)) {
            return out;
        }
        if (fields.raw(field).isTextual()) {
            String text = fields.string(field, 2_000);
            if (text == null || text.isEmpty()) {
                return out;
            }
            for (String pair : text.split(";")) {
                int colon = pair.indexOf(':');
                if (colon <= 0) {
                    fields.errors().add(fields.path(field), "must be key:value pairs separated by ;");
                    return out;
                }
                out.add(new Label(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip()));
            }
            return out;
        }
        List<JsonFields> labels = fields.objects(field, MAX_LABELS);
        if (labels == null) {
            return out;
        }
        for (JsonFields label : labels) {
            if (label == null) {
                continue;
            }
            label.rejectUnknown(Set.of("key", "value"));
            String key = required(label, "key", MAX_TEXT);
            String value = label.string("value", MAX_TEXT);
            if (key != null) {
                out.add(new Label(key, value == null ? "" : value));
            }
        }
        return out;
    }

    /** T-3's Transaction object (Open Loyalty's field names). */
    public static Map<String, Object> toJson(Transaction t, String currency, BigDecimal pointsRevoked) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("grossValue", t.grossValue());
        out.put("transactionId", t.id());
        out.put("documentNumber", t.documentNumber());
        out.put("purchaseDate", t.purchaseDate().toString());
        out.put("purchasePlace", t.purchasePlace());
        out.put("documentType", t.documentType().openLoyaltyName());
        out.put("customerId", t.memberId());
        out.put("assignedToCustomerDate", t.assignedAt() == null ? null : t.assignedAt().toString());
        if (t.revisedDocument() != null) {
            out.put("revisedDocument", t.revisedDocument());
        }
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", t.customerData().name());
        customer.put("email", t.customerData().email());
        customer.put("phone", t.customerData().phone());
        customer.put("loyaltyCardNumber", t.customerData().loyaltyCardNumber());
        customer.put("nip", t.customerData().nip());
        customer.put("address", t.customerData().address());
        out.put("customerData", customer);
        out.put("labels", labels(t.labels()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (TransactionItem i : t.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sku", Map.of("code", i.sku()));
            item.put("name", i.name());
            item.put("quantity", i.quantity());
            item.put("grossValue", i.grossValue());
            item.put("category", i.category());
            item.put("maker", i.maker());
            item.put("labels", labels(i.labels()));
            items.add(item);
        }
        out.put("items", items);
        out.put("currency", currency == null ? null : currency.toLowerCase(java.util.Locale.ROOT));
        out.put("pointsEarned", t.pointsEarned() == null ? BigDecimal.ZERO : t.pointsEarned());
        out.put("pointsRevoked", pointsRevoked);
        out.put("pos", t.pos());
        return out;
    }

    private static List<Map<String, String>> labels(List<Label> labels) {
        return labels.stream().map(l -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("key", l.key());
            m.put("value", l.value());
            return m;
        }).toList();
    }
}
