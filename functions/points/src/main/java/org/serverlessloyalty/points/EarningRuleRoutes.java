package org.serverlessloyalty.points;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.earning.json.EarningRuleJson;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.DraftPreview;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleType;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.port.TargetNames;
import org.serverlessloyalty.shared.earning.rules.DraftRules;
import org.serverlessloyalty.shared.earning.rules.RuleListing;
import org.serverlessloyalty.shared.earning.service.EarningRuleAdmin;
import org.serverlessloyalty.shared.level.port.MemberAudience;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.RequestHash;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.json.TransactionJson;
import org.serverlessloyalty.shared.transaction.model.Transaction;

/**
 * Open Loyalty's earning rule routes (behaviour spec 1.B.3): E-1 create, E-2 replace, E-3 list (admin and seller),
 * E-4 read (admin and seller), E-5 activate, E-10 the customer's rules.
 */
final class EarningRuleRoutes {

    static final String RULE = "earningRule";
    /** The basket's root key in a draft simulation: the one {@code POST /transaction/simulate} reads. */
    static final String TRANSACTION = "transaction";
    static final String EVENT_NAME_TAKEN = "A custom event rule with this eventName already exists";

    private final EarningRuleAdmin rules;
    private final TargetNames names;
    private final MemberAudience audiences;
    private final Idempotency idempotency;
    private final BusinessMetrics metrics;
    private final Clock clock;
    private final CampaignRepository campaigns;
    private final Function<StoreCode, Set<String>> deliverySkus;

