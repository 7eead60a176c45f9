package org.serverlessloyalty.shared.campaign.port;

import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCategory;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.rules.PoolPlan;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The catalogue's writes (issue 11, h11-catalogue): definitions, their coupon pools and the campaign categories. Kept
 * apart from {@link CampaignRepository}'s shared reads so the other parts of the campaigns family (and their fakes)
 * need not implement them.
 *
 * <p>{@code free} on the campaign's item always equals the number of its free pool items: every write below that adds
 * or deletes free items changes {@code free} by as much in the same transaction, conditioned on the campaign existing.
 * A pool larger than one transaction holds is written in chunks ({@link #CODES_PER_TRANSACTION} codes each): every
 * chunk is atomic; docs/campaigns.md "The catalogue" says what a load interrupted between two chunks leaves.
 */
public interface CampaignCatalogue {

    /** Two items per code (its free item and its by-code item) and the campaign's own write: 49 × 2 + 1 ≤ 100. */
    int CODES_PER_TRANSACTION = 49;

    /** What a definition or pool write met. */
    enum Outcome {
        /** Written. */
        DONE,
        /** No such campaign. */
        NOT_FOUND,
        /** The definition changed since it was read (its version), or a code's state changed: read and decide again. */
        STALE
    }

    /** A new campaign with its first pool (in pool order from seq 1); the campaign's item is written with the first chunk. */
    void create(Campaign campaign, List<String> coupons);

    /**
     * C10: the definition {@code campaign} replaces the one at {@code expectedVersion} ({@code campaign.version()} is
     * the next), and the pool changes by {@code plan}, first chunk in the same transaction.
     */
    Outcome replace(Campaign campaign, long expectedVersion, PoolPlan plan, long nextSeq);

    /** A25: the pool changes by {@code plan}; new codes take seqs from {@code nextSeq}. */
    Outcome loadPool(StoreCode store, CampaignId id, PoolPlan plan, long nextSeq);

    /** A3: the active flag, bumping the version (a purchase decided on the old flag does not commit). */
    Outcome setActive(StoreCode store, CampaignId id, boolean active);

    /** The pool as committed: every code ever loaded in pool order, and which were issued. */
    PoolPlan.Pool pool(StoreCode store, CampaignId id);

    /** A28. */
    void putCategory(CampaignCategory category);

    Optional<CampaignCategory> category(StoreCode store, String categoryId);

    /** The store's categories in sortOrder, then name. */
    List<CampaignCategory> categories(StoreCode store);
}
