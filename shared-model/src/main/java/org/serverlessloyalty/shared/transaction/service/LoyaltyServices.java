package org.serverlessloyalty.shared.transaction.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.campaign.port.PurchaseStore;
import org.serverlessloyalty.shared.campaign.service.CampaignPurchases;
import org.serverlessloyalty.shared.campaign.service.InstantRewardIssuer;
import org.serverlessloyalty.shared.earning.event.service.CatalogEventRules;
import org.serverlessloyalty.shared.earning.event.service.EventAwards;
import org.serverlessloyalty.shared.earning.port.EarningRuleRepository;
import org.serverlessloyalty.shared.earning.service.EarningRuleCatalog;
import org.serverlessloyalty.shared.earning.service.RuleEarning;
import org.serverlessloyalty.shared.level.port.LevelRepository;
import org.serverlessloyalty.shared.level.port.LevelSettingsRepository;
import org.serverlessloyalty.shared.level.port.MemberAudience;
import org.serverlessloyalty.shared.level.service.LevelAudience;
import org.serverlessloyalty.shared.level.service.LevelSettingsCache;
import org.serverlessloyalty.shared.level.service.LevelTrackingLedger;
import org.serverlessloyalty.shared.level.service.MemberLevels;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyStore;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.port.MemberRepository;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.port.PointsSettingsSource;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.referral.port.InvitationRepository;
import org.serverlessloyalty.shared.segment.port.SegmentRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.transaction.port.Shoppers;
import org.serverlessloyalty.shared.transaction.port.TransactionRepository;
import org.serverlessloyalty.shared.transaction.port.TransactionSettingsSource;

/**
 * The services that move a member's points, built once over their ports: the same in the points function and in the
 * order consumer, so an order earns exactly as a transaction registered over HTTP does (rules, levels, events).
 * Every points write goes through a ledger that recalculates the levels of the members it touched (L3).
 */
public final class LoyaltyServices {

    /**
     * @param cacheTtl how long an instance reuses a store's rules and settings ({@code StoreCacheSeconds})
     */
    public record Ports(StoreAccess stores, MemberRepository members, PointsLedger ledger,
                        PointsSettingsSource pointsSettings, IdempotencyStore idempotency,
                        EarningRuleRepository earningRules, InvitationRepository invitations, LevelRepository levels,
                        LevelSettingsRepository levelSettings, SegmentRepository segments,
                        TransactionRepository transactions, TransactionSettingsSource transactionSettings,
                        Duration cacheTtl, RewardCampaigns rewardCampaigns) {
    }

    /**
     * issue 11 (h11-instant): the reward campaign adapters an {@code instant_reward} rule buys its coupon through.
     *
     * @param events  the coupon-created webhook; {@link CouponEvents#NONE} leaves each reward's event due for the
     *                webhook's sweep (the reward is stored with its event due either way)
     * @param metrics counts issued and refused instant rewards
     */
    public record RewardCampaigns(CampaignRepository campaigns, PurchaseStore purchases, CouponEvents events,
                                  BusinessMetrics metrics) {
    }

    private final MemberDirectory directory;
    private final MemberLevels memberLevels;
    private final PointsLedger ledger;
    private final MemberAudience audiences;
    private final PointsTransfers transfers;
    private final EarningRuleCatalog earningRules;
    private final EventAwards eventAwards;
    private final Transactions transactions;
    private final CampaignPurchases campaignPurchases;

    public LoyaltyServices(Ports ports, Clock clock) {
        this.directory = new MemberDirectory(ports.members(), clock);
        StoreAccess stores = ports.stores();
        this.memberLevels = new MemberLevels(ports.levels(),
                new LevelSettingsCache(ports.levelSettings(), ports.cacheTtl(), clock),
                new PointsAccounts(ports.ledger(), clock),
                new MemberTransactionTotals(ports.transactions(), ports.transactionSettings()), clock);
        this.ledger = new LevelTrackingLedger(ports.ledger(), memberLevels,
                code -> stores.store(code).map(Store::timezone));
        this.audiences = new LevelAudience(directory, ports.levels(), ports.segments());
        this.transfers = new PointsTransfers(ledger, directory, ports.pointsSettings(), clock);
        // One cache of the store's rules per instance: the rule routes invalidate it on a change.
        this.earningRules = new EarningRuleCatalog(ports.earningRules(), ports.cacheTtl(), clock);
        this.eventAwards = new EventAwards(new CatalogEventRules(earningRules), audiences, transfers,
                ports.invitations(), clock);
        RewardCampaigns rewards = ports.rewardCampaigns();
        this.campaignPurchases = new CampaignPurchases(rewards.campaigns(), rewards.purchases(), directory,
                audiences, ports.ledger(), ports.pointsSettings(), ports.transactions(), rewards.events(), memberLevels,
                clock);
        InstantRewardIssuer instantRewards = new InstantRewardIssuer(campaignPurchases, ports.idempotency(),
                code -> stores.store(code).map(s -> s.locale().getLanguage()).orElse("en"), rewards.metrics(), clock);
        this.transactions = new Transactions(ports.transactions(), ports.transactionSettings(), shoppers(directory),
                new RuleEarning(earningRules, ports.pointsSettings()), audiences, transfers, ledger,
                new Idempotency(ports.idempotency(), clock), memberLevels, eventAwards, instantRewards, clock);
    }

    /** Buying rewards (the campaigns function's buy routes, and the instant rewards of transactions). */
    public CampaignPurchases campaignPurchases() {
        return campaignPurchases;
    }

    public MemberDirectory directory() {
        return directory;
    }

    public MemberLevels memberLevels() {
        return memberLevels;
    }

    /** The points ledger that recalculates levels after each committed write. */
    public PointsLedger ledger() {
        return ledger;
    }

    public MemberAudience audiences() {
        return audiences;
    }

    public PointsTransfers transfers() {
        return transfers;
    }

    public EarningRuleCatalog earningRules() {
        return earningRules;
    }

    public EventAwards eventAwards() {
        return eventAwards;
    }

    public Transactions transactions() {
        return transactions;
    }

    /** The member directory as the transactions look members up (T4, T-5). */
    private static Shoppers shoppers(MemberDirectory directory) {
        return new Shoppers() {
            @Override
            public Optional<MemberRef> byId(StoreCode store, String memberId) {
                return directory.byId(store, memberId);
            }

            @Override
            public Optional<MemberRef> by(StoreCode store, ClaimKind kind, String value) {
                return directory.findBy(store, kind, value).map(Member::ref);
            }
        };
    }
}
