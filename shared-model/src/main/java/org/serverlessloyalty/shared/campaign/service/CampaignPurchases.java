package org.serverlessloyalty.shared.campaign.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.BuyOrder;
import org.serverlessloyalty.shared.campaign.model.BuyOutcome;
import org.serverlessloyalty.shared.campaign.model.BuyRefusal;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.PurchaseStep;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.PoolCode;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.StoredCampaign;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.campaign.port.PurchaseStore;
import org.serverlessloyalty.shared.campaign.rules.PurchasePlanner;
import org.serverlessloyalty.shared.campaign.rules.PurchasePlanner.Decision;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.level.port.LevelRecalculation;
import org.serverlessloyalty.shared.level.port.MemberAudience;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.LedgerAccount;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.port.PointsSettingsSource;
import org.serverlessloyalty.shared.transaction.port.TransactionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buying rewards (A12-A14, section 4 item 1): read what the purchase is decided on, ask {@link PurchasePlanner}, and
 * execute its steps as ONE transaction. A limit that no longer holds at commit (another buyer took the code, a
 * concurrent purchase changed the member's count or points) or contention makes the purchase read and decide again
 * ({@link Contention#retry}): the buyer only ever hears of a real shortage, decided on what is committed.
 *
 * <p>After the commit, and never before: the coupons are handed to the coupon-created webhook ({@link CouponEvents})
 * and the member's level is recalculated (points were spent, rule L3). Neither can undo the purchase; a failure of
 * either is logged (the webhook's own sweep and the next recalculation catch up).
 */
public final class CampaignPurchases {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignPurchases.class);

    /**
     * Read-decide-write rounds a purchase gets: each lost round means another purchase on the same campaign or member
     * committed, and the jittered pauses of {@link Contention} spread a rush out.
     */
    public static final int MAX_ATTEMPTS = 40;

    private final CampaignRepository campaigns;
    private final PurchaseStore purchases;
    private final MemberLookup members;
    private final MemberAudience audiences;
    private final PointsLedger ledger;
    private final PointsSettingsSource settings;
    private final TransactionRepository transactions;
    private final CouponEvents events;
    private final LevelRecalculation levels;
    private final Clock clock;

    public CampaignPurchases(CampaignRepository campaigns, PurchaseStore purchases, MemberLookup members,
                             MemberAudience audiences, PointsLedger ledger, PointsSettingsSource settings,
                             TransactionRepository transactions, CouponEvents events, LevelRecalculation levels,
                             Clock clock) {
        this.campaigns = campaigns;
        this.purchases = purchases;
        this.members = members;
        this.audiences = audiences;
        this.ledger = ledger;
        this.settings = settings;
        this.transactions = transactions;
        this.events = events;
        this.levels = levels;
        this.clock = clock;
    }

    /**
     * Buys {@code order.quantity()} coupons for the member, all or none.
     *
     * @param locale the store's locale: the campaign name the reward and the spend's comment carry (C22)
     * @throws Contention.ContendedException when every round met contention (nothing was written)
     */
    public BuyOutcome buy(StoreZone store, String locale, BuyOrder order, Claim<BuyOutcome> claim) {
        Optional<MemberRef> member = members.byId(store.code(), order.memberId());
        if (member.isEmpty()) {
            return new BuyOutcome.Refused(BuyRefusal.NO_SUCH_CUSTOMER);
        }
        // Targeting is read once: a level or segment change racing a purchase is the same as one just before it.
        Audience audience = order.role() == org.serverlessloyalty.shared.campaign.model.BuyRole.ADMIN ? null
                : audiences.of(store.code(), order.memberId()).orElse(null);
        Optional<PurchasePlanner.BoughtFor> boughtFor = Optional.ofNullable(order.transactionId())
                .flatMap(id -> transactions.find(store.code(), id))
                .map(t -> new PurchasePlanner.BoughtFor(t.id(), t.memberId(), t.grossValue()));
        int maxItems = PurchaseStore.MAX_TRANSACTION_ITEMS - (claim.isKeyed() ? 1 : 0);
        BuyOutcome outcome = Contention.retry("buy a reward", MAX_ATTEMPTS, () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Optional<StoredCampaign> stored = campaigns.find(store.code(), order.campaignId());
            if (stored.isEmpty()) {
                return Optional.of(new BuyOutcome.Refused(BuyRefusal.NOT_FOUND));
            }
            Campaign c = stored.get().campaign();
            boolean multiCode = c.reward().pooled() && !c.singleCoupon();
            List<PoolCode> free = multiCode ? campaigns.freeCodes(store.code(), c.id(), order.quantity()) : List.of();
            Optional<PoolCode> first = c.reward().pooled() && c.singleCoupon()
                    ? campaigns.firstCode(store.code(), c.id()) : Optional.empty();
            long memberIssued = purchases.memberIssued(store.code(), c.id(), order.memberId());
            LedgerAccount account = ledger.versionedAccount(store.code(), order.memberId());
            PurchasePlanner.Situation situation = new PurchasePlanner.Situation(store, locale,
                    settings.settings(store.code()), c, stored.get().counters(), member.get(), audience, memberIssued,
                    free, first, account.transfers(), account.version(), boughtFor, now, maxItems);
            Decision decision = PurchasePlanner.buy(situation, order, () -> TransferId.newAt(now).value());
            if (decision instanceof Decision.Answer answer) {
                return Optional.of(answer.outcome());
            }
            Decision.Write write = (Decision.Write) decision;
            BuyOutcome bought = new BuyOutcome.Bought(write.purchases());
            PlanResult<PurchaseStep> result = purchases.execute(store.code(), write.steps(), claim.record(bought));
            if (result instanceof PlanResult.Committed<PurchaseStep>) {
                return Optional.of(claim.committed(bought));
            }
            if (result instanceof PlanResult.Refused<PurchaseStep> refused
                    && refused.failed().stream().anyMatch(PurchaseStep.Record.class::isInstance)) {
                // The coupon ids are drawn for this very attempt: a reward with one of them can only be this
                // attempt's, applied already and its answer lost (the SDK retried after a 500). It is bought.
                return Optional.of(claim.committed(bought));
            }
            if (result instanceof PlanResult.Refused<PurchaseStep> refused && refused.failed().stream()
                    .allMatch(s -> s instanceof PurchaseStep.IssueCode code && !code.shared())) {
                // Only the gift code's condition failed while its pool code was still free: the store has that code
                // already, made elsewhere, and no retry can change that. (A concurrent buyer who took the same pool
                // code fails the free code's condition too: that is a retry.)
                return Optional.of(new BuyOutcome.Refused(BuyRefusal.CODE_TAKEN));
            }
            // A limit no longer held (a code taken, a count or the points changed) or contention: read and decide
            // again; what is then refused is a real shortage.
            return Optional.empty();
        });
        // Only a committed purchase is ever answered Bought.
        if (outcome instanceof BuyOutcome.Bought bought) {
            afterCommit(store, order.memberId(), bought);
        }
        return outcome;
    }

    private void afterCommit(StoreZone store, String memberId, BuyOutcome.Bought bought) {
        try {
            events.issued(store.code(), bought.purchases());
        } catch (RuntimeException e) {
            LOG.warn("Coupon events of a purchase were not handed over; the sweep sends them", e);
        }
        if (bought.purchases().stream().anyMatch(p -> p.costInPoints() != null && p.costInPoints().signum() > 0)) {
            try {
                levels.recalculate(store, memberId);
            } catch (RuntimeException e) {
                LOG.warn("Level recalculation after a purchase failed; the member's next change places them", e);
            }
        }
    }
}
