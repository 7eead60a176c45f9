package org.serverlessloyalty.points;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.earning.event.model.BuiltInEvent;
import org.serverlessloyalty.shared.earning.event.service.EventAwards;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.json.MemberJson;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberPage;
import org.serverlessloyalty.shared.points.model.MemberPatch;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.referral.service.Referrals;
import org.serverlessloyalty.shared.store.model.Store;

/** Open Loyalty's customer routes: register, read, update, list and search, activate, deactivate, anonymize. */
final class MemberRoutes {

    static final String CUSTOMER = "customer";
    /** What a customer token may not change on its own member: the shop's identifiers of that person. */
    static final List<String> SHOP_FIELDS = List.of(MemberProfile.LOYALTY_CARD_NUMBER, MemberProfile.EXTERNAL_ID);

    private final MemberDirectory members;
    private final BusinessMetrics metrics;
    private final Clock clock;
    // issue 10: h10-events (account created, newsletter subscription, referral on registration)
    private final EventAwards awards;
    private final Referrals referrals;
    /** issue 10: h10-levels. Called with each newly registered member (L6 places them). */
    private final BiConsumer<Store, String> placeInLevel;

    MemberRoutes(MemberDirectory members, BusinessMetrics metrics, Clock clock, EventAwards awards,
                 Referrals referrals, BiConsumer<Store, String> placeInLevel) {
        this.placeInLevel = placeInLevel;
        this.members = members;
        this.metrics = metrics;
        this.clock = clock;
        this.awards = awards;
        this.referrals = referrals;
    }

