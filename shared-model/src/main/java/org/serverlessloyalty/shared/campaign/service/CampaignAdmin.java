package org.serverlessloyalty.shared.campaign.service;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.port.CampaignCatalogue;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.StoredCampaign;
import org.serverlessloyalty.shared.campaign.rules.PoolPlan;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The catalogue's use cases (A1, A2, A3, A25): each reads what it decides on, decides with {@link PoolPlan}, and has
 * the adapter write it under conditions; a write that finds the campaign or its pool changed meanwhile (a purchase
 * issued a code, another replace won) is decided again from what is stored now.
 */
public final class CampaignAdmin {

    private final CampaignRepository campaigns;
    private final CampaignCatalogue catalogue;

    public CampaignAdmin(CampaignRepository campaigns, CampaignCatalogue catalogue) {
        this.campaigns = campaigns;
        this.catalogue = catalogue;
    }

    /** What a change of a campaign came to. */
    public sealed interface Outcome {
    }

    public record Saved(CampaignId id) implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    /** The pool change is refused: {@code message} is for the {@code coupons} field (C10, section 4 item 16). */
    public record PoolRefused(String message) implements Outcome {
    }

    /** A1: the campaign and its pool (pool order = the order given). */
    public CampaignId create(Campaign campaign, List<String> coupons) {
        catalogue.create(campaign, coupons);
        return campaign.id();
    }

    /**
     * C10, a full replacement: {@code campaign} is the new definition (its version and brand icon are taken from the
     * stored one when written), {@code coupons} the whole new pool. Issued codes left out → refused.
     */
    public Outcome replace(Campaign campaign, List<String> coupons) {
        return Contention.retry("replace campaign", () -> {
            Optional<StoredCampaign> stored = campaigns.find(campaign.store(), campaign.id());
            if (stored.isEmpty()) {
                return Optional.of(new NotFound());
            }
            Campaign current = stored.get().campaign();
            PoolPlan.Pool pool = catalogue.pool(campaign.store(), campaign.id());
            PoolPlan.Decision decision = PoolPlan.replace(pool, coupons);
            if (decision instanceof PoolPlan.RemovesIssued removes) {
                return Optional.of(new PoolRefused(removes.message()));
            }
            PoolPlan plan = ((PoolPlan.Planned) decision).plan();
            Campaign next = Campaigns.revision(campaign, current);
            return switch (catalogue.replace(next, current.version(), plan, pool.nextSeq())) {
                case DONE -> Optional.of(new Saved(campaign.id()));
                case NOT_FOUND -> Optional.of(new NotFound());
                case STALE -> Optional.empty();
            };
        });
    }

    /**
     * A25: {@code append} adds {@code codes} after the pool's last code (a code already there → refused); else the
     * pool becomes {@code codes} (issued codes left out → refused, C10). Only the five pooled types have a pool.
     */
    public Outcome loadPool(StoreCode store, CampaignId id, List<String> codes, boolean append) {
        // A load larger than one transaction that met a change half way is decided again: the codes it already
        // added are then in the pool, and are this request's own, not duplicates.
        AtomicBoolean first = new AtomicBoolean(true);
        return Contention.retry("load campaign pool", () -> {
            Optional<StoredCampaign> stored = campaigns.find(store, id);
            if (stored.isEmpty()) {
                return Optional.of(new NotFound());
            }
            if (!stored.get().campaign().reward().pooled()) {
                return Optional.of(new PoolRefused("A " + stored.get().campaign().reward().wire()
                        + " campaign has no coupon pool"));
            }
            PoolPlan.Pool pool = catalogue.pool(store, id);
            PoolPlan.Decision decision = append ? PoolPlan.append(pool, codes) : PoolPlan.replace(pool, codes);
            if (decision instanceof PoolPlan.Duplicates && !first.get()) {
                decision = PoolPlan.append(pool, codes.stream().filter(c -> !pool.contains(c)).toList());
            }
            first.set(false);
            if (decision instanceof PoolPlan.RemovesIssued removes) {
                return Optional.of(new PoolRefused(removes.message()));
            }
            if (decision instanceof PoolPlan.Duplicates duplicates) {
                return Optional.of(new PoolRefused(duplicates.message()));
            }
            PoolPlan plan = ((PoolPlan.Planned) decision).plan();
            return switch (catalogue.loadPool(store, id, plan, pool.nextSeq())) {
                case DONE -> Optional.of(new Saved(id));
                case NOT_FOUND -> Optional.of(new NotFound());
                case STALE -> Optional.empty();
            };
        });
    }

    /** A3. */
    public Outcome setActive(StoreCode store, CampaignId id, boolean active) {
        return catalogue.setActive(store, id, active) == CampaignCatalogue.Outcome.NOT_FOUND ? new NotFound()
                : new Saved(id);
    }
}
