package org.serverlessloyalty.shared.campaign.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.serverlessloyalty.shared.campaign.model.BuyOrder;
import org.serverlessloyalty.shared.campaign.model.BuyOutcome;
import org.serverlessloyalty.shared.campaign.model.BuyRole;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.earning.model.Earned;
import org.serverlessloyalty.shared.earning.port.InstantRewards;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyStore;
import org.serverlessloyalty.shared.platform.idempotency.StoredAnswer;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The {@code instant_reward} earning rule (1.B.3, issue 11): one coupon of the rule's campaign, bought the admin's way
 * without points ({@code withoutPoints}, C16) and for the transaction (so a percentage_discount_code takes its value
 * from the transaction's gross value, C7), through {@link CampaignPurchases}: the same single transaction, limits and
 * pool as any purchase.
 *
 * <p>Once per (transaction, rule): the purchase records an idempotency claim keyed {@code instant:{transaction}:{rule}}
 * in its own transaction, so a retry of the sale (an order redelivered, a registration retried after a crash) finds
 * the record and buys nothing more. A refusal (no coupons left, a limit, a campaign ended) records nothing and is
 * logged and counted: the sale still earns its points, and a later retry of the same sale may still get the coupon.
 */
public final class InstantRewardIssuer implements InstantRewards {

    /** Where the claims live: not a route, so no client key can ever meet them. */
    static final String SCOPE = "instant-reward";

    private static final Logger LOG = LoggerFactory.getLogger(InstantRewardIssuer.class);

    private final CampaignPurchases purchases;
    private final Idempotency idempotency;
    private final Function<StoreCode, String> locales;
    private final BusinessMetrics metrics;

    /**
     * @param locales the store's language: the campaign name the reward carries (C22)
     */
    public InstantRewardIssuer(CampaignPurchases purchases, IdempotencyStore claims, Function<StoreCode, String> locales,
                               BusinessMetrics metrics, Clock clock) {
        this.purchases = purchases;
        this.idempotency = new Idempotency(claims, clock);
        this.locales = locales;
        this.metrics = metrics;
    }

    @Override
    public void issue(StoreZone store, String memberId, String transactionId, Earned.InstantReward reward) {
        Optional<CampaignId> campaign = CampaignId.parse(reward.campaignId());
        if (campaign.isEmpty()) {
            refused(store, transactionId, reward, "the rule's campaign id is not one");
            return;
        }
        BuyOrder order = new BuyOrder(BuyRole.ADMIN, memberId, campaign.get(), 1, true, transactionId);
        String key = "instant:" + transactionId + ":" + reward.ruleId();
        Idempotency.Result<BuyOutcome> result;
        try {
            result = idempotency.run(new IdempotencyScope(store.code().value(), SCOPE),
                    Optional.of(new IdempotencyKey(key)), key + ":" + reward.campaignId(), InstantRewardIssuer::stored,
                    claim -> purchases.buy(store, locales.apply(store.code()), order, claim));
        } catch (Contention.ContendedException e) {
            // Nothing was written: a retry of the same sale may still give it.
            refused(store, transactionId, reward, "contended");
            return;
        }
        if (result instanceof Idempotency.Result.Fresh<BuyOutcome> fresh) {
            if (fresh.result() instanceof BuyOutcome.Bought bought) {
                metrics.count("InstantRewardsIssued", bought.purchases().size());
                LOG.info("Instant reward issued", entry("transactionId", transactionId),
                        entry("earningRuleId", reward.ruleId()), entry("campaignId", reward.campaignId()),
                        entry("couponId", bought.purchases().get(0).couponId()));
            } else if (fresh.result() instanceof BuyOutcome.Refused refusedOutcome) {
                refused(store, transactionId, reward, refusedOutcome.refusal().name());
            }
        }
        // Replayed: this sale got its coupon from this rule before. Nothing more to do.
    }

    private void refused(StoreZone store, String transactionId, Earned.InstantReward reward, String why) {
        metrics.count("InstantRewardsNotIssued", 1);
        LOG.warn("Instant reward not issued", entry("storeCode", store.code().value()),
                entry("transactionId", transactionId), entry("earningRuleId", reward.ruleId()),
                entry("campaignId", reward.campaignId()), entry("reason", why));
    }

    private static StoredAnswer stored(BuyOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (outcome instanceof BuyOutcome.Bought bought) {
            body.put("coupons", bought.purchases().stream().map(p -> p.couponId()).toList());
        }
        return new StoredAnswer(200, Json.write(body));
    }
}
