package org.serverlessloyalty.shared.points.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.points.model.Address;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Company;
import org.serverlessloyalty.shared.points.model.Gender;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberPatch;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.rules.MemberIdentifiers;
import org.serverlessloyalty.shared.points.rules.MemberRules;

/**
 * Open Loyalty's customer object: the {@code customer} form of register and update (form-encoded
 * {@code customer[email]=...} or JSON, read through {@code JsonFields} so errors name fields as the client wrote
 * them), and the customer this engine answers. Field names are Open Loyalty's, plus {@code externalId}.
 */
public final class MemberJson {

    public static final String CREATED_AT = "createdAt";
    public static final int MAX_NAME = 128;
    public static final int MAX_ADDRESS_PART = 255;
    public static final int MAX_LABELS_TEXT = 2_000;
    public static final int MAX_LABELS = 50;

    /** Open Loyalty's dates: PHP's ISO 8601, no colon in the offset ({@code 2016-08-08T10:53:14+0200}). */
    public static final DateTimeFormatter OPEN_LOYALTY_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private static final Set<String> REGISTER_FIELDS;
    private static final Set<String> ADDRESS_FIELDS = Set.of("street", "address1", "address2", "postal", "city",
            "province", "country");

    static {
        Set<String> fields = new HashSet<>(MemberProfile.FIELDS);
        fields.add(CREATED_AT);
        REGISTER_FIELDS = Set.copyOf(fields);
    }

    private MemberJson() {
    }

    /** A registration: the member's profile, and when it joined when the body says so (an import). */
    public record Registration(MemberProfile profile, Instant createdAt) {
    }

    /**
     * Reads a registration; problems are recorded in {@code customer.errors()} (every one of them: a bad field and a
     * missing one are named together) and null is returned.
     *
     * @param zone the store's time zone, for a {@code createdAt} given without an offset
     */
    public static Registration parseRegistration(JsonFields customer, ZoneId zone, Instant now) {
        int before = customer.errors().size();
        customer.rejectUnknown(REGISTER_FIELDS);
        Values values = new Values(customer);
        MemberProfile profile = values.profile(false);
        Instant createdAt = dateTime(customer, CREATED_AT, zone);
        if (createdAt != null && createdAt.isAfter(now)) {
            customer.errors().add(customer.path(CREATED_AT), "must not be in the future");
        }
        // The rules' problems, but only for fields not already named (a name too long is not also "required").
        MemberRules.problems(profile, LocalDate.ofInstant(now, zone)).forEach((field, message) -> {
            String path = customer.path(field);
            if (customer.errors().list().stream().noneMatch(e -> e.field().equals(path))) {
                customer.errors().add(path, message);
            }
        });
        return customer.errors().size() > before ? null : new Registration(profile, createdAt);
    }

    /**
     * Reads an update: only the fields the body gives change; an empty value erases one (a first or last name
     * cannot be erased). Problems are recorded and null is returned.
     */
    public static MemberPatch parseUpdate(JsonFields customer) {
        int before = customer.errors().size();
        customer.rejectUnknown(MemberProfile.FIELDS);
        Values values = new Values(customer);
        MemberProfile profile = values.profile(true);
        for (String name : List.of(MemberProfile.FIRST_NAME, MemberProfile.LAST_NAME)) {
            if (values.given.contains(name) && (name.equals(MemberProfile.FIRST_NAME)
                    ? profile.firstName() : profile.lastName()) == null
                    && customer.errors().list().stream().noneMatch(e -> e.field().equals(customer.path(name)))) {
                customer.errors().add(customer.path(name), "must not be blank");
            }
        }
        return customer.errors().size() > before ? null : new MemberPatch(values.given, profile);
    }

    /** The path naming the field of a value another member holds. */
    public static String path(JsonFields customer, ClaimKind kind) {
        return customer.path(kind.field());
    }

    /** Reads each field the body gives, remembering which were given. */
    private static final class Values {

        private final JsonFields json;
        private final Set<String> given = new HashSet<>();

        Values(JsonFields json) {
            this.json = json;
        }

