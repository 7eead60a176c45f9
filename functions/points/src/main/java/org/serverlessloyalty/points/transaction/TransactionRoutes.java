package org.serverlessloyalty.points.transaction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.earning.model.Earned;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.http.QueryParameters;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.rules.MemberIds;
import org.serverlessloyalty.shared.transaction.json.TransactionJson;
import org.serverlessloyalty.shared.transaction.model.DocumentType;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionFilter;
import org.serverlessloyalty.shared.transaction.model.TransactionOutcome;
import org.serverlessloyalty.shared.transaction.model.TransactionPage;
import org.serverlessloyalty.shared.transaction.model.TransactionRefusal;
import org.serverlessloyalty.shared.transaction.service.Transactions;

/**
 * Open Loyalty's transactions (section 1.B.4, T-1..T-7): register, list, read, simulate, assign, labels, item labels.
 * Each parses its body first (one 400 naming every bad field, nothing read or written), then asks
 * {@link Transactions}; a refusal answers 400 with Open Loyalty's text in {@code error} and the field it belongs to
 * in {@code errors}, as the client wrote it.
 */
public final class TransactionRoutes {

    static final String TRANSACTION = "transaction";
    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_PER_PAGE = 100;
    private static final Set<String> ASSIGN_FIELDS = Set.of("transactionDocumentNumber", "customerId",
            "customerLoyaltyCardNumber", "customerPhoneNumber");

    private final Transactions transactions;
    private final Clock clock;

    public TransactionRoutes(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** T-1: {@code {"transactionId"}}; a duplicate document number is 400 "Document number should be unique" (T1). */
    public ApiResponse register(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, TRANSACTION);
        Transaction draft = TransactionJson.register(body, caller.store().timezone(), clock.instant());
        body.errors().throwIfAny();
        return answer(request, body, transactions.register(zone(caller), draft));
    }

    /** T-2 (admin, seller): the store's transactions the filters keep, newest first. */
    public ApiResponse list(ApiRequest request, Caller caller) {
        return page(request, caller, null);
    }

    /** T-2 (customer): the token's member's own. */
    public ApiResponse listOwn(ApiRequest request, Caller caller) {
        return page(request, caller, ((Caller.Customer) caller).memberId());
    }

    private ApiResponse page(ApiRequest request, Caller caller, String ownMember) {
        FieldErrors errors = FieldErrors.none();
        TransactionFilter filter = filter(request, ownMember, errors);
        int page = QueryParameters.integer(request, "page", 1, 100_000, 1, errors);
        int perPage = QueryParameters.integer(request, "perPage", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE, errors);
        errors.throwIfAny();
        TransactionPage found = transactions.repository().list(caller.store().code(), filter, page, perPage);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Transaction t : found.transactions()) {
            out.add(json(caller, t));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactions", out);
        body.put("total", found.total());
        return ApiResponse.ok(body);
    }

    /** T-3 (admin). */
    public ApiResponse get(ApiRequest request, Caller caller) {
        return ApiResponse.ok(json(caller, find(request, caller, null)));
    }

    /** T-3 (customer): another member's transaction is 404, as one that does not exist. */
    public ApiResponse getOwn(ApiRequest request, Caller caller) {
        return ApiResponse.ok(json(caller, find(request, caller, ((Caller.Customer) caller).memberId())));
    }

    private Transaction find(ApiRequest request, Caller caller, String ownMember) {
        String id = request.pathParameter(TRANSACTION);
        return transactions.find(caller.store().code(), id)
                .filter(t -> ownMember == null || ownMember.equals(t.memberId()))
                .orElseThrow(() -> ApiException.notFound("Transaction " + PlainText.excerpt(id)));
    }

    private Map<String, Object> json(Caller caller, Transaction t) {
        return TransactionJson.toJson(t, caller.store().currency().getCurrencyCode(),
                transactions.pointsRevoked(caller.store().code(), t));
    }

