package org.serverlessloyalty.shared.points.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.InMemoryMemberRepository;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberClaim;
import org.serverlessloyalty.shared.points.model.MemberPatch;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberSearch;
import org.serverlessloyalty.shared.points.model.MemberSort;
import org.serverlessloyalty.shared.points.model.MemberStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;

class MemberDirectoryTest {

    private static final StoreCode STORE = new StoreCode("13");
    private final InMemoryMemberRepository repository = new InMemoryMemberRepository();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final MemberDirectory directory = new MemberDirectory(repository, clock, 3);

    private static MemberProfile profile(String first, String email, String phone) {
        return new MemberProfile(first, "Doe", null, email, phone, null, null, null, null, null, List.of(), true,
                false, false);
    }

    private Member register(MemberProfile profile) {
        var result = directory.register(STORE, profile, null, Optional.empty());
        assertThat(result).isInstanceOf(MemberDirectory.Registration.Registered.class);
        return ((MemberDirectory.Registration.Registered) result).member();
    }

    @Test
    void registersAnActiveMemberWithVersionOne() {
        Member jane = register(profile("Jane", "jane@example.com", null));
        assertThat(jane.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(jane.version()).isEqualTo(1);
        assertThat(directory.find(STORE, jane.memberId().toUpperCase())).contains(jane);
        assertThat(directory.findBy(STORE, ClaimKind.EMAIL, "JANE@example.com")).contains(jane);
    }

    @Test
    void aSecondMemberWithTheSameEmailInAnyCaseOrPhoneIsRefusedNamingBoth() {
        register(profile("Jane", "jane@example.com", "+3312345"));
        var again = directory.register(STORE, profile("Other", "JANE@example.com", "+3312345"), null, Optional.empty());
        assertThat(again).isEqualTo(new MemberDirectory.Registration.Duplicate(List.of(ClaimKind.EMAIL, ClaimKind.PHONE)));
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswersTheFirstMemberAndAnotherBodyIsRefused() {
        var key = new IdempotencyKey("reg-42");
        var first = directory.register(STORE, profile("Jane", "jane@example.com", null), null,
                Optional.of(new MemberDirectory.Idempotency(key, "hash-1")));
        var again = directory.register(STORE, profile("Jane", "jane@example.com", null), null,
                Optional.of(new MemberDirectory.Idempotency(key, "hash-1")));
        var other = directory.register(STORE, profile("Jim", "jim@example.com", null), null,
                Optional.of(new MemberDirectory.Idempotency(key, "hash-2")));
        Member member = ((MemberDirectory.Registration.Registered) first).member();
        assertThat(again).isEqualTo(new MemberDirectory.Registration.Registered(member, true));
        assertThat(other).isInstanceOf(MemberDirectory.Registration.KeyReused.class);
        assertThat(directory.findBy(STORE, ClaimKind.EMAIL, "jim@example.com")).isEmpty();
    }

    @Test
    void contentionIsRetriedUntilTheWriteGoesThrough() {
        repository.contendNext(3);
        Member jane = register(profile("Jane", "jane@example.com", null));
        assertThat(repository.executions()).isEqualTo(4);
        assertThat(directory.find(STORE, jane.memberId())).isPresent();
    }

    @Test
    void anUpdateMovesTheEmailClaimSoTheOldEmailIsFreeAgain() {
        Member jane = register(profile("Jane", "jane@example.com", null));
        var patch = new MemberPatch(Set.of("email"), profile(null, "jane.doe@example.com", null));
        var changed = directory.update(STORE, jane.memberId(), patch);
        assertThat(changed).isInstanceOf(MemberDirectory.Change.Changed.class);
        assertThat(repository.claims(STORE)).containsOnlyKeys(new MemberClaim(ClaimKind.EMAIL, "jane.doe@example.com"));
        register(profile("Jim", "jane@example.com", null));
    }

    @Test
    void anUpdateToAnotherMembersPhoneIsRefusedAndChangesNothing() {
        register(profile("Jim", null, "+331111"));
        Member jane = register(profile("Jane", "jane@example.com", null));
        var patch = new MemberPatch(Set.of("phone", "firstName"), profile("Janet", null, "+331111"));
        assertThat(directory.update(STORE, jane.memberId(), patch))
                .isEqualTo(new MemberDirectory.Change.Duplicate(List.of(ClaimKind.PHONE)));
        assertThat(directory.find(STORE, jane.memberId()).orElseThrow().profile().firstName()).isEqualTo("Jane");
    }

    @Test
    void erasingTheOnlyEmailOfAMemberWithoutPhoneIsInvalid() {
        Member jane = register(profile("Jane", "jane@example.com", null));
        var patch = new MemberPatch(Set.of("email"), profile(null, null, null));
        assertThat(directory.update(STORE, jane.memberId(), patch)).isInstanceOf(MemberDirectory.Change.Invalid.class);
    }

    @Test
    void anUnchangedUpdateOrStatusWritesNothing() {
        Member jane = register(profile("Jane", "jane@example.com", null));
        int writes = repository.executions();
        directory.update(STORE, jane.memberId(), new MemberPatch(Set.of("firstName"), profile("Jane", null, null)));
        directory.activate(STORE, jane.memberId());
        assertThat(repository.executions()).isEqualTo(writes);
    }

    @Test
    void deactivatingAndActivatingChangesTheStatusTheLedgerSees() {
        Member jane = register(profile("Jane", "jane@example.com", null));
        directory.deactivate(STORE, jane.memberId());
        assertThat(directory.byId(STORE, jane.memberId()).orElseThrow().status()).isEqualTo("inactive");
        directory.activate(STORE, jane.memberId());
        assertThat(directory.byId(STORE, jane.memberId()).orElseThrow().status()).isEqualTo("active");
    }

    @Test
    void anonymizingErasesThePersonReleasesItsValuesAndIsFinal() {
        Member jane = register(profile("Jane", "jane@example.com", "+331234"));
        var anonymized = directory.anonymize(STORE, jane.memberId());
        Member erased = ((MemberDirectory.Change.Changed) anonymized).member();
        assertThat(erased.profile()).isEqualTo(MemberProfile.ERASED);
        assertThat(erased.status()).isEqualTo(MemberStatus.ANONYMIZED);
        assertThat(repository.claims(STORE)).isEmpty();
        assertThat(directory.anonymize(STORE, jane.memberId())).isEqualTo(new MemberDirectory.Change.Changed(erased));
        assertThat(directory.activate(STORE, jane.memberId())).isInstanceOf(MemberDirectory.Change.Anonymized.class);
        assertThat(directory.update(STORE, jane.memberId(), new MemberPatch(Set.of("firstName"),
                profile("Back", null, null)))).isInstanceOf(MemberDirectory.Change.Anonymized.class);
        register(profile("Someone", "jane@example.com", "+331234"));
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        assertThat(directory.deactivate(STORE, "not-a-uuid")).isInstanceOf(MemberDirectory.Change.NotFound.class);
        assertThat(directory.deactivate(STORE, "e0eb0355-8aaa-4fb1-8159-f58e81b7a25c"))
                .isInstanceOf(MemberDirectory.Change.NotFound.class);
        assertThat(directory.anonymize(STORE, "e0eb0355-8aaa-4fb1-8159-f58e81b7a25c"))
                .isInstanceOf(MemberDirectory.Change.NotFound.class);
    }

    @Test
    void resolvesByIdThenEmailThenPhoneAsRuleP10() {
        Member jane = register(profile("Jane", "jane@example.com", "+48111222"));
        assertThat(directory.resolve(STORE, jane.memberId()).orElseThrow().memberId()).isEqualTo(jane.memberId());
        assertThat(directory.resolve(STORE, "Jane@Example.com").orElseThrow().memberId()).isEqualTo(jane.memberId());
        assertThat(directory.resolve(STORE, "+48 111 222").orElseThrow().memberId()).isEqualTo(jane.memberId());
        assertThat(directory.resolve(STORE, "nobody@example.com")).isEmpty();
        assertThat(directory.resolve(new StoreCode("14"), jane.memberId())).isEmpty();
    }

    @Test
    void aSearchPagesTheMatchesAndSaysWhenItReadOnlyItsLimit() {
        for (String name : List.of("Ann", "Bea", "Cid", "Dan")) {
            register(profile(name, name.toLowerCase() + "@example.com", null));
            clock.advance(Duration.ofMinutes(1));
        }
        var page = directory.search(STORE, new MemberSearch(null, null, null, null, null, null, false, List.of(), null,
                1, 2, MemberSort.FIRST_NAME, false));
        assertThat(page.capped()).isTrue();
        assertThat(page.total()).isEqualTo(3);
        // The newest three, sorted by first name: Bea, Cid, Dan.
        assertThat(page.members()).extracting(m -> m.profile().firstName()).containsExactly("Bea", "Cid");
        var byEmail = directory.search(STORE, new MemberSearch(null, null, "ann@", null, null, null, false, List.of(),
                null, 1, 10, MemberSort.CREATED_AT, true));
        assertThat(byEmail.capped()).isFalse();
        assertThat(byEmail.members()).extracting(m -> m.profile().firstName()).containsExactly("Ann");
    }
}