        MemberProfile profile(boolean update) {
            for (String field : MemberProfile.FIELDS) {
                if (json.raw(field) != null) {
                    given.add(field);
                }
            }
            String firstName = text(MemberProfile.FIRST_NAME, MAX_NAME);
            String lastName = text(MemberProfile.LAST_NAME, MAX_NAME);
            Gender gender = null;
            String genderText = text(MemberProfile.GENDER, 32);
            if (genderText != null) {
                gender = Gender.fromValue(genderText).orElse(null);
                if (gender == null) {
                    json.errors().add(json.path(MemberProfile.GENDER), "must be male, female or not_disclosed");
                }
            }
            String email = text(MemberProfile.EMAIL, MemberIdentifiers.MAX_EMAIL + 1);
            if (email != null && !MemberIdentifiers.isEmail(email)) {
                json.errors().add(json.path(MemberProfile.EMAIL), "is not a valid email address");
                email = null;
            }
            String phone = null;
            String typedPhone = text(MemberProfile.PHONE, MemberIdentifiers.MAX_PHONE_INPUT);
            if (typedPhone != null) {
                phone = MemberIdentifiers.phone(typedPhone).orElse(null);
                if (phone == null) {
                    json.errors().add(json.path(MemberProfile.PHONE), "is not a valid phone number: an optional + and "
                            + MemberIdentifiers.MIN_PHONE_DIGITS + "-" + MemberIdentifiers.MAX_PHONE_DIGITS
                            + " digits, with spaces, dashes, dots, slashes or parentheses between them");
                }
            }
            LocalDate birthDate = date(json, MemberProfile.BIRTH_DATE);
            Address address = address();
            Company company = company();
            String card = text(MemberProfile.LOYALTY_CARD_NUMBER, MemberIdentifiers.MAX_LOYALTY_CARD_NUMBER);
            String externalId = text(MemberProfile.EXTERNAL_ID, MemberIdentifiers.MAX_EXTERNAL_ID);
            List<Label> labels = labels();
            boolean agreement1 = agreement(MemberProfile.AGREEMENT1);
            boolean agreement2 = agreement(MemberProfile.AGREEMENT2);
            boolean agreement3 = agreement(MemberProfile.AGREEMENT3);
            return new MemberProfile(firstName, lastName, gender, email, phone, birthDate, address, company, card,
                    externalId, labels, agreement1, agreement2, agreement3);
        }

        /** A text field: null when absent or empty (an empty value erases the field on update). */
        private String text(String field, int maxLength) {
            JsonNode raw = json.raw(field);
            if (raw != null && raw.isIntegralNumber()) {
                // A phone or a card number sent as a JSON number.
                String digits = raw.asText();
                if (digits.length() > maxLength) {
                    json.errors().add(json.path(field), "must be at most " + maxLength + " characters");
                    return null;
                }
                return digits;
            }
            String text = json.string(field, maxLength);
            return text == null || text.isEmpty() ? null : text;
        }

        private boolean agreement(String field) {
            Boolean value = json.bool(field);
            return value != null && value;
        }

        private Address address() {
            if (json.raw(MemberProfile.ADDRESS) != null && json.raw(MemberProfile.ADDRESS).isTextual()
                    && json.raw(MemberProfile.ADDRESS).asText().isBlank()) {
                return null; // customer[address]= erases it
            }
            JsonFields address = json.object(MemberProfile.ADDRESS);
            if (address == null) {
                return null;
            }
            address.rejectUnknown(ADDRESS_FIELDS);
            Values parts = new Values(address);
            return new Address(parts.text("street", MAX_ADDRESS_PART), parts.text("address1", MAX_ADDRESS_PART),
                    parts.text("address2", MAX_ADDRESS_PART), parts.text("postal", MAX_ADDRESS_PART),
                    parts.text("city", MAX_ADDRESS_PART), parts.text("province", MAX_ADDRESS_PART),
                    parts.text("country", MAX_ADDRESS_PART));
        }

        /** A company has a name and a tax id, together (Open Loyalty answers 500 for one without the other). */
        private Company company() {
            if (json.raw(MemberProfile.COMPANY) != null && json.raw(MemberProfile.COMPANY).isTextual()
                    && json.raw(MemberProfile.COMPANY).asText().isBlank()) {
                return null;
            }
            JsonFields company = json.object(MemberProfile.COMPANY);
            if (company == null) {
                return null;
            }
            company.rejectUnknown(Set.of("name", "nip"));
            Values parts = new Values(company);
            String name = parts.text("name", MAX_ADDRESS_PART);
            String nip = parts.text("nip", 64);
            if (name == null && nip == null) {
                return null;
            }
            if (name == null) {
                json.errors().add(company.path("name"), "is required with nip");
            }
            if (nip == null) {
                json.errors().add(company.path("nip"), "is required with name");
            }
            return name == null || nip == null ? null : new Company(name, nip);
        }

        /** Open Loyalty's {@code "key1:value1;key2:value2"}, or a JSON array of {@code {"key","value"}}. */
        private List<Label> labels() {
            JsonNode raw = json.raw(MemberProfile.LABELS);
            if (raw == null) {
                return List.of();
            }
            List<Label> labels = new ArrayList<>();
            String path = json.path(MemberProfile.LABELS);
            if (raw.isArray()) {
                List<JsonFields> entries = json.objects(MemberProfile.LABELS, MAX_LABELS);
                if (entries != null) {
                    for (JsonFields entry : entries) {
                        if (entry == null) {
                            continue;
                        }
                        entry.rejectUnknown(Set.of("key", "value"));
                        entry.require("key");
                        Values parts = new Values(entry);
                        String key = parts.text("key", 100);
                        String value = parts.text("value", 255);
                        if (key != null) {
                            labels.add(new Label(key, value == null ? "" : value));
                        }
                    }
                }
                return labels;
            }
            String text = json.string(MemberProfile.LABELS, MAX_LABELS_TEXT);
            if (text == null) {
                return List.of();
            }
            for (String fragment : text.split(";")) {
                if (fragment.isBlank()) {
                    continue;
                }
                int colon = fragment.indexOf(':');
                // Open Loyalty answers 500 for a fragment without ':' (behaviour spec, section 4 item 10).
                if (colon <= 0 || fragment.substring(0, colon).isBlank()) {
                    json.errors().add(path, "must be key:value pairs separated by ';' (such as vip:gold;source:shop)");
                    return List.of();
                }
                labels.add(new Label(fragment.substring(0, colon).strip(), fragment.substring(colon + 1).strip()));
            }
            if (labels.size() > MAX_LABELS) {
                json.errors().add(path, "must have at most " + MAX_LABELS + " labels");
                return List.of();
            }
            return labels;
        }
    }

