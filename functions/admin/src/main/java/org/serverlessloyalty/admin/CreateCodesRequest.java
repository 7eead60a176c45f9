package org.serverlessloyalty.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.giftcode.json.GiftCodeJson;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.store.model.Store;

/**
 * {@code POST /api/{storeCode}/admin/giftCodes}: either {@code {"codes":[...]}} (listed, up to
 * 1,000) or {@code {"generate":{"count","prefix","length"},"template":{...}}} (up to 10,000).
 * {@code length} counts the random characters after the prefix.
 */
sealed interface CreateCodesRequest {

    int DEFAULT_LENGTH = 12;
    Pattern PREFIX = Pattern.compile("[A-Z0-9-]{0,20}");

    record Listed(Map<CodeValue, GiftCodeTerms> codes, Map<CodeValue, Integer> indexes) implements CreateCodesRequest {
    }

    record Generated(String prefix, int length, int count, GiftCodeTerms terms) implements CreateCodesRequest {
    }

    /**
     * The CibleR coupon body's {@code customerId} is the store (CibleR's customer is the merchant):
     * accepted so that body can be posted as it is, and it must name the path's store.
     */
    String CUSTOMER_ID = "customerId";

    private static void checkCustomerId(JsonFields json, Store store) {
        String customerId = json.identifier(CUSTOMER_ID, 64);
        if (customerId != null && !customerId.equals(store.code().value())) {
            json.errors().add(json.path(CUSTOMER_ID), "must be the store of the path (" + store.code() + ") when given");
        }
    }

    static CreateCodesRequest parse(JsonNode body, Store store) {
        FieldErrors errors = FieldErrors.none();
        JsonFields json = JsonFields.root(body, errors);
        json.rejectUnknown(Set.of("codes", "generate", "template"));
        boolean listed = json.has("codes");
        boolean generated = json.has("generate") || json.has("template");
        if (listed == generated) {
            errors.add("body", "must hold either \"codes\" or \"generate\" with \"template\"");
            errors.throwIfAny();
        }
        CreateCodesRequest request = listed ? parseListed(json, store) : parseGenerated(json, store);
        errors.throwIfAny();
        return request;
    }

    private static Listed parseListed(JsonFields json, Store store) {
        List<JsonFields> entries = json.objects("codes", GiftCodeCatalog.MAX_LISTED);
        Map<CodeValue, GiftCodeTerms> codes = new LinkedHashMap<>();
        Map<CodeValue, Integer> indexes = new HashMap<>();
        if (entries == null) {
            return new Listed(codes, indexes);
        }
        if (entries.isEmpty()) {
            json.errors().add("codes", "must hold at least one code");
        }
        Set<String> known = new java.util.HashSet<>(GiftCodeJson.TERM_FIELDS);
        known.add("code");
        known.add(CUSTOMER_ID);
        for (int i = 0; i < entries.size(); i++) {
            JsonFields entry = entries.get(i);
            if (entry == null) {
                continue;
            }
            entry.rejectUnknown(known);
            checkCustomerId(entry, store);
            entry.require("code");
            int errorsBefore = json.errors().size();
            String raw = entry.identifier("code", 256);
            if (raw == null && entry.has("code") && json.errors().size() == errorsBefore) {
                // "" or "   ": identifier() reads blank as absent, but a listed code must be a code.
                json.errors().add(entry.path("code"), "must not be blank");
            }
            CodeValue code = null;
            if (raw != null) {
                if (CodeValue.isValid(raw)) {
                    code = CodeValue.of(raw);
                } else {
                    json.errors().add(entry.path("code"), "must be 1-" + CodeValue.MAX_LENGTH
                            + " letters, digits, '-' or '_'");
                }
            }
            GiftCodeTerms terms = GiftCodeJson.parseTerms(entry, store);
            if (code != null && indexes.containsKey(code)) {
                json.errors().add(entry.path("code"), "repeats codes[" + indexes.get(code) + "].code ("
                        + code.value() + "); codes match case-insensitively");
            } else if (code != null) {
                indexes.put(code, i);
                codes.put(code, terms);
            }
        }
        return new Listed(codes, indexes);
    }

    private static Generated parseGenerated(JsonFields json, Store store) {
        json.require("generate");
        json.require("template");
        JsonFields generate = json.object("generate");
        String prefix = "";
        int length = DEFAULT_LENGTH;
        int count = 0;
        if (generate != null) {
            generate.rejectUnknown(Set.of("count", "prefix", "length"));
            generate.require("count");
            Long n = generate.integer("count", 1, GiftCodeCatalog.MAX_GENERATED);
            count = n == null ? 0 : n.intValue();
            String p = generate.string("prefix", 20);
            if (p != null) {
                prefix = CodeValue.normalise(p);
                if (!PREFIX.matcher(prefix).matches()) {
                    json.errors().add(generate.path("prefix"), "must be at most 20 letters, digits or '-'");
                }
            }
            Long l = generate.integer("length", CodeGenerator.MIN_RANDOM_LENGTH, CodeGenerator.MAX_RANDOM_LENGTH);
            if (l != null) {
                length = l.intValue();
            }
        }
        GiftCodeTerms terms = null;
        JsonFields template = json.object("template");
        if (template != null) {
            Set<String> known = new java.util.HashSet<>(GiftCodeJson.TERM_FIELDS);
            known.add(CUSTOMER_ID);
            template.rejectUnknown(known);
            checkCustomerId(template, store);
            terms = GiftCodeJson.parseTerms(template, store);
        }
        return new Generated(prefix, length, count, terms);
    }
}
