package org.serverlessloyalty.shared.earning.port;

import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleStep;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A store's earning rules (docs/dynamodb-design.md, "Earning rules"). */
public interface EarningRuleRepository {

    Optional<EarningRule> find(StoreCode store, String ruleId);

    /** Every rule of the store, active or not, in creation order (E3). */
    List<EarningRule> list(StoreCode store);

    /** The steps as one transaction: Committed, or Refused naming the steps whose condition failed, or Contended. */
    default PlanResult<EarningRuleStep> execute(StoreCode store, List<EarningRuleStep> plan) {
        return execute(store, plan, Optional.empty());
    }

    /**
     * As {@link #execute(StoreCode, List)}, with a request's idempotency record in the same transaction.
     *
     * @throws org.serverlessloyalty.shared.platform.idempotency.AlreadyRecordedException a concurrent request with
     *         the same key committed first (nothing of this one was written)
     */
    PlanResult<EarningRuleStep> execute(StoreCode store, List<EarningRuleStep> plan, Optional<IdempotencyRecord> record);
}
