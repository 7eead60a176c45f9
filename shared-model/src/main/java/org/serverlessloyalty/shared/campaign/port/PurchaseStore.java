package org.serverlessloyalty.shared.campaign.port;

import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.PurchaseStep;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Where reward purchases are written: what a purchase reads beside the catalogue, and its one transaction. */
public interface PurchaseStore {

    /** DynamoDB's limit on the writes of one transaction: a purchase (and its idempotency record) must fit. */
    int MAX_TRANSACTION_ITEMS = 100;

    /** The member's coupons of the campaign so far, as committed (0 when none). One GetItem. */
    long memberIssued(StoreCode store, CampaignId campaign, String memberId);

    /**
     * Executes the purchase's steps as ONE transaction, with the idempotency record when given.
     *
     * @throws org.serverlessloyalty.shared.platform.idempotency.AlreadyRecordedException when the record's key was
     *         recorded by a concurrent request first (nothing was written)
     */
    PlanResult<PurchaseStep> execute(StoreCode store, List<PurchaseStep> steps, Optional<IdempotencyRecord> record);
}