    /** Open Loyalty's lenient dates: {@code 1990-09-11}, {@code 1990-09-11 10:59}, or ISO 8601 with a time. */
    static LocalDate date(JsonFields json, String field) {
        String text = json.string(field, 40);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            // try the forms with a time below
        }
        try {
            return LocalDateTime.parse(text, SPACED).toLocalDate();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            json.errors().add(json.path(field), "must be a date such as 1990-09-11");
            return null;
        }
    }

    /** A moment: with an offset as given, else a local time (or a day's start) in the store's time zone. */
    public static Instant dateTime(JsonFields json, String field, ZoneId zone) {
        String text = json.string(field, 40);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDateTime.parse(text, SPACED).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            json.errors().add(json.path(field), "must be a date and time such as 2017-01-01 14:15:16");
            return null;
        }
    }

    /**
     * SHA-256 (hex) of what a registration registers, in one canonical form: a form-encoded and a JSON body saying
     * the same thing hash the same, so either retries the other under one {@code Idempotency-Key}.
     */
    public static String requestHash(Registration registration) {
        Map<String, Object> canonical = new LinkedHashMap<>(profile(registration.profile()));
        canonical.put(CREATED_AT, registration.createdAt() == null ? null : registration.createdAt().toString());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /**
     * The customer as Open Loyalty answers it ({@code GET /customer/{customer}}): fields without a value are left
     * out, as Open Loyalty does; dates in the store's time zone, Open Loyalty's format.
     */
    public static Map<String, Object> toJson(Member member, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerId", member.memberId());
        json.put("active", member.isActive());
        json.put("status", Map.of("type", member.status().value()));
        json.putAll(profile(member.profile()));
        if (member.profile().birthDate() != null) {
            // Open Loyalty answers a birth date as its midnight: 1990-09-11T00:00:00+0200.
            json.put(MemberProfile.BIRTH_DATE,
                    OPEN_LOYALTY_DATE_TIME.format(member.profile().birthDate().atStartOfDay(zone)));
        }
        json.put("createdAt", OPEN_LOYALTY_DATE_TIME.format(member.createdAt().atZone(zone)));
        json.put("updatedAt", OPEN_LOYALTY_DATE_TIME.format(member.updatedAt().atZone(zone)));
        return json;
    }

    private static Map<String, Object> profile(MemberProfile p) {
        Map<String, Object> json = new LinkedHashMap<>();
        putIfPresent(json, MemberProfile.FIRST_NAME, p.firstName());
        putIfPresent(json, MemberProfile.LAST_NAME, p.lastName());
        putIfPresent(json, MemberProfile.GENDER, p.gender() == null ? null : p.gender().value());
        putIfPresent(json, MemberProfile.EMAIL, p.email());
        putIfPresent(json, MemberProfile.PHONE, p.phone());
        putIfPresent(json, MemberProfile.BIRTH_DATE, p.birthDate() == null ? null : p.birthDate().toString());
        Map<String, Object> address = new LinkedHashMap<>();
        if (p.address() != null) {
            putIfPresent(address, "street", p.address().street());
            putIfPresent(address, "address1", p.address().address1());
            putIfPresent(address, "address2", p.address().address2());
            putIfPresent(address, "postal", p.address().postal());
            putIfPresent(address, "city", p.address().city());
            putIfPresent(address, "province", p.address().province());
            putIfPresent(address, "country", p.address().country());
        }
        json.put(MemberProfile.ADDRESS, address);
        if (p.company() != null) {
            Map<String, Object> company = new LinkedHashMap<>();
            company.put("name", p.company().name());
            company.put("nip", p.company().nip());
            json.put(MemberProfile.COMPANY, company);
        }
        putIfPresent(json, MemberProfile.LOYALTY_CARD_NUMBER, p.loyaltyCardNumber());
        putIfPresent(json, MemberProfile.EXTERNAL_ID, p.externalId());
        json.put(MemberProfile.LABELS, p.labels().stream().map(l -> {
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("key", l.key());
            label.put("value", l.value());
            return label;
        }).toList());
        json.put(MemberProfile.AGREEMENT1, p.agreement1());
        json.put(MemberProfile.AGREEMENT2, p.agreement2());
        json.put(MemberProfile.AGREEMENT3, p.agreement3());
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
