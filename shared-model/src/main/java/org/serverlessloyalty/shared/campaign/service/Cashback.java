package org.serverlessloyalty.shared.campaign.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.PurchaseStep;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.StoredCampaign;
import org.serverlessloyalty.shared.campaign.port.PurchaseStore;
import org.serverlessloyalty.shared.campaign.rules.CashbackRules;
import org.serverlessloyalty.shared.campaign.rules.CashbackRules.Quote;
import org.serverlessloyalty.shared.campaign.rules.CashbackRules.Redeem;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.level.port.LevelRecalculation;
import org.serverlessloyalty.shared.level.port.MemberAudience;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.LedgerAccount;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.port.PointsSettingsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cashback (A22 simulate, A23 redeem; C30, C31, section 4 item 6). A redeem is decided by {@link CashbackRules} and
 * written through the purchase store as ONE transaction: the points spend (each lot drawn still holding enough, the
 * account's version unchanged), the campaign's and the member's counts, and the reward. A concurrent spend of the
 * same points makes one of them read and decide again, so a member can never redeem points twice.
 */
public final class Cashback {

    private static final Logger LOG = LoggerFactory.getLogger(Cashback.class);

    private final CampaignRepository campaigns;
    private final PurchaseStore purchases;
    private final MemberLookup members;
    private final MemberAudience audiences;
    private final PointsLedger ledger;
    private final PointsSettingsSource settings;
    private final LevelRecalculation levels;
    private final Clock clock;

    public Cashback(CampaignRepository campaigns, PurchaseStore purchases, MemberLookup members,
                    MemberAudience audiences, PointsLedger ledger, PointsSettingsSource settings,
                    LevelRecalculation levels, Clock clock) {
        this.campaigns = campaigns;
        this.purchases = purchases;
        this.members = members;
        this.audiences = audiences;
        this.ledger = ledger;
        this.settings = settings;
        this.levels = levels;
        this.clock = clock;
    }

    /** What a simulation or a redeem came to. */
    public sealed interface Outcome {
        record Offered(String memberId, BigDecimal pointsAmount, BigDecimal pointValue, BigDecimal rewardAmount)
                implements Outcome {
        }

        record Redeemed(Purchase reward, BigDecimal pointValue) implements Outcome {
        }

        /** 400 {@code {"error": message}} with Open Loyalty's words; nothing written. */
        record Refused(String message) implements Outcome {
        }

        record NoSuchMember() implements Outcome {
        }
    }

    /** A22: what {@code points} of the member are worth now, through C30's campaign. Writes nothing. */
    public Outcome simulate(StoreZone store, String memberId, BigDecimal points) {
        Optional<Audience> audience = audiences.of(store.code(), memberId);
        if (members.byId(store.code(), memberId).isEmpty() || audience.isEmpty()) {
            return new Outcome.NoSuchMember();
        }
        Instant now = clock.instant();
        Quote quote = CashbackRules.quote(cashbackCampaigns(store), audience.get(),
                ledger.versionedAccount(store.code(), memberId).transfers(), points, now);
        if (quote instanceof Quote.Offer offer) {
            return new Outcome.Offered(memberId, points, offer.pointValue(), offer.rewardAmount());
        }
        return new Outcome.Refused(((Quote.Refused) quote).message());
    }

    /** A23: spends {@code points} and records the cashback reward, in one transaction; contention retried inside. */
    public Outcome redeem(StoreZone store, String locale, String memberId, BigDecimal points, BigDecimal pointValue,
                          BigDecimal rewardAmount) {
        return redeem(store, locale, memberId, points, pointValue, rewardAmount, Claim.none());
    }

    /**
     * A23 with an Idempotency-Key (issue 11, h11-callback): the key's record is written in the redeem's own
     * transaction, so a client retry is answered with the first answer and spends nothing more.
     */
    public Outcome redeem(StoreZone store, String locale, String memberId, BigDecimal points, BigDecimal pointValue,
                          BigDecimal rewardAmount, Claim<Outcome> claim) {
        Optional<MemberRef> member = members.byId(store.code(), memberId);
        Optional<Audience> audience = audiences.of(store.code(), memberId);
        if (member.isEmpty() || audience.isEmpty()) {
            return new Outcome.NoSuchMember();
        }
        Outcome outcome = Contention.retry("redeem cashback", CampaignPurchases.MAX_ATTEMPTS, () -> {
            Instant now = clock.instant();
            List<Campaign> candidates = cashbackCampaigns(store);
            Optional<Campaign> chosen = CashbackRules.campaignFor(candidates, audience.get(), now);
            long memberIssued = chosen.map(c -> purchases.memberIssued(store.code(), c.id(), memberId)).orElse(0L);
            LedgerAccount account = ledger.versionedAccount(store.code(), memberId);
            Redeem decision = CashbackRules.redeem(store, settings.settings(store.code()), member.get(),
                    audience.get(), candidates, account.transfers(), account.version(), memberIssued, points,
                    pointValue, rewardAmount, locale, now, () -> UUID.randomUUID().toString(),
                    PurchaseStore.MAX_TRANSACTION_ITEMS - (claim.isKeyed() ? 1 : 0));
            if (decision instanceof Redeem.Refused refused) {
                return Optional.of(new Outcome.Refused(refused.message()));
            }
            Redeem.Write write = (Redeem.Write) decision;
            Outcome redeemed = new Outcome.Redeemed(write.purchase(), write.pointValue());
            PlanResult<PurchaseStep> result = purchases.execute(store.code(), write.steps(), claim.record(redeemed));
            if (result instanceof PlanResult.Committed<PurchaseStep>
                    || result instanceof PlanResult.Refused<PurchaseStep> refused
                    && refused.failed().stream().anyMatch(PurchaseStep.Record.class::isInstance)) {
                // A reward with this attempt's fresh coupon id can only be this attempt's (its answer lost and the
                // SDK retrying after a 500): it is redeemed.
                return Optional.of(claim.committed(redeemed));
            }
            // The points, a count or the campaign changed since the read: read and decide again.
            return Optional.empty();
        });
        if (outcome instanceof Outcome.Redeemed) {
            try {
                levels.recalculate(store, memberId);
            } catch (RuntimeException e) {
                LOG.warn("Level recalculation after a cashback failed; the member's next change places them", e);
            }
        }
        return outcome;
    }

    private List<Campaign> cashbackCampaigns(StoreZone store) {
        return campaigns.all(store.code()).stream().map(StoredCampaign::campaign)
                .filter(c -> c.reward() == RewardType.CASHBACK).toList();
    }
}
