package org.serverlessloyalty.shared.points.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberClaim;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberStatus;
import org.serverlessloyalty.shared.points.model.MemberStep;
import org.serverlessloyalty.shared.store.model.StoreCode;

class MemberRulesTest {

    private static final StoreCode STORE = new StoreCode("13");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static MemberProfile profile(String email, String phone, String card) {
        return new MemberProfile("Jane", "Doe", null, email, phone, null, null, null, card, null, List.of(),
                false, false, false);
    }

    private static Member member(MemberProfile profile) {
        return new Member(STORE, "m-1", MemberStatus.ACTIVE, profile, NOW, NOW, 3, null);
    }

    @Test
    void registeringWritesTheMemberAndClaimsEachUniqueValue() {
        Member member = member(profile("Jane@Example.com", "+331234", null));
        assertThat(MemberRules.register(member)).containsExactly(
                new MemberStep.PutMember(member, null),
                new MemberStep.Claim(STORE, new MemberClaim(ClaimKind.EMAIL, "jane@example.com"), "m-1"),
                new MemberStep.Claim(STORE, new MemberClaim(ClaimKind.PHONE, "+331234"), "m-1"));
    }

    @Test
    void aChangedEmailReleasesTheOldClaimAndClaimsTheNewOneAtTheVersionRead() {
        Member before = member(profile("old@example.com", "+331234", "C1"));
        Member after = before.next(MemberStatus.ACTIVE, profile("new@example.com", "+331234", null), NOW);
        assertThat(MemberRules.change(before, after)).containsExactly(
                new MemberStep.PutMember(after, 3L),
                new MemberStep.Release(STORE, new MemberClaim(ClaimKind.EMAIL, "old@example.com"), "m-1"),
                new MemberStep.Release(STORE, new MemberClaim(ClaimKind.LOYALTY_CARD_NUMBER, "C1"), "m-1"),
                new MemberStep.Claim(STORE, new MemberClaim(ClaimKind.EMAIL, "new@example.com"), "m-1"));
    }

    @Test
    void anEmailChangingOnlyItsCaseKeepsItsClaim() {
        Member before = member(profile("jane@example.com", null, null));
        Member after = before.next(MemberStatus.ACTIVE, profile("JANE@example.com", null, null), NOW);
        assertThat(MemberRules.change(before, after)).containsExactly(new MemberStep.PutMember(after, 3L));
    }

    @Test
    void anonymizingReleasesEveryClaim() {
        Member before = member(profile("jane@example.com", "+331234", "C1"));
        Member after = before.next(MemberStatus.ANONYMIZED, MemberProfile.ERASED, NOW);
        assertThat(MemberRules.change(before, after)).hasSize(4)
                .filteredOn(MemberStep.Release.class::isInstance).hasSize(3);
    }

    @Test
    void aMemberNeedsBothNamesAndAnEmailOrAPhone() {
        MemberProfile nameless = new MemberProfile(" ", null, null, null, null, LocalDate.parse("2030-01-01"), null,
                null, null, null, List.of(), false, false, false);
        assertThat(MemberRules.problems(nameless, LocalDate.parse("2026-11-25"))).containsOnlyKeys(
                "firstName", "lastName", "email", "birthDate");
        assertThat(MemberRules.problems(profile(null, "+331234", null), LocalDate.parse("2026-11-25"))).isEmpty();
    }
}
