package org.serverlessloyalty.shared.campaign.port;

import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCounters;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A store's reward campaigns, their coupon pools and counters. The reads every part of the campaigns family needs are
 * declared here; the catalogue's writes (create, replace, activate, pool loads) are added beside them.
 */
public interface CampaignRepository {

    /** The definition with its counters, as committed (strongly consistent). One GetItem. */
    Optional<StoredCampaign> find(StoreCode store, CampaignId id);

    /** Every campaign of the store, oldest first: a Query of the store's campaign index, page by page. */
    List<StoredCampaign> all(StoreCode store);

    /**
     * The first {@code max} pool codes that were never issued, in pool order (C19), as committed. One Query; a
     * single-coupon campaign's first code is {@code freeCodes(…, 1)} before anything was issued, and stays its code.
     */
    List<PoolCode> freeCodes(StoreCode store, CampaignId id, int max);

    /** The first code of the pool, issued or not (a single-coupon campaign gives it to every buyer, C19). */
    Optional<PoolCode> firstCode(StoreCode store, CampaignId id);

    /** A campaign and what purchases and pool loads made of it, read together. */
    record StoredCampaign(Campaign campaign, CampaignCounters counters) {
    }

    /** A code of the pool at its place in pool order ({@code seq}, from 1). */
    record PoolCode(long seq, String code) {
    }
}