    /**
     * T-4 (rule T7, ours): {@code {"points"}} the basket would earn. Customer data naming a member applies that
     * member's targeting; none is the merchant's preview of every active rule. Data naming nobody is 400.
     */
    public ApiResponse simulate(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, TRANSACTION);
        Transaction draft = TransactionJson.simulate(body, caller.store().timezone(), clock.instant());
        body.errors().throwIfAny();
        Optional<MemberRef> member = Optional.empty();
        var data = draft.customerData();
        if (data.email() != null || data.phone() != null || data.loyaltyCardNumber() != null) {
            member = transactions.match(caller.store().code(), draft);
            if (member.isEmpty()) {
                throw ApiException.badRequest(FieldErrors.single(body.path("customerData"),
                        "names no active customer of this store (by phone, loyalty card number or email)"));
            }
        }
        Earned earned = transactions.simulate(caller.store().code(), draft, member);
        return ApiResponse.ok(Map.of("points", earned.points()));
    }

    /** T-5 (admin, seller): the member named by id, loyalty card number or phone. */
    public ApiResponse assign(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, "assign");
        body.rejectUnknown(ASSIGN_FIELDS);
        String document = documentNumber(body);
        String id = body.identifier("customerId", 64);
        String card = body.identifier("customerLoyaltyCardNumber", 255);
        String phone = body.identifier("customerPhoneNumber", 32);
        if (!body.has("customerId") && !body.has("customerLoyaltyCardNumber") && !body.has("customerPhoneNumber")) {
            body.errors().add(body.path("customerId"),
                    "one of customerId, customerLoyaltyCardNumber or customerPhoneNumber is required");
        }
        body.errors().throwIfAny();
        Optional<MemberRef> member;
        String field;
        if (id != null) {
            field = "customerId";
            member = MemberIds.parse(id).flatMap(m -> transactions.shoppers().byId(caller.store().code(), m));
        } else if (card != null) {
            field = "customerLoyaltyCardNumber";
            member = transactions.shoppers().by(caller.store().code(), ClaimKind.LOYALTY_CARD_NUMBER, card);
        } else {
            field = "customerPhoneNumber";
            member = transactions.shoppers().by(caller.store().code(), ClaimKind.PHONE, phone);
        }
        if (member.isEmpty()) {
            return refusal(request, body, TransactionRefusal.noSuchCustomer(field));
        }
        return answer(request, body, transactions.assign(zone(caller), document, member.get().memberId()));
    }

    /** T-5 (customer): the token's member takes a transaction as theirs. */
    public ApiResponse assignOwn(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, "assign");
        body.rejectUnknown(ASSIGN_FIELDS);
        String document = documentNumber(body);
        body.errors().throwIfAny();
        return answer(request, body, transactions.assign(zone(caller), document,
                ((Caller.Customer) caller).memberId()));
    }

    /** T-6 (admin): the transaction's labels replaced; {@code labels} (or the docs' {@code label}). */
    public ApiResponse replaceLabels(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, "transaction_labels");
        body.rejectUnknown(Set.of("transactionId", "labels", "label"));
        String id = body.identifier("transactionId", 64);
        if (id == null && !hasError(body, "transactionId")) {
            body.errors().add(body.path("transactionId"), TransactionJson.BLANK);
        }
        List<Label> labels = new ArrayList<>(TransactionJson.labels(body, "labels"));
        labels.addAll(TransactionJson.labels(body, "label"));
        body.errors().throwIfAny();
        Optional<Transaction> found = transactions.find(caller.store().code(), id);
        if (found.isEmpty()) {
            return refusal(request, body, new TransactionRefusal("transactionId", "Transaction not exist"));
        }
        transactions.repository().replaceLabels(caller.store().code(), found.get().withLabels(labels));
        return ApiResponse.ok(Map.of("transactionId", found.get().id()));
    }

    /** T-6 (customer): labels appended to one of the token's member's transactions. */
    public ApiResponse appendLabels(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, "append");
        body.rejectUnknown(Set.of("transactionDocumentNumber", "labels"));
        String document = documentNumber(body);
        List<Label> labels = TransactionJson.labels(body, "labels");
        body.errors().throwIfAny();
        String member = ((Caller.Customer) caller).memberId();
        Optional<Transaction> found = transactions.findByDocument(caller.store().code(), document)
                .filter(t -> member.equals(t.memberId()));
        if (found.isEmpty()) {
            return refusal(request, body, TransactionRefusal.ASSIGN_NOT_FOUND);
        }
        List<Label> all = new ArrayList<>(found.get().labels());
        labels.stream().filter(l -> !all.contains(l)).forEach(all::add);
        transactions.repository().replaceLabels(caller.store().code(), found.get().withLabels(all));
        return ApiResponse.ok(Map.of("transactionId", found.get().id()));
    }

    /** T-7: every item label key with its values. */
    public ApiResponse itemLabels(ApiRequest request, Caller caller) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        transactions.repository().itemLabels(caller.store().code())
                .forEach((key, values) -> labels.put(key, List.copyOf(values)));
        return ApiResponse.ok(Map.of("labels", labels));
    }

    private static String documentNumber(JsonFields body) {
        String document = body.identifier("transactionDocumentNumber", 128);
        if (document == null && !hasError(body, "transactionDocumentNumber")) {
            body.errors().add(body.path("transactionDocumentNumber"), TransactionJson.BLANK);
        }
        return document;
    }

    private static boolean hasError(JsonFields body, String field) {
        return body.errors().list().stream().anyMatch(e -> e.field().equals(body.path(field)));
    }

    private static ApiResponse answer(ApiRequest request, JsonFields body, TransactionOutcome outcome) {
        if (outcome instanceof TransactionOutcome.Done done) {
            return ApiResponse.ok(Map.of("transactionId", done.transaction().id()));
        }
        return refusal(request, body, ((TransactionOutcome.Refused) outcome).refusal());
    }

    /**
     * 400 in the one error shape, naming the field as the client wrote it ({@code transaction[transactionData]
     * [documentNumber]}), with Open Loyalty's text also in {@code error}.
     */
    static ApiResponse refusal(ApiRequest request, JsonFields body, TransactionRefusal refusal) {
        String[] parts = refusal.field().split("\\.");
        StringBuilder field = new StringBuilder(body.path(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            field.append('[').append(parts[i]).append(']');
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", 400);
        error.put("code", "VALIDATION_FAILED");
        error.put("message", "The request has invalid fields");
        error.put("errors", FieldErrors.single(field.toString(), refusal.message()).list());
        error.put("error", refusal.message());
        error.put("requestId", request.requestId());
        return new ApiResponse(400, error);
    }

    private static StoreZone zone(Caller caller) {
        return new StoreZone(caller.store().code(), caller.store().timezone());
    }

    /** T-2's query; a filter that cannot be read is 400 naming it (Open Loyalty would drop it and list the rest). */
    private static TransactionFilter filter(ApiRequest request, String ownMember, FieldErrors errors) {
        String memberId = ownMember;
        if (ownMember == null) {
            Optional<String> id = text(request, "customerId");
            if (id.isPresent()) {
                memberId = MemberIds.parse(id.get()).orElse(null);
                if (memberId == null) {
                    errors.add("customerId", "must be a customer id (a UUID)");
                }
            }
        }
        DocumentType type = null;
        Optional<String> typeText = text(request, "documentType");
        if (typeText.isPresent()) {
            type = DocumentType.parse(typeText.get()).orElse(null);
            if (type == null) {
                errors.add("documentType", "must be sell or return");
            }
        }
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Optional<String> key = text(request, "labels[" + i + "][key]");
            if (key.isEmpty()) {
                break;
            }
            labels.add(new Label(key.get(), text(request, "labels[" + i + "][value]").orElse("")));
        }
        return new TransactionFilter(text(request, "customerData_loyaltyCardNumber").orElse(null),
                text(request, "customerData_name").orElse(null), text(request, "customerData_email").orElse(null),
                text(request, "customerData_phone").orElse(null), memberId, type,
                text(request, "documentNumber").orElse(null), text(request, "posId").orElse(null),
                instant(request, "purchaseDateFrom", false, errors), instant(request, "purchaseDateTo", true, errors),
                decimal(request, "grossValueFrom", errors), decimal(request, "grossValueTo", errors), labels);
    }

    private static Optional<String> text(ApiRequest request, String name) {
        return request.queryParameter(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Instant instant(ApiRequest request, String name, boolean endOfDay, FieldErrors errors) {
        Optional<String> raw = text(request, name);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.get()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(raw.get());
                return endOfDay ? day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusMillis(1)
                        : day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                errors.add(name, "must be a date yyyy-MM-dd or a date-time with an offset");
                return null;
            }
        }
    }

    private static BigDecimal decimal(ApiRequest request, String name, FieldErrors errors) {
        Optional<String> raw = text(request, name);
        if (raw.isEmpty()) {
            return null;
        }
        if (!raw.get().matches("-?\\d{1,12}(\\.\\d{1,4})?")) {
            errors.add(name, "must be a number");
            return null;
        }
        return new BigDecimal(raw.get());
    }
}
