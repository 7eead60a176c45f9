package org.serverlessloyalty.shared.campaign.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.BuyRole;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.StoredCampaign;
import org.serverlessloyalty.shared.campaign.port.PurchaseStore;
import org.serverlessloyalty.shared.campaign.rules.Availability;
import org.serverlessloyalty.shared.campaign.rules.CampaignUsage;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.level.port.MemberAudience;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.rules.Fifo;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * What a member can buy (A11, A16) and whether they can buy a given list (A26), read without writing. Reads: the
 * member's audience, their points account (one Query), the store's campaigns (one Query per 1 MB page) and the
 * member's usage of them (one BatchGetItem per 100 campaigns).
 */
public final class CampaignAvailability {

    private final CampaignRepository campaigns;
    private final PurchaseStore purchases;
    private final MemberAudience audiences;
    private final PointsLedger ledger;
    private final Clock clock;

    public CampaignAvailability(CampaignRepository campaigns, PurchaseStore purchases, MemberAudience audiences,
                                PointsLedger ledger, Clock clock) {
        this.campaigns = campaigns;
        this.purchases = purchases;
        this.audiences = audiences;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A campaign of a member's available list, with C25's and C14's fields. */
    public record Available(StoredCampaign stored, long usageLeftForCustomer, boolean canBeBoughtByCustomer) {
    }

    /** C12's list for the member (empty when the store has no such member), oldest campaign first. */
    public Optional<List<Available>> available(StoreCode store, String memberId, BuyRole role,
                                               BigDecimal additionalPoints) {
        Optional<Audience> audience = audiences.of(store, memberId);
        if (audience.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        BigDecimal points = Fifo.balance(ledger.account(store, memberId), now).value().add(additionalPoints);
        List<StoredCampaign> all = campaigns.all(store);
        Map<CampaignId, Long> issued = purchases.memberIssued(store, all.stream().map(s -> s.campaign().id()).toList(),
                memberId);
        List<Available> out = new ArrayList<>();
        for (StoredCampaign s : all) {
            long mine = issued.getOrDefault(s.campaign().id(), 0L);
            if (Availability.listed(s.campaign(), s.counters(), mine, CampaignUsage.targets(s.campaign(), audience.get()),
                    role == BuyRole.ADMIN, now)) {
                out.add(new Available(s, Availability.usageLeftForCustomer(s.campaign(), s.counters(), mine),
                        Availability.canBeBoughtByCustomer(s.campaign(), points, now)));
            }
        }
        return Optional.of(out);
    }

    /** A26 for the member (empty when the store has no such member). */
    public Optional<Availability.Validation> validate(StoreCode store, String memberId, BuyRole role,
                                                      List<CampaignId> asked, BigDecimal additionalPoints) {
        Optional<Audience> audience = audiences.of(store, memberId);
        if (audience.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<CampaignId> distinct = new ArrayList<>(new LinkedHashSet<>(asked));
        Map<CampaignId, Long> issued = purchases.memberIssued(store, distinct, memberId);
        Map<CampaignId, Availability.Candidate> candidates = new HashMap<>();
        for (CampaignId id : distinct) {
            campaigns.find(store, id).ifPresent(s -> candidates.put(id, new Availability.Candidate(s.campaign(),
                    s.counters(), issued.getOrDefault(id, 0L), CampaignUsage.targets(s.campaign(), audience.get()))));
        }
        BigDecimal points = Fifo.balance(ledger.account(store, memberId), now).value();
        return Optional.of(Availability.validate(asked, candidates, points, additionalPoints, role != BuyRole.ADMIN,
                now));
    }
}
