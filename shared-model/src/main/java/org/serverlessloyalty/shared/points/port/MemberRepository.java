package org.serverlessloyalty.shared.points.port;

import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberCandidates;
import org.serverlessloyalty.shared.points.model.MemberClaim;
import org.serverlessloyalty.shared.points.model.MemberStep;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Members and the claims on their unique values; every read a GetItem or a Query, never a scan. */
public interface MemberRepository {

    /** One member, read consistently. */
    Optional<Member> find(StoreCode store, String memberId);

    /** The id of the member holding {@code claim}, read consistently. */
    Optional<String> holderOf(StoreCode store, MemberClaim claim);

    /**
     * Executes {@code plan} as one transaction (every step, or none): Committed; Refused naming the steps whose limit
     * failed; Contended when it met another writer or throttling.
     */
    PlanResult<MemberStep> execute(List<MemberStep> plan);

    /** What one key condition reads: the members in the index's order, and whether it stopped at {@code limit}. */
    record Candidates(List<Member> members, boolean capped) {

        public Candidates {
            members = List.copyOf(members);
        }
    }

    /** The members {@code query} reads, at most {@code limit} of them (eventually consistent index reads). */
    Candidates candidates(StoreCode store, MemberCandidates query, int limit);
}
