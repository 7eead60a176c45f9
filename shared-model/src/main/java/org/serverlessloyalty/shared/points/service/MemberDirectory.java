package org.serverlessloyalty.shared.points.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberPage;
import org.serverlessloyalty.shared.points.model.MemberPatch;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.MemberSearch;
import org.serverlessloyalty.shared.points.model.MemberStatus;
import org.serverlessloyalty.shared.points.model.MemberStep;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.points.port.MemberRepository;
import org.serverlessloyalty.shared.points.rules.MemberIdentifiers;
import org.serverlessloyalty.shared.points.rules.MemberIds;
import org.serverlessloyalty.shared.points.rules.MemberRules;
import org.serverlessloyalty.shared.points.rules.MemberSearchRules;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Registering, reading, changing, searching and anonymizing members. Every change is read, decided
 * ({@link MemberRules}), then written as one conditional transaction; a write that met another writer is decided
 * again on a fresh read ({@link Contention}), so uniqueness and concurrent changes are held by DynamoDB, never by a
 * read before the write.
 */
public final class MemberDirectory implements MemberLookup {

    /** A registration's {@code Idempotency-Key} and the hash of what it registers. */
    public record Idempotency(IdempotencyKey key, String requestHash) {
    }

    /** What a registration did. */
    public sealed interface Registration {

        /** @param replayed the same {@code Idempotency-Key} and body registered this member before: nothing written */
        record Registered(Member member, boolean replayed) implements Registration {
        }

        /** Nothing written: another member of the store holds each of these values. */
        record Duplicate(List<ClaimKind> taken) implements Registration {
        }

        /** Nothing written: the {@code Idempotency-Key} registered another body before. */
        record KeyReused() implements Registration {
        }
    }

    /** What a change (update, activation, deactivation, anonymization) did. */
    public sealed interface Change {

        /** The member as it now is (unchanged when it already was so: nothing written). */
        record Changed(Member member) implements Change {
        }

        record NotFound() implements Change {
        }

        /** Nothing written: the member's data was erased, and nothing but reading it is left to do. */
        record Anonymized() implements Change {
        }

        /** Nothing written: another member holds each of these values. */
        record Duplicate(List<ClaimKind> taken) implements Change {
        }

        /** Nothing written: the member would break these rules (field name → message). */
        record Invalid(Map<String, String> problems) implements Change {
        }
    }

    private final MemberRepository members;
    private final Clock clock;
    private final int maxCandidates;

    public MemberDirectory(MemberRepository members, Clock clock) {
        this(members, clock, MemberSearchRules.MAX_CANDIDATES);
    }

    /** @param maxCandidates how many members a search reads at most (tests lower it) */
    public MemberDirectory(MemberRepository members, Clock clock, int maxCandidates) {
        this.members = members;
        this.clock = clock;
        this.maxCandidates = maxCandidates;
    }

    /**
     * Registers an active member, claiming each of its unique values in the same transaction.
     *
     * @param createdAt   when the member joined (an import may give it), else now
     * @param idempotency with a key, the member's id is derived from it, so a retry finds the first registration
     */
    public Registration register(StoreCode store, MemberProfile profile, Instant createdAt,
                                 Optional<Idempotency> idempotency) {
        return Contention.retry("register a member", () -> {
            Instant now = clock.instant();
            String id = idempotency.map(i -> MemberIds.forIdempotencyKey(store, i.key())).orElseGet(MemberIds::random);
            Member member = new Member(store, id, MemberStatus.ACTIVE, profile, createdAt == null ? now : createdAt,
                    now, 1, idempotency.map(Idempotency::requestHash).orElse(null));
            PlanResult<MemberStep> result = members.execute(MemberRules.register(member));
            if (result instanceof PlanResult.Committed<MemberStep>) {
                return Optional.of(new Registration.Registered(member, false));
            }
            if (result instanceof PlanResult.Refused<MemberStep> refused) {
                if (refused.failed().stream().anyMatch(MemberStep.PutMember.class::isInstance)) {
                    // The id exists: with a key, the first registration of that key; else (never seen) a random clash.
                    return idempotency.isPresent() ? replay(store, id, idempotency.get()) : Optional.empty();
                }
                return Optional.of(new Registration.Duplicate(taken(refused.failed())));
            }
            return Optional.empty();
        });
    }

    private Optional<Registration> replay(StoreCode store, String id, Idempotency idempotency) {
        return members.find(store, id).map(first -> idempotency.requestHash().equals(first.requestHash())
                ? new Registration.Registered(first, true)
                : new Registration.KeyReused());
    }

    public Optional<Member> find(StoreCode store, String memberId) {
        return MemberIds.parse(memberId).flatMap(id -> members.find(store, id));
    }

    /** The member holding {@code value} as its {@code kind} (normalised as stored: an e-mail in any case). */
    public Optional<Member> findBy(StoreCode store, ClaimKind kind, String value) {
        return MemberIdentifiers.claim(kind, value)
                .flatMap(claim -> members.holderOf(store, claim))
                .flatMap(id -> members.find(store, id));
    }

    /** Applies {@code patch} (Open Loyalty's update: the fields given replace the member's). */
    public Change update(StoreCode store, String memberId, MemberPatch patch) {
        return change(store, memberId, "update a member", member -> {
            MemberProfile after = patch.applyTo(member.profile());
            Map<String, String> problems = MemberRules.problems(after, LocalDate.now(clock));
            if (!problems.isEmpty()) {
                return new Decision.Refuse(new Change.Invalid(problems));
            }
            return new Decision.Write(member.status(), after);
        });
    }

