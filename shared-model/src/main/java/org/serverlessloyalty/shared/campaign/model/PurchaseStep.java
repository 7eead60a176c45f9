package org.serverlessloyalty.shared.campaign.model;

import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.points.model.LedgerStep;

/**
 * One write of a reward purchase and the limit it must hold (section 4 item 1). The adapter turns every step of a
 * purchase into one item of ONE DynamoDB transaction whose condition is exactly the limit named here: a limit that no
 * longer holds cancels the whole purchase, so a rush can neither over-issue a pool, pass a limit, nor overdraw.
 */
public sealed interface PurchaseStep {

    /** Issue pool code {@code code} (at {@code seq} in pool order, C19): delete its FREE item while it still exists. */
    record TakeFreeCode(long seq, String code) implements PurchaseStep {
    }

    /**
     * Count {@code quantity} coupons on the campaign while its definition is still {@code version} and, for a limited
     * campaign, while the issued count stays within {@code issuedAtMost} (C18's "Limit exceeded"); {@code freeTaken}
     * pool codes leave {@code free} (C24), and {@code newBuyer} adds one to {@code buyers}.
     *
     * @param issuedAtMost the campaign's limit, or null when it has none (unlimited, percentage)
     */
    record CountCampaign(long version, int quantity, Long issuedAtMost, int freeTaken, boolean newBuyer)
            implements PurchaseStep {
    }

    /**
     * Count {@code quantity} coupons on the member's usage while it still holds exactly {@code seenIssued} (0: never
     * written): the per-member limit (C18's "Limit per customer exceeded") was decided on that count, so a concurrent
     * purchase by the same member makes this one decide again.
     */
    record CountMember(String memberId, long seenIssued, int quantity) implements PurchaseStep {
    }

    /** The member's points spend, as the ledger plans it (its own limits: each lot drawn still holds enough). */
    record Spend(LedgerStep step) implements PurchaseStep {
    }

    /** Write the bought reward, only if no reward has its coupon id. */
    record Record(Purchase purchase) implements PurchaseStep {
    }

    /**
     * Make the coupon's code a gift code of the store, personal to the reward ({@code shared} false: written only if
     * the store has no such code yet) or shared by every buyer of a single-coupon campaign ({@code shared} true:
     * written once, left as it is afterwards).
     */
    record IssueCode(GiftCode code, String memberId, String couponId, boolean shared) implements PurchaseStep {
    }
}
