package org.serverlessloyalty.shared.giftcode.service;

import java.time.Clock;
import java.util.Optional;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.ValidationQuery;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.rules.GiftCodeRules;
import org.serverlessloyalty.shared.store.model.Store;

/**
 * Answers the checkout question with one read of the store and the rules (a second only for a code
 * whose batch's pending mark is still there). It never writes.
 */
public final class CodeValidation {

    /** The code (when the store has it) and why it cannot be used (empty when it can). */
    public record Outcome(Optional<GiftCode> code, Optional<ValidationReason> refusal) {

        public boolean canUse() {
            return refusal.isEmpty();
        }
    }

    private final GiftCodeRepository codes;
    private final Clock clock;

    public CodeValidation(GiftCodeRepository codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    public Outcome validate(Store store, ValidationQuery query) {
        var reads = codes.readForValidation(store.code(), query.code(), query.customerGuid(), query.otherAppliedCodes());
        var facts = new GiftCodeRules.Facts(store, query, reads.code(), reads.customerUses(), reads.appliedCodes(),
                reads.batches(), clock.instant());
        Optional<ValidationReason> refusal = GiftCodeRules.refusal(facts);
        // A code whose creation has not committed does not exist yet: its terms are not shown either.
        Optional<GiftCode> shown = refusal.filter(r -> r == ValidationReason.NOT_FOUND).isPresent()
                ? Optional.empty() : reads.code();
        return new Outcome(shown, refusal);
    }
}
