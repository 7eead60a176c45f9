package org.serverlessloyalty.points;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.access.service.CustomerTokens;
import org.serverlessloyalty.shared.earning.event.model.BuiltInEvent;
import org.serverlessloyalty.shared.earning.event.service.EventAwards;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.CustomerTokenSecret;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.service.CustomerTokenKeys;
import org.serverlessloyalty.shared.points.service.MemberDirectory;

/** Customer tokens: issued to the shop's server for one member, refused for all once the store's key is rotated. */
final class CustomerTokenRoutes {

    static final String CUSTOMER_ID = "customerId";
    private static final Set<String> FIELDS = Set.of(CUSTOMER_ID, "email", "phone", "loyaltyCardNumber", "externalId");

    private final MemberDirectory members;
    private final CustomerTokens tokens;
    private final CustomerTokenKeys keys;
    // issue 10: h10-events (login)
    private final EventAwards awards;
    private final Clock clock;

    CustomerTokenRoutes(MemberDirectory members, CustomerTokens tokens, CustomerTokenKeys keys, EventAwards awards,
                        Clock clock) {
        this.members = members;
        this.tokens = tokens;
        this.keys = keys;
        this.awards = awards;
        this.clock = clock;
    }

    /**
     * {@code POST /api/{storeCode}/customer/token}, body {@code {"customer":{"externalId":"..."}}} (or without the
     * root, or form-encoded): exactly one of {@code customerId}, {@code email}, {@code phone},
     * {@code loyaltyCardNumber}, {@code externalId} names the member.
     */
    ApiResponse issue(ApiRequest request, Caller caller) {
        IdempotencyKey.of(request);
        JsonFields customer = Bodies.openLoyalty(request, MemberRoutes.CUSTOMER);
        customer.rejectUnknown(FIELDS);
        String field = null;
        String value = null;
        for (String name : FIELDS.stream().sorted().toList()) {
            String given = customer.identifier(name, 254);
            if (given != null) {
                if (field != null) {
                    customer.errors().add(customer.path(name), "name the customer once: " + field + " is given too");
                }
                field = name;
                value = given;
            }
        }
        if (field == null && customer.errors().isEmpty()) {
            customer.errors().add(customer.path(CUSTOMER_ID),
                    "is required, or one of email, phone, loyaltyCardNumber, externalId");
        }
        customer.errors().throwIfAny();
        Member member = find(caller, field, value)
                .filter(m -> !m.isAnonymized())
                .orElseThrow(() -> ApiException.notFound("Customer"));
        CustomerTokens.Issued issued = tokens.issue(caller.store().code(), member.memberId());
        // issue 10: h10-events. A token is a login (oloy.customer.logged_in); it earns once per calendar day in the
        // store's zone, since the shop's server asks a token for every session of its pages.
        StoreZone zone = TransferRoutes.zone(caller);
        awards.award(zone, member.memberId(), BuiltInEvent.LOGGED_IN,
                "day:" + LocalDate.ofInstant(clock.instant(), zone.zone()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", issued.token());
        body.put("tokenType", "Bearer");
        body.put("expiresIn", issued.lifetime().toSeconds());
        body.put("expiresAt", issued.expiresAt().toString());
        body.put(CUSTOMER_ID, member.memberId());
        return ApiResponse.ok(body);
    }

    private java.util.Optional<Member> find(Caller caller, String field, String value) {
        var store = caller.store().code();
        return switch (field) {
            case CUSTOMER_ID -> members.find(store, value);
            case "email" -> members.findBy(store, ClaimKind.EMAIL, value);
            case "phone" -> members.findBy(store, ClaimKind.PHONE, value);
            case "loyaltyCardNumber" -> members.findBy(store, ClaimKind.LOYALTY_CARD_NUMBER, value);
            default -> members.findBy(store, ClaimKind.EXTERNAL_ID, value);
        };
    }

    /** {@code POST /api/store/{storeCode}/customer-token-secret/rotate}: every token issued before is refused from now. */
    ApiResponse rotate(ApiRequest request, Caller caller) {
        CustomerTokenSecret rotated = keys.rotate(caller.store().code());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", caller.store().code().value());
        body.put("customerTokenSecretVersion", rotated.version());
        body.put("rotatedAt", rotated.createdAt().toString());
        return ApiResponse.ok(body);
    }
}
