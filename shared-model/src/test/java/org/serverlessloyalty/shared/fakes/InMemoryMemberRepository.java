package org.serverlessloyalty.shared.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberCandidates;
import org.serverlessloyalty.shared.points.model.MemberClaim;
import org.serverlessloyalty.shared.points.model.MemberStep;
import org.serverlessloyalty.shared.points.port.MemberRepository;
import org.serverlessloyalty.shared.points.rules.MemberSearchRules;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Members in memory with the adapter's conditions: a plan is applied whole or not at all, and refused naming every
 * step whose condition failed. {@link #contendNext} makes the next executions answer Contended, as a conflicting
 * transaction would.
 */
public final class InMemoryMemberRepository implements MemberRepository {

    private record ClaimKey(StoreCode store, MemberClaim claim) {
    }

    private record MemberKey(StoreCode store, String memberId) {
    }

    private final Map<MemberKey, Member> members = new HashMap<>();
    private final Map<ClaimKey, String> claims = new HashMap<>();
    private final AtomicInteger contended = new AtomicInteger();
    private final AtomicInteger executions = new AtomicInteger();

    public void contendNext(int times) {
        contended.set(times);
    }

    public int executions() {
        return executions.get();
    }

    @Override
    public synchronized Optional<Member> find(StoreCode store, String memberId) {
        return Optional.ofNullable(members.get(new MemberKey(store, memberId)));
    }

    @Override
    public synchronized Optional<String> holderOf(StoreCode store, MemberClaim claim) {
        return Optional.ofNullable(claims.get(new ClaimKey(store, claim)));
    }

    public synchronized Map<MemberClaim, String> claims(StoreCode store) {
        Map<MemberClaim, String> out = new HashMap<>();
        claims.forEach((k, v) -> {
            if (k.store().equals(store)) {
                out.put(k.claim(), v);
            }
        });
        return out;
    }

    @Override
    public synchronized PlanResult<MemberStep> execute(List<MemberStep> plan) {
        executions.incrementAndGet();
        if (contended.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new PlanResult.Contended<>("TransactionConflict");
        }
        List<MemberStep> failed = new ArrayList<>();
        for (MemberStep step : plan) {
            if (!holds(step)) {
                failed.add(step);
            }
        }
        if (!failed.isEmpty()) {
            return new PlanResult.Refused<>(failed);
        }
        for (MemberStep step : plan) {
            if (step instanceof MemberStep.PutMember put) {
                members.put(new MemberKey(put.member().store(), put.member().memberId()), put.member());
            } else if (step instanceof MemberStep.Claim claim) {
                claims.put(new ClaimKey(claim.store(), claim.claim()), claim.memberId());
            } else if (step instanceof MemberStep.Release release) {
                claims.remove(new ClaimKey(release.store(), release.claim()));
            }
        }
        return new PlanResult.Committed<>();
    }

    private boolean holds(MemberStep step) {
        if (step instanceof MemberStep.PutMember put) {
            Member stored = members.get(new MemberKey(put.member().store(), put.member().memberId()));
            return put.expectedVersion() == null ? stored == null
                    : stored != null && stored.version() == put.expectedVersion();
        }
        if (step instanceof MemberStep.Claim claim) {
            return !claims.containsKey(new ClaimKey(claim.store(), claim.claim()));
        }
        MemberStep.Release release = (MemberStep.Release) step;
        String holder = claims.get(new ClaimKey(release.store(), release.claim()));
        return holder == null || holder.equals(release.memberId());
    }

    @Override
    public synchronized Candidates candidates(StoreCode store, MemberCandidates query, int limit) {
        List<Member> found = new ArrayList<>();
        if (query instanceof MemberCandidates.ByClaim byClaim) {
            claims.entrySet().stream()
                    .filter(e -> e.getKey().store().equals(store) && e.getKey().claim().kind() == byClaim.kind())
                    .filter(e -> byClaim.prefix() ? e.getKey().claim().value().startsWith(byClaim.value())
                            : e.getKey().claim().value().equals(byClaim.value()))
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(k -> k.claim().value())))
                    .forEach(e -> found.add(members.get(new MemberKey(store, e.getValue()))));
        } else if (query instanceof MemberCandidates.ByName byName) {
            members.values().stream()
                    .filter(m -> m.store().equals(store) && m.profile().lastName() != null)
                    .filter(m -> MemberSearchRules.nameKey(m.profile().lastName(), m.profile().firstName()).concat("#")
                            .startsWith(byName.prefix()))
                    .sorted(Comparator.comparing(m -> MemberSearchRules.nameKey(m.profile().lastName(),
                            m.profile().firstName()) + "#" + m.memberId()))
                    .forEach(found::add);
        } else {
            boolean newestFirst = ((MemberCandidates.All) query).newestFirst();
            Comparator<Member> byCreation = Comparator.comparing(Member::createdAt).thenComparing(Member::memberId);
            members.values().stream().filter(m -> m.store().equals(store))
                    .sorted(newestFirst ? byCreation.reversed() : byCreation)
                    .forEach(found::add);
        }
        return new Candidates(found.stream().limit(limit).toList(), found.size() > limit);
    }
}