    /** Open Loyalty answers 200 {@code {"customerId","email"}}. */
    ApiResponse register(ApiRequest request, Caller caller) {
        Store store = caller.store();
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        JsonFields customer = Bodies.openLoyalty(request, CUSTOMER);
        MemberJson.Registration registration = MemberJson.parseRegistration(customer, store.timezone(), clock.instant());
        String invitationToken = customer.identifier(MemberJson.INVITATION_TOKEN, 64);
        customer.errors().throwIfAny();
        if (invitationToken != null && referrals.find(store.code(), invitationToken).isEmpty()) {
            throw InvitationRoutes.invalidToken(customer);
        }
        var outcome = members.register(store.code(), registration.profile(), registration.createdAt(),
                key.map(k -> new MemberDirectory.Idempotency(k, MemberJson.requestHash(registration))));
        if (outcome instanceof MemberDirectory.Registration.Duplicate duplicate) {
            throw taken(customer, duplicate.taken());
        }
        if (outcome instanceof MemberDirectory.Registration.KeyReused) {
            throw new ApiException(422, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key registered another body; nothing was registered",
                    FieldErrors.single(IdempotencyKey.HEADER, "was used before with another body"));
        }
        var registered = (MemberDirectory.Registration.Registered) outcome;
        if (!registered.replayed()) {
            metrics.count("MembersRegistered", 1);
        }
        Member member = registered.member();
        // Before the awards: a referral rule targets levels (E1), so the new member is placed first (L6). Also on
        // a replay: the first attempt may have crashed between the registration and this call.
        placeInLevel.accept(store, member.memberId());
        // issue 10: h10-events. Also on a replay: each award is once per occasion, so a replay finishes what a first
        // attempt cut short and adds nothing else. A token used by someone else already ties nobody (no referral).
        StoreZone zone = TransferRoutes.zone(caller);
        awards.registered(zone, member.memberId(), Optional.ofNullable(invitationToken));
        if (member.profile().agreement2()) {
            awards.award(zone, member.memberId(), BuiltInEvent.NEWSLETTER_SUBSCRIPTION, member.memberId());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", registered.member().memberId());
        if (registered.member().profile().email() != null) {
            body.put("email", registered.member().profile().email());
        }
        return ApiResponse.ok(body);
    }

    ApiResponse get(ApiRequest request, Caller caller) {
        String id = caller.member(request.pathParameter(CUSTOMER));
        Member member = members.find(caller.store().code(), id).orElseThrow(() -> notFound(id));
        return ApiResponse.ok(MemberJson.toJson(member, caller.store().timezone()));
    }

    /** Open Loyalty answers 200 {@code {"customerId"}}: the fields given replace the member's, the others stay. */
    ApiResponse update(ApiRequest request, Caller caller) {
        String id = caller.member(request.pathParameter(CUSTOMER));
        IdempotencyKey.of(request);
        JsonFields customer = Bodies.openLoyalty(request, CUSTOMER);
        MemberPatch patch = MemberJson.parseUpdate(customer);
        if (patch != null && caller instanceof Caller.Customer) {
            SHOP_FIELDS.stream().filter(patch::gives).forEach(field -> customer.errors().add(customer.path(field),
                    "is the shop's identifier of the customer: change it with the store key"));
        }
        customer.errors().throwIfAny();
        var outcome = members.update(caller.store().code(), id, patch);
        if (outcome instanceof MemberDirectory.Change.Invalid invalid) {
            FieldErrors errors = FieldErrors.none();
            invalid.problems().forEach((field, message) -> errors.add(customer.path(field), message));
            throw ApiException.badRequest(errors);
        }
        changed(outcome, customer, id);
        // issue 10: h10-events. The newsletter agreement (agreement2) set on earns its event once per member, ever;
        // an update that does not give agreement2 earns nothing (a rule created later pays no old subscription).
        if (patch != null && patch.gives(MemberProfile.AGREEMENT2)
                && outcome instanceof MemberDirectory.Change.Changed changedTo
                && changedTo.member().profile().agreement2()) {
            awards.award(TransferRoutes.zone(caller), id, BuiltInEvent.NEWSLETTER_SUBSCRIPTION, id);
        }
        return ApiResponse.ok(Map.of("customerId", id));
    }

    /** Open Loyalty answers 200 without a body. */
    ApiResponse activate(ApiRequest request, Caller caller) {
        String id = caller.member(request.pathParameter(CUSTOMER));
        IdempotencyKey.of(request);
        changed(members.activate(caller.store().code(), id), null, id);
        return new ApiResponse(200, null);
    }

    ApiResponse deactivate(ApiRequest request, Caller caller) {
        String id = caller.member(request.pathParameter(CUSTOMER));
        IdempotencyKey.of(request);
        changed(members.deactivate(caller.store().code(), id), null, id);
        return new ApiResponse(200, null);
    }

    /** Open Loyalty answers 204. Personal data erased, unique values released, the ledger kept. */
    ApiResponse anonymize(ApiRequest request, Caller caller) {
        String id = caller.member(request.pathParameter(CUSTOMER));
        IdempotencyKey.of(request);
        var outcome = members.anonymize(caller.store().code(), id);
        if (outcome instanceof MemberDirectory.Change.NotFound) {
            throw notFound(id);
        }
        metrics.count("MembersAnonymized", 1);
        return ApiResponse.noContent();
    }

    /** {@code {"customers":[...],"total":N,"capped":false}}. */
    ApiResponse list(ApiRequest request, Caller caller) {
        MemberPage page = members.search(caller.store().code(), MemberListQuery.parse(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customers", page.members().stream().map(m -> MemberJson.toJson(m, caller.store().timezone())).toList());
        body.put("total", page.total());
        body.put("capped", page.capped());
        return ApiResponse.ok(body);
    }

    private static void changed(MemberDirectory.Change outcome, JsonFields customer, String id) {
        if (outcome instanceof MemberDirectory.Change.NotFound) {
            throw notFound(id);
        }
        if (outcome instanceof MemberDirectory.Change.Anonymized) {
            throw new ApiException(409, "CUSTOMER_ANONYMIZED",
                    "This customer was anonymized: its data is erased and it cannot change any more", FieldErrors.none());
        }
        if (outcome instanceof MemberDirectory.Change.Duplicate duplicate) {
            throw taken(customer, duplicate.taken());
        }
    }

    private static ApiException taken(JsonFields customer, List<ClaimKind> kinds) {
        FieldErrors errors = FieldErrors.none();
        kinds.forEach(kind -> errors.add(customer.path(kind.field()), "is already used by another customer"));
        return ApiException.badRequest(errors);
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("Customer " + PlainText.excerpt(id));
    }
}
