package org.serverlessloyalty.shared.points.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.points.model.Address;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Company;
import org.serverlessloyalty.shared.points.model.Gender;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberPatch;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberSearch;
import org.serverlessloyalty.shared.points.model.MemberSort;
import org.serverlessloyalty.shared.points.model.MemberStatus;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Members on the in-process DynamoDB: the conditions, the claims and every search's key condition. */
class DynamoDbMemberRepositoryIT {

    private static LocalTable table;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @BeforeAll
    static void start() {
        table = LocalTable.create();
    }

    private static StoreCode newStore() {
        return new StoreCode("m-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private MemberDirectory directory(Clock clock) {
        return new MemberDirectory(new DynamoDbMemberRepository(table.client(), table.name()), clock);
    }

    private static MemberProfile profile(String first, String last, String email, String phone, String card,
                                         String externalId) {
        return new MemberProfile(first, last, null, email, phone, null, null, null, card, externalId, List.of(), false,
                false, false);
    }

    private static Member registered(MemberDirectory.Registration registration) {
        assertThat(registration).isInstanceOf(MemberDirectory.Registration.Registered.class);
        return ((MemberDirectory.Registration.Registered) registration).member();
    }

    private Map<String, AttributeValue> claimItem(StoreCode store, ClaimKind kind, String value) {
        return table.client().getItem(b -> b.tableName(table.name()).key(Map.of(
                "pk", AttributeValue.fromS(store.value() + "#MEMBER_KEY#" + kind.name()),
                "sk", AttributeValue.fromS(value)))).item();
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        StoreCode store = newStore();
        MemberDirectory members = directory(clock);
        MemberProfile full = new MemberProfile("Jane", "Doe", Gender.NOT_DISCLOSED, "Jane@Example.com", "+33123456",
                java.time.LocalDate.parse("1990-09-11"), new Address("Rue", "1", "B", "75001", "Paris", "IDF", "FR"),
                new Company("Acme", "FR123"), "CARD-1", "guid-1", List.of(new Label("vip", "gold")), true, false, true);
        Member jane = registered(members.register(store, full, null, Optional.empty()));
        assertThat(members.find(store, jane.memberId())).contains(jane);
        assertThat(claimItem(store, ClaimKind.EMAIL, "jane@example.com").get("memberId").s()).isEqualTo(jane.memberId());
        assertThat(members.findBy(store, ClaimKind.EXTERNAL_ID, "guid-1")).contains(jane);
        assertThat(members.findBy(store, ClaimKind.LOYALTY_CARD_NUMBER, "CARD-1")).contains(jane);
        assertThat(members.findBy(store, ClaimKind.PHONE, "+33 1 23 456")).contains(jane);
        assertThat(members.findBy(newStore(), ClaimKind.EXTERNAL_ID, "guid-1")).as("another store").isEmpty();
    }

    @Test
    void aTakenValueRefusesTheWholeRegistrationNamingEveryTakenField() {
        StoreCode store = newStore();
        MemberDirectory members = directory(clock);
        registered(members.register(store, profile("Jane", "Doe", "jane@example.com", "+331111", "C1", "g1"), null,
                Optional.empty()));
        var duplicate = members.register(store, profile("Jim", "Doe", "JANE@example.com", "+332222", "C1", "g2"), null,
                Optional.empty());
        assertThat(duplicate).isEqualTo(new MemberDirectory.Registration.Duplicate(
                List.of(ClaimKind.EMAIL, ClaimKind.LOYALTY_CARD_NUMBER)));
        assertThat(claimItem(store, ClaimKind.PHONE, "+332222")).as("nothing written").isEmpty();
        assertThat(members.search(store, MemberSearch.all(1, 10)).total()).isEqualTo(1);
    }

    @Test
    void aRetriedRegistrationWithItsKeyAnswersTheFirstMemberWithoutWriting() {
        StoreCode store = newStore();
        MemberDirectory members = directory(clock);
        var idempotency = new MemberDirectory.Idempotency(new IdempotencyKey("reg-1"), "h1");
        Member first = registered(members.register(store, profile("Jane", "Doe", "jane@example.com", null, null, null),
                null, Optional.of(idempotency)));
        var again = members.register(store, profile("Jane", "Doe", "jane@example.com", null, null, null), null,
                Optional.of(idempotency));
        assertThat(again).isEqualTo(new MemberDirectory.Registration.Registered(first, true));
        clock.advance(Duration.ofMinutes(1));
        members.register(store, profile("Jane", "Doe", "jane@example.com", null, null, null), null,
                Optional.of(idempotency));
        assertThat(members.find(store, first.memberId())).as("unchanged by the replays").contains(first);
        assertThat(members.register(store, profile("Jim", "Doe", "jim@example.com", null, null, null), null,
                Optional.of(new MemberDirectory.Idempotency(new IdempotencyKey("reg-1"), "h2"))))
                .isInstanceOf(MemberDirectory.Registration.KeyReused.class);
        assertThat(members.findBy(store, ClaimKind.EMAIL, "jim@example.com")).isEmpty();
    }

    @Test
    void anUpdateMovesItsClaimsAndAConcurrentStaleWriteIsRetriedOnTheNewVersion() {
        StoreCode store = newStore();
        MemberDirectory members = directory(clock);
        Member jane = registered(members.register(store, profile("Jane", "Doe", "jane@example.com", "+331111", null,
                null), null, Optional.empty()));
        var changed = members.update(store, jane.memberId(), new MemberPatch(Set.of("email", "phone"),
                profile(null, null, "jane.doe@example.com", null, null, null)));
        Member after = ((MemberDirectory.Change.Changed) changed).member();
        assertThat(after.version()).isEqualTo(2);
        assertThat(claimItem(store, ClaimKind.EMAIL, "jane@example.com")).isEmpty();
        assertThat(claimItem(store, ClaimKind.PHONE, "+331111")).isEmpty();
        assertThat(claimItem(store, ClaimKind.EMAIL, "jane.doe@example.com")).isNotEmpty();
        // The freed values are anyone's again.
        registered(members.register(store, profile("Jim", "Doe", "jane@example.com", "+331111", null, null), null,
                Optional.empty()));
    }

    @Test
    void aWriteAtAStaleVersionIsRefusedByTheStore() {
        StoreCode store = newStore();
        var repository = new DynamoDbMemberRepository(table.client(), table.name());
        MemberDirectory members = new MemberDirectory(repository, clock);
        Member jane = registered(members.register(store, profile("Jane", "Doe", "jane@example.com", null, null, null),
                null, Optional.empty()));
        members.deactivate(store, jane.memberId());
        var stale = repository.execute(org.serverlessloyalty.shared.points.rules.MemberRules.change(jane,
                jane.next(MemberStatus.ACTIVE, profile("Janet", "Doe", "jane@example.com", null, null, null),
                        clock.instant())));
        assertThat(stale).isInstanceOf(org.serverlessloyalty.shared.platform.plan.PlanResult.Refused.class);
        assertThat(members.find(store, jane.memberId()).orElseThrow().status()).isEqualTo(MemberStatus.INACTIVE);
    }

    @Test
    void anonymizingErasesTheItemAndReleasesEveryClaim() {
        StoreCode store = newStore();
        MemberDirectory members = directory(clock);
        Member jane = registered(members.register(store, profile("Jane", "Doe", "jane@example.com", "+331111", "C9",
                "g9"), null, Optional.empty()));
        members.anonymize(store, jane.memberId());
        Map<String, AttributeValue> item = table.client().getItem(b -> b.tableName(table.name())
                .key(MemberKeys.member(store, jane.memberId()))).item();
        assertThat(item.toString()).doesNotContain("jane", "Jane", "Doe", "331111", "C9", "g9");
        assertThat(item).doesNotContainKeys("gsi2pk", "gsi2sk");
        assertThat(members.search(store, MemberSearch.all(1, 10)).members()).as("still listed, erased")
                .extracting(Member::profile).containsExactly(MemberProfile.ERASED);
        assertThat(claimItem(store, ClaimKind.EMAIL, "jane@example.com")).isEmpty();
        assertThat(claimItem(store, ClaimKind.EXTERNAL_ID, "g9")).isEmpty();
    }

    @Test
    void searchesReadOneKeyConditionEach() {
        StoreCode store = newStore();
        MemberDirectory members = directory(clock);
        List<String> names = List.of("Doe Jane", "Doe John", "Doerr Ann", "Smith Jane", "Smyth Bob");
        for (int i = 0; i < names.size(); i++) {
            String[] parts = names.get(i).split(" ");
            registered(members.register(store, profile(parts[1], parts[0], parts[1].toLowerCase() + i + "@shop.example",
                    "+3360000000" + i, "CARD-" + i, "ext-" + i), null, Optional.empty()));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(names(members.search(store, search(null, "doe", null, null, false)))).containsExactlyInAnyOrder(
                "Jane Doe", "John Doe", "Ann Doerr");
        assertThat(names(members.search(store, search(null, "Doe", null, null, true)))).containsExactlyInAnyOrder(
                "Jane Doe", "John Doe");
        assertThat(names(members.search(store, search("jane", "doe", null, null, true)))).containsExactly("Jane Doe");
        assertThat(names(members.search(store, search("Jane", null, null, null, false)))).containsExactlyInAnyOrder(
                "Jane Doe", "Jane Smith");
        assertThat(names(members.search(store, search(null, null, "JANE", null, false)))).containsExactlyInAnyOrder(
                "Jane Doe", "Jane Smith");
        assertThat(names(members.search(store, search(null, null, "jane0@shop.example", null, true))))
                .containsExactly("Jane Doe");
        assertThat(names(members.search(store, search(null, null, null, "+336000", false)))).hasSize(5);
        var newestFirst = members.search(store, MemberSearch.all(1, 2));
        assertThat(newestFirst.total()).isEqualTo(5);
        assertThat(names(newestFirst)).containsExactly("Bob Smyth", "Jane Smith");
        var page3 = members.search(store, MemberSearch.all(3, 2));
        assertThat(names(page3)).containsExactly("Jane Doe");
    }

    @Test
    void aSearchReadsAtMostItsLimitAndSaysSo() {
        StoreCode store = newStore();
        MemberDirectory members = new MemberDirectory(new DynamoDbMemberRepository(table.client(), table.name()), clock, 3);
        for (int i = 0; i < 5; i++) {
            registered(members.register(store, profile("N" + i, "Same", "n" + i + "@shop.example", null, null, null),
                    null, Optional.empty()));
            clock.advance(Duration.ofSeconds(1));
        }
        var all = members.search(store, MemberSearch.all(1, 10));
        assertThat(all.capped()).isTrue();
        assertThat(names(all)).containsExactly("N4 Same", "N3 Same", "N2 Same");
        var byEmail = members.search(store, search(null, null, "n", null, false));
        assertThat(byEmail.capped()).isTrue();
        assertThat(byEmail.total()).isEqualTo(3);
        assertThat(members.search(store, search(null, null, "n1@", null, false)).capped()).isFalse();
    }

    private static MemberSearch search(String first, String last, String email, String phone, boolean strict) {
        return new MemberSearch(first, last, email, phone, null, null, strict, List.of(), null, 1, 50,
                MemberSort.CREATED_AT, true);
    }

    private static List<String> names(org.serverlessloyalty.shared.points.model.MemberPage page) {
        return page.members().stream().map(m -> m.profile().firstName() + " " + m.profile().lastName()).toList();
    }
}
