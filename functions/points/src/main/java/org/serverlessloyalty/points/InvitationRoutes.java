package org.serverlessloyalty.points;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.QueryParameters;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.referral.model.Invitation;
import org.serverlessloyalty.shared.referral.model.InvitationStatus;
import org.serverlessloyalty.shared.referral.rules.InvitationFilter;
import org.serverlessloyalty.shared.referral.service.Referrals;

/**
 * Referral invitations (issue 10, area h10-events; the docs' Invitation section): a member invites someone and gets
 * the token the shop sends them (this engine sends no mail); whoever registers with {@code customer[invitationToken]}
 * is tied to the referrer once, for the referral rules. The store lists its invitations with the docs' filters.
 */
final class InvitationRoutes {

    static final String INVITATION = "invitation";
    static final int MAX_PER_PAGE = 100;
    private static final Set<String> INVITE_FIELDS = Set.of("type", "recipientEmail", "recipientPhone");
    private static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    private static final String PHONE = "^\\+?[0-9][0-9 .()-]{3,30}$";

    private final Referrals referrals;
    private final MemberDirectory members;

    InvitationRoutes(Referrals referrals, MemberDirectory members) {
        this.referrals = referrals;
        this.members = members;
    }

    /**
     * {@code POST /customer/invitations/invite}: {@code invitation[recipientEmail]} and/or
     * {@code invitation[recipientPhone]} (Open Loyalty's {@code invitation[type]} email|mobile is accepted and says
     * which one is required). 200 {@code {"invitationId","token"}}.
     */
    ApiResponse invite(ApiRequest request, Caller caller) {
        String memberId = ((Caller.Customer) caller).memberId();
        IdempotencyKey.of(request);
        JsonFields body = Bodies.openLoyalty(request, INVITATION);
        body.rejectUnknown(INVITE_FIELDS);
        String type = body.string("type", 10);
        if (type != null && !type.equals("email") && !type.equals("mobile")) {
            body.errors().add(body.path("type"), "must be email or mobile");
        }
        String email = body.string("recipientEmail", 254);
        String phone = body.string("recipientPhone", 32);
        if (email != null && !email.matches(EMAIL)) {
            body.errors().add(body.path("recipientEmail"), "must be an email address");
        }
        if (phone != null && !phone.matches(PHONE)) {
            body.errors().add(body.path("recipientPhone"), "must be a phone number");
        }
        if ("mobile".equals(type) ? phone == null : "email".equals(type) ? email == null : email == null && phone == null) {
            String field = "mobile".equals(type) ? "recipientPhone" : "recipientEmail";
            if (!body.has(field)) {
                body.errors().add(body.path(field), type == null ? "is required, or recipientPhone" : "is required");
            }
        }
        body.errors().throwIfAny();
        Member referrer = members.find(caller.store().code(), memberId)
                .filter(m -> !m.isAnonymized())
                .orElseThrow(() -> MemberRoutes.notFound(memberId));
        String name = String.join(" ", java.util.stream.Stream.of(referrer.profile().firstName(),
                referrer.profile().lastName()).filter(n -> n != null && !n.isBlank()).toList());
        Invitation invitation = referrals.invite(caller.store().code(), new Referrals.Referrer(memberId,
                referrer.profile().email(), name), email, phone);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("invitationId", invitation.invitationId());
        answer.put("token", invitation.token());
        return ApiResponse.ok(answer);
    }

    /** {@code GET /invitations}: the docs' filters, {@code page} and {@code perPage}; {@code {"invitations","total"}}. */
    ApiResponse list(ApiRequest request, Caller caller) {
        FieldErrors errors = FieldErrors.none();
        Optional<InvitationStatus> status = Optional.empty();
        Optional<String> statusName = request.queryParameter("status");
        if (statusName.isPresent() && !statusName.get().equalsIgnoreCase("all")) {
            status = InvitationStatus.parse(statusName.get());
            if (status.isEmpty()) {
                errors.add("status", "must be All, Invited, Registered or Made purchase");
            }
        }
        int page = QueryParameters.integer(request, "page", 1, 10_000, 1, errors);
        int perPage = QueryParameters.integer(request, "perPage", 1, MAX_PER_PAGE, 10, errors);
        errors.throwIfAny();
        InvitationFilter filter = new InvitationFilter(query(request, "referrerId"), query(request, "referrerEmail"),
                query(request, "referrerName"), query(request, "recipientId"), query(request, "recipientEmail"),
                query(request, "recipientPhone"), status);
        List<Invitation> found = referrals.list(caller.store().code(), filter);
        List<Map<String, Object>> shown = found.stream().skip((long) (page - 1) * perPage).limit(perPage)
                .map(InvitationRoutes::toJson).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invitations", shown);
        body.put("total", found.size());
        return ApiResponse.ok(body);
    }

    private static String query(ApiRequest request, String name) {
        return request.queryParameter(name).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }

    /** The docs' object; {@code token} is shown to the store (it sends the invitation), {@code recipientId} "" until used. */
    static Map<String, Object> toJson(Invitation i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("referrerId", i.referrerId());
        json.put("recipientId", i.recipientId() == null ? "" : i.recipientId());
        json.put("invitationId", i.invitationId());
        json.put("referrerEmail", i.referrerEmail());
        json.put("referrerName", i.referrerName());
        if (i.recipientEmail() != null) {
            json.put("recipientEmail", i.recipientEmail());
        }
        if (i.recipientPhone() != null) {
            json.put("recipientPhone", i.recipientPhone());
        }
        json.put("status", i.status().openLoyaltyName());
        json.put("token", i.token());
        json.put("createdAt", i.createdAt().toString());
        return json;
    }

    static ApiException invalidToken(JsonFields customer) {
        return ApiException.badRequest(FieldErrors.single(customer.path("invitationToken"),
                "is not an invitation of this store that is still unused"));
    }
}
