package org.serverlessloyalty.shared.points.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberCandidates;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberSearch;
import org.serverlessloyalty.shared.points.model.MemberSort;
import org.serverlessloyalty.shared.points.model.MemberStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;

class MemberSearchRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static MemberSearch search(String firstName, String lastName, String email, String phone, String card,
                                       String externalId, boolean strict) {
        return new MemberSearch(firstName, lastName, email, phone, card, externalId, strict, List.of(), null, 1, 10,
                MemberSort.CREATED_AT, true);
    }

    private static Member member(String id, String first, String last, String email, List<Label> labels,
                                 Instant updatedAt) {
        return new Member(new StoreCode("13"), id, MemberStatus.ACTIVE, new MemberProfile(first, last, null, email,
                "+331234", null, null, null, "CARD-" + id, "ext-" + id, labels, false, false, false),
                NOW.minusSeconds(3600), updatedAt, 1, null);
    }

    @Test
    void theNarrowestKeyConditionDrivesTheSearch() {
        assertThat(MemberSearchRules.candidates(search("j", "d", "Jo", "+33", "C", "ext", false)))
                .isEqualTo(new MemberCandidates.ByClaim(ClaimKind.EXTERNAL_ID, "ext", true));
        assertThat(MemberSearchRules.candidates(search(null, "d", "Jo", "+33", null, null, true)))
                .isEqualTo(new MemberCandidates.ByClaim(ClaimKind.EMAIL, "jo", false));
        assertThat(MemberSearchRules.candidates(search(null, "Doe", null, null, null, null, false)))
                .isEqualTo(new MemberCandidates.ByName("doe"));
        assertThat(MemberSearchRules.candidates(search("Jane", "Doe", null, null, null, null, true)))
                .isEqualTo(new MemberCandidates.ByName("doe#jane#"));
        assertThat(MemberSearchRules.candidates(search("Jane", null, null, null, null, null, false)))
                .isEqualTo(new MemberCandidates.All(true));
        assertThat(MemberSearchRules.candidates(new MemberSearch(null, null, null, null, null, null, false, List.of(),
                null, 1, 10, MemberSort.CREATED_AT, false))).isEqualTo(new MemberCandidates.All(false));
    }

    @Test
    void withoutStrictEachTextFilterIsACaseInsensitivePrefix() {
        Member jane = member("1", "Jane", "Doe", "Jane.Doe@example.com", List.of(), NOW);
        assertThat(MemberSearchRules.matches(jane, search("ja", "DO", "jane.d", null, null, null, false), NOW)).isTrue();
        assertThat(MemberSearchRules.matches(jane, search(null, null, "example.com", null, null, null, false), NOW))
                .as("a prefix, not Open Loyalty's substring").isFalse();
        assertThat(MemberSearchRules.matches(jane, search("jane", "doe", null, null, null, null, true), NOW)).isTrue();
        assertThat(MemberSearchRules.matches(jane, search("ja", null, null, null, null, null, true), NOW)).isFalse();
    }

    @Test
    void cardsAndExternalIdsCompareExactlyAndLabelsMustAllBeThere() {
        Member m = member("7", "A", "B", null, List.of(new Label("vip", "gold"), new Label("source", "shop")), NOW);
        assertThat(MemberSearchRules.matches(m, search(null, null, null, null, "card-7", null, true), NOW)).isFalse();
        assertThat(MemberSearchRules.matches(m, search(null, null, null, null, "CARD-7", null, true), NOW)).isTrue();
        MemberSearch labelled = new MemberSearch(null, null, null, null, null, null, false,
                List.of(new Label("vip", "gold"), new Label("source", null)), null, 1, 10, MemberSort.CREATED_AT, true);
        assertThat(MemberSearchRules.matches(m, labelled, NOW)).isTrue();
        MemberSearch wrongValue = new MemberSearch(null, null, null, null, null, null, false,
                List.of(new Label("vip", "silver")), null, 1, 10, MemberSort.CREATED_AT, true);
        assertThat(MemberSearchRules.matches(m, wrongValue, NOW)).isFalse();
    }

    @Test
    void hoursFromLastUpdateKeepsOnlyRecentlyChangedMembers() {
        MemberSearch lastDay = new MemberSearch(null, null, null, null, null, null, false, List.of(), 24, 1, 10,
                MemberSort.CREATED_AT, true);
        assertThat(MemberSearchRules.matches(member("1", "A", "B", null, List.of(), NOW.minusSeconds(3600)), lastDay,
                NOW)).isTrue();
        assertThat(MemberSearchRules.matches(member("2", "A", "B", null, List.of(), NOW.minusSeconds(25 * 3600)),
                lastDay, NOW)).isFalse();
    }

    @Test
    void sortsByTheColumnWithMembersWithoutAValueLastEitherWay() {
        Member noEmail = member("1", "A", "B", null, List.of(), NOW);
        Member alice = member("2", "A", "B", "alice@x.io", List.of(), NOW);
        Member bob = member("3", "A", "B", "Bob@x.io", List.of(), NOW);
        assertThat(java.util.stream.Stream.of(noEmail, bob, alice).sorted(MemberSearchRules.order(MemberSort.EMAIL, false)))
                .containsExactly(alice, bob, noEmail);
        assertThat(java.util.stream.Stream.of(noEmail, alice, bob).sorted(MemberSearchRules.order(MemberSort.EMAIL, true)))
                .containsExactly(bob, alice, noEmail);
    }
}
