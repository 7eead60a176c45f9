package org.serverlessloyalty.shared.campaign.port;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.serverlessloyalty.shared.campaign.model.BoughtReward;
import org.serverlessloyalty.shared.campaign.model.BoughtRewardQuery;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.RewardPage;
import org.serverlessloyalty.shared.campaign.model.RewardStep;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Bought rewards after their purchase: read, listed, marked used, their delivery tracked (A7, A8, A15–A20). */
public interface BoughtRewards {

    /** One member's reward, strongly consistent, with whether its gift code is its own. */
    Optional<BoughtReward> find(StoreCode store, String memberId, String couponId);

    /** A member's rewards, newest first (A15, A17): one strongly consistent Query of their rewards partition. */
    RewardPage ofMember(StoreCode store, String memberId, BoughtRewardQuery query);

    /** The store's rewards, newest first (A7): the store-wide index, purchase dates as its key range. */
    RewardPage ofStore(StoreCode store, BoughtRewardQuery query);

    /**
     * Every reward of the store bought in the query's purchase-date range, oldest first, handed to {@code sink} page
     * by page as the index is read (A8 export): never all in memory.
     */
    void forEachOfStore(StoreCode store, BoughtRewardQuery query, Consumer<List<Purchase>> sink);

    /** Executes a mark-as-used plan as one transaction. */
    PlanResult<RewardStep> execute(StoreCode store, List<RewardStep> plan);

    /** Sets the reward's delivery status (C29); false when the member has no such reward. */
    boolean changeDelivery(StoreCode store, String memberId, String couponId, DeliveryStatus status);
}