    /** @param deliverySkus the store's {@code excludedDeliverySKUs} (E5), as a transaction's basket carries them */
    EarningRuleRoutes(EarningRuleAdmin rules, TargetNames names, MemberAudience audiences, Idempotency idempotency,
                      BusinessMetrics metrics, Clock clock, CampaignRepository campaigns,
                      Function<StoreCode, Set<String>> deliverySkus) {
        this.campaigns = campaigns;
        this.deliverySkus = deliverySkus;
        this.rules = rules;
        this.names = names;
        this.audiences = audiences;
        this.idempotency = idempotency;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * E-1: 200 {@code {"earningRuleId"}}. With an {@code Idempotency-Key}, the answer is recorded in the rule's own
     * transaction: a retry replays it and creates nothing more.
     */
    ApiResponse create(ApiRequest request, Caller caller) {
        Store store = caller.store();
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        JsonFields fields = OpenLoyaltyBody.parse(request, RULE);
        RuleDefinition definition = EarningRuleJson.parse(fields, store.timezone(), Optional.empty());
        checkRewardCampaign(store, definition, fields);
        fields.errors().throwIfAny();
        String hash = RequestHash.of(request.routeKey(),
                RequestHash.ofJson(OpenLoyaltyBody.tree(request.mediaType().orElse(null), request.body())));
        Idempotency.Result<EarningRuleAdmin.Outcome> result = idempotency.run(
                new IdempotencyScope(store.code().value(), request.routeKey()), key, hash,
                outcome -> TransferAnswers.stored(answer(request, outcome, fields)),
                claim -> rules.create(store.code(), definition, claim));
        if (result instanceof Idempotency.Result.Fresh<EarningRuleAdmin.Outcome> fresh) {
            if (fresh.result() instanceof EarningRuleAdmin.Outcome.Saved) {
                metrics.count("EarningRulesCreated", 1);
            }
            return answer(request, fresh.result(), fields);
        }
        if (result instanceof Idempotency.Result.Replayed<EarningRuleAdmin.Outcome> replayed) {
            return TransferAnswers.replay(replayed.answer());
        }
        throw TransferAnswers.keyReused();
    }

    /**
     * E-2: the full form replaces the rule; its type cannot change. 200 {@code {"earningRuleId"}}. A body that names
     * its type is read before the rule is looked up, so a bad body is a 400 whether or not the rule exists.
     */
    ApiResponse replace(ApiRequest request, Caller caller) {
        Store store = caller.store();
        IdempotencyKey.of(request);
        String id = request.pathParameter(RULE);
        JsonFields fields = OpenLoyaltyBody.parse(request, RULE);
        Optional<EarningRuleType> named = fields.raw("type") != null && fields.raw("type").isTextual()
                ? EarningRuleType.fromValue(fields.raw("type").asText().strip()) : Optional.empty();
        RuleDefinition definition;
        if (named.isPresent()) {
            definition = EarningRuleJson.parse(fields, store.timezone(), Optional.empty());
            Optional<EarningRule> existing = rules.find(store.code(), id);
            if (existing.isPresent() && existing.get().type() != named.get()) {
                fields.errors().add(fields.path("type"), "cannot be changed: this rule is "
                        + existing.get().type().value());
            }
            checkRewardCampaign(store, definition, fields);
            fields.errors().throwIfAny();
            existing.orElseThrow(() -> notFound(id));
        } else {
            EarningRule existing = rules.find(store.code(), id).orElseThrow(() -> notFound(id));
            definition = EarningRuleJson.parse(fields, store.timezone(), Optional.of(existing.type()));
            checkRewardCampaign(store, definition, fields);
            fields.errors().throwIfAny();
        }
        return answer(request, rules.replace(store.code(), id, definition), fields);
    }

    /**
     * Ours (issue 12; Open Loyalty has no draft simulation): what an unsaved rule would give a basket. The body holds
     * the create form ({@code earningRule[...]}, read and checked exactly as E-1 reads it) and the basket
     * ({@code transaction[...]}, read as T-4 reads it); one 400 names every bad field of both, and a rule no
     * transaction runs (E3: event, custom_event, referral, geolocation, qrcode) is 400 on {@code earningRule[type]}.
     * 200 {@code {"points","pointsWithActiveRules"}} ({@link DraftRules}). Nothing is written: no rule, no
     * transaction, no idempotency record. The preview is the merchant's (T7): customer data, if sent, is checked
     * but names no member, so no level, segment or status applies.
     */
    ApiResponse simulate(ApiRequest request, Caller caller) {
        Store store = caller.store();
        Map<String, JsonFields> parts = OpenLoyaltyBody.parseEach(request, RULE, TRANSACTION);
        JsonFields form = parts.get(RULE);
        RuleDefinition definition = EarningRuleJson.parse(form, store.timezone(), Optional.empty());
        Transaction basket = TransactionJson.simulate(parts.get(TRANSACTION), store.timezone(), clock.instant());
        JsonNode type = form.raw("type");
        Optional<String> refused = (type != null && type.isTextual()
                ? EarningRuleType.fromValue(type.asText().strip()) : Optional.<EarningRuleType>empty())
                .flatMap(DraftRules::refusal);
        refused.ifPresent(reason -> form.errors().add(form.path("type"), reason));
        checkRewardCampaign(store, definition, form);
        form.errors().throwIfAny();
        DraftPreview preview = DraftRules.preview(definition, rules.list(store.code()),
                basket.basket(deliverySkus.apply(store.code())), clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("points", preview.points());
        body.put("pointsWithActiveRules", preview.pointsWithActiveRules());
        return ApiResponse.ok(body);
    }

    /**
     * issue 11 (h11-instant): an {@code instant_reward} rule names a campaign of the store (1.B.3), else 400 on
     * {@code rewardCampaignId} with nothing written. A campaign deleted later makes the rule give nothing (logged).
     */
    private void checkRewardCampaign(Store store, RuleDefinition definition, JsonFields fields) {
        if (definition != null && definition.terms() instanceof RuleTerms.InstantReward instant
                && instant.rewardCampaignId() != null) {
            boolean exists = CampaignId.parse(instant.rewardCampaignId())
                    .flatMap(id -> campaigns.find(store.code(), id)).isPresent();
            if (!exists) {
                fields.errors().add(fields.path("rewardCampaignId"), "is not a reward campaign of this store");
            }
        }
    }

    /** E-5: {@code active} = 1 or 0 (Open Loyalty's checkbox rule); 204. */
    ApiResponse activate(ApiRequest request, Caller caller) {
        IdempotencyKey.of(request);
        String id = request.pathParameter(RULE);
        // The body is {@code active=1} (or {"active":1}), not under a root key.
        JsonFields fields = OpenLoyaltyBody.parse(request, RULE);
        fields.rejectUnknown(java.util.Set.of("active"));
        Boolean active = null;
        JsonNode raw = fields.raw("active");
        if (raw == null) {
            fields.errors().add(fields.path("active"), "is required: 1 to activate, 0 to deactivate");
        } else if (raw.isNumber() && !(raw.isIntegralNumber() && raw.canConvertToInt()
                && (raw.intValue() == 0 || raw.intValue() == 1))) {
            // Open Loyalty's PHP would read any number as true or false; a number other than 1 or 0 is a mistake.
            fields.errors().add(fields.path("active"), "must be 1 or 0 (or true or false)");
        } else {
            active = fields.olBool("active");
        }
        fields.errors().throwIfAny();
        EarningRuleAdmin.Outcome outcome = rules.activate(caller.store().code(), id, active);
        if (outcome instanceof EarningRuleAdmin.Outcome.NotFound) {
            throw notFound(id);
        }
        return ApiResponse.noContent();
    }

    /** E-4 (admin and seller). */
    ApiResponse get(ApiRequest request, Caller caller) {
        String id = request.pathParameter(RULE);
        EarningRule rule = rules.find(caller.store().code(), id).orElseThrow(() -> notFound(id));
        return ApiResponse.ok(json(rule, caller.store()));
    }

    /** E-3 (admin and seller): {@code {"earningRules":[...],"total":N}}. */
    ApiResponse list(ApiRequest request, Caller caller) {
        EarningRuleListQuery query = EarningRuleListQuery.parse(request);
        List<EarningRule> selected = RuleListing.select(rules.list(caller.store().code()), query.query());
        List<EarningRule> page = query.paginated()
                ? selected.stream().skip((long) (query.page() - 1) * query.perPage()).limit(query.perPage()).toList()
                : selected;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("earningRules", page.stream().map(r -> json(r, caller.store())).toList());
        body.put("total", selected.size());
        return ApiResponse.ok(body);
    }

    /** E-10: the rules the token's member may earn from now, {@code {"earningRules":[...],"currency"}}. */
    ApiResponse listForCustomer(ApiRequest request, Caller caller) {
        Caller.Customer customer = (Caller.Customer) caller;
        Store store = caller.store();
        Audience audience = audiences.of(store.code(), customer.memberId())
                .orElseThrow(() -> MemberRoutes.notFound(customer.memberId()));
        List<EarningRule> visible = RuleListing.forMember(rules.list(store.code()), audience, clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("earningRules", visible.stream().map(r -> json(r, store)).toList());
        body.put("currency", store.currency().getCurrencyCode().toLowerCase(Locale.ROOT));
        return ApiResponse.ok(body);
    }

    private Map<String, Object> json(EarningRule rule, Store store) {
        return EarningRuleJson.toJson(rule, store.timezone(), store.code().value(),
                rule.levels().isEmpty() ? Map.of() : names.levelNames(store.code(), rule.levels()),
                rule.segments().isEmpty() ? Map.of() : names.segmentNames(store.code(), rule.segments()));
    }

    /**
     * 200 {@code {"earningRuleId"}}, or the 400 of a taken custom event name in the one error shape, naming
     * {@code earningRule[eventName]} (also what a keyed retry replays).
     */
    private static ApiResponse answer(ApiRequest request, EarningRuleAdmin.Outcome outcome, JsonFields fields) {
        if (outcome instanceof EarningRuleAdmin.Outcome.Saved saved) {
            return ApiResponse.ok(Map.of("earningRuleId", saved.rule().id()));
        }
        if (outcome instanceof EarningRuleAdmin.Outcome.EventNameTaken) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", 400);
            error.put("code", "VALIDATION_FAILED");
            error.put("message", "The request has invalid fields");
            error.put("errors", FieldErrors.single(fields.path("eventName"), EVENT_NAME_TAKEN).list());
            error.put("requestId", request.requestId());
            return new ApiResponse(400, error);
        }
        throw ApiException.notFound("Earning rule");
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("Earning rule " + PlainText.excerpt(id));
    }
}