    /** Active again: the member earns and spends as the store's settings allow active members to. */
    public Change activate(StoreCode store, String memberId) {
        return setStatus(store, memberId, MemberStatus.ACTIVE);
    }

    public Change deactivate(StoreCode store, String memberId) {
        return setStatus(store, memberId, MemberStatus.INACTIVE);
    }

    private Change setStatus(StoreCode store, String memberId, MemberStatus status) {
        return change(store, memberId, "change a member's status",
                member -> new Decision.Write(status, member.profile()));
    }

    /**
     * Erases the member's personal data and releases its unique values (another member may take them); its id, its
     * dates and everything the ledger holds for it stay. Doing it again changes nothing.
     */
    public Change anonymize(StoreCode store, String memberId) {
        Optional<String> id = MemberIds.parse(memberId);
        if (id.isEmpty()) {
            return new Change.NotFound();
        }
        return Contention.retry("anonymize a member", () -> {
            Optional<Member> found = members.find(store, id.get());
            if (found.isEmpty()) {
                return Optional.of(new Change.NotFound());
            }
            Member member = found.get();
            if (member.isAnonymized()) {
                return Optional.of(new Change.Changed(member));
            }
            return write(member, member.next(MemberStatus.ANONYMIZED, MemberProfile.ERASED, clock.instant()));
        });
    }

    /** What a change decides on the member it read. */
    private sealed interface Decision {
        record Write(MemberStatus status, MemberProfile profile) implements Decision {
        }

        record Refuse(Change answer) implements Decision {
        }
    }

    private Change change(StoreCode store, String memberId, String action,
                          java.util.function.Function<Member, Decision> decide) {
        Optional<String> id = MemberIds.parse(memberId);
        if (id.isEmpty()) {
            return new Change.NotFound();
        }
        return Contention.retry(action, () -> {
            Optional<Member> found = members.find(store, id.get());
            if (found.isEmpty()) {
                return Optional.of(new Change.NotFound());
            }
            Member member = found.get();
            if (member.isAnonymized()) {
                return Optional.of(new Change.Anonymized());
            }
            Decision decision = decide.apply(member);
            if (decision instanceof Decision.Refuse refuse) {
                return Optional.of(refuse.answer());
            }
            Decision.Write write = (Decision.Write) decision;
            if (write.status() == member.status() && write.profile().equals(member.profile())) {
                return Optional.of(new Change.Changed(member));
            }
            return write(member, member.next(write.status(), write.profile(), clock.instant()));
        });
    }

    /** One attempt to write {@code after} over {@code before}; empty when another writer got there first. */
    private Optional<Change> write(Member before, Member after) {
        PlanResult<MemberStep> result = members.execute(MemberRules.change(before, after));
        if (result instanceof PlanResult.Committed<MemberStep>) {
            return Optional.of(new Change.Changed(after));
        }
        if (result instanceof PlanResult.Refused<MemberStep> refused) {
            if (refused.failed().stream().anyMatch(MemberStep.PutMember.class::isInstance)) {
                return Optional.empty(); // changed since it was read: decide again on what it is now
            }
            if (refused.failed().stream().anyMatch(MemberStep.Release.class::isInstance)) {
                throw new IllegalStateException("Member " + before.memberId() + " held a claim another member holds");
            }
            return Optional.of(new Change.Duplicate(taken(refused.failed())));
        }
        return Optional.empty();
    }

    private static List<ClaimKind> taken(List<MemberStep> failed) {
        List<ClaimKind> taken = new ArrayList<>();
        for (MemberStep step : failed) {
            if (step instanceof MemberStep.Claim claim && !taken.contains(claim.claim().kind())) {
                taken.add(claim.claim().kind());
            }
        }
        return taken;
    }

    /**
     * One page of the members matching {@code search}: the candidates of its narrowest key condition
     * ({@link MemberSearchRules#candidates}), at most the search limit, filtered, sorted and cut to the page.
     */
    public MemberPage search(StoreCode store, MemberSearch search) {
        Instant now = clock.instant();
        MemberRepository.Candidates candidates = members.candidates(store, MemberSearchRules.candidates(search),
                maxCandidates);
        List<Member> matches = candidates.members().stream()
                .filter(m -> MemberSearchRules.matches(m, search, now))
                .sorted(MemberSearchRules.order(search.sort(), search.descending()))
                .toList();
        int from = Math.min(matches.size(), (search.page() - 1) * search.perPage());
        int to = Math.min(matches.size(), from + search.perPage());
        return new MemberPage(matches.subList(from, to), matches.size(), candidates.capped());
    }

    @Override
    public Optional<MemberRef> byId(StoreCode store, String memberId) {
        return find(store, memberId).map(Member::ref);
    }

    /** Rule P10: by id, then by e-mail (case-insensitive), then by phone (normalised as stored). */
    @Override
    public Optional<MemberRef> resolve(StoreCode store, String idEmailOrPhone) {
        return find(store, idEmailOrPhone)
                .or(() -> findBy(store, ClaimKind.EMAIL, idEmailOrPhone))
                .or(() -> findBy(store, ClaimKind.PHONE, idEmailOrPhone))
                .map(Member::ref);
    }
}
