package org.serverlessloyalty.shared.points.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.dynamodb.FaultKind;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;
import org.serverlessloyalty.local.dynamodb.LocalDynamoDb;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberSearch;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Twenty registrations at once with the same unique values: the store, not a read before the write, lets exactly one
 * through, and the others are told which fields are taken. Also with the engine failing as AWS does (conflicts
 * between overlapping transactions, throttling, 500s), which the directory must absorb.
 */
class MemberRegistrationRaceIT {

    private static final int RACERS = 20;
    private static LocalDynamoDb engine;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void start() {
        engine = LocalDynamoDb.start(0, null);
        client = DynamoDbClient.builder().endpointOverride(engine.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        table = "LoyaltyTable-" + UUID.randomUUID();
        client.createTable(LocalTable.definition(table));
    }

    @AfterEach
    void faultsOff() {
        engine.faultPolicy(FaultPolicy.none());
    }

    @AfterAll
    static void stop() {
        client.close();
        engine.close();
    }

    private static MemberProfile profile(int racer, String email, String phone, String card, String externalId) {
        return new MemberProfile("Racer", "No" + racer, null, email, phone, null, null, null, card, externalId,
                List.of(), false, false, false);
    }

    /** Starts every registration at the same moment and waits for all of them. */
    private static List<MemberDirectory.Registration> race(StoreCode store, IntFunction<MemberProfile> profiles)
            throws Exception {
        MemberDirectory members = new MemberDirectory(new DynamoDbMemberRepository(client, table), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MemberDirectory.Registration>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return members.register(store, profiles.apply(racer), null, Optional.empty());
                }));
            }
            start.countDown();
            List<MemberDirectory.Registration> results = new ArrayList<>();
            for (Future<MemberDirectory.Registration> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static StoreCode newStore() {
        return new StoreCode("race-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static void assertExactlyOneMember(StoreCode store, List<MemberDirectory.Registration> results,
                                               List<ClaimKind> taken) {
        assertThat(results).filteredOn(MemberDirectory.Registration.Registered.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(MemberDirectory.Registration.Duplicate.class::isInstance).hasSize(RACERS - 1)
                .allSatisfy(r -> assertThat(((MemberDirectory.Registration.Duplicate) r).taken())
                        .containsExactlyInAnyOrderElementsOf(taken));
        var members = new MemberDirectory(new DynamoDbMemberRepository(client, table), Clock.systemUTC());
        assertThat(members.search(store, MemberSearch.all(1, 100)).total()).as("members written").isEqualTo(1);
        String winner = ((MemberDirectory.Registration.Registered) results.stream()
                .filter(MemberDirectory.Registration.Registered.class::isInstance).findFirst().orElseThrow())
                .member().memberId();
        for (ClaimKind kind : taken) {
            long claims = client.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(store.value() + "#MEMBER_KEY#"
                            + kind.name())))).items().stream()
                    .peek(item -> assertThat(item.get("memberId").s()).isEqualTo(winner)).count();
            assertThat(claims).as(kind + " claims").isEqualTo(1);
        }
    }

    @Test
    void twentyRegistrationsOfTheSameCustomerMakeExactlyOneMember() throws Exception {
        StoreCode store = newStore();
        var results = race(store, i -> profile(i, "Same@Example.com", "+33600000000", "CARD-1", "guid-1"));
        assertExactlyOneMember(store, results, List.of(ClaimKind.EMAIL, ClaimKind.PHONE,
                ClaimKind.LOYALTY_CARD_NUMBER, ClaimKind.EXTERNAL_ID));
    }

    @Test
    void eachUniqueValueAloneIsHeldByTheStore() throws Exception {
        StoreCode byPhone = newStore();
        assertExactlyOneMember(byPhone, race(byPhone, i -> profile(i, "r" + i + "@example.com", "+33611111111", null,
                null)), List.of(ClaimKind.PHONE));
        StoreCode byCard = newStore();
        assertExactlyOneMember(byCard, race(byCard, i -> profile(i, "r" + i + "@example.com", null, "CARD-9", null)),
                List.of(ClaimKind.LOYALTY_CARD_NUMBER));
        StoreCode byExternalId = newStore();
        assertExactlyOneMember(byExternalId, race(byExternalId, i -> profile(i, "r" + i + "@example.com", null, null,
                "guid-9")), List.of(ClaimKind.EXTERNAL_ID));
        StoreCode byEmailCase = newStore();
        assertExactlyOneMember(byEmailCase, race(byEmailCase, i -> profile(i, i % 2 == 0 ? "X@Y.io" : "x@y.IO", null,
                null, null)), List.of(ClaimKind.EMAIL));
    }

    @Test
    void exactlyOneMemberWhenTheStoreConflictsThrottlesAndFailsAsAwsDoes() throws Exception {
        engine.resetFaultCounts();
        engine.faultPolicy(FaultPolicy.none().seed(7).overlapConflicts(true).conflictRate(0.2)
                .transactionThrottleRate(0.05).throttleRate(0.05).internalErrorRate(0.02).latencyMillis(2, 6));
        StoreCode store = newStore();
        var results = race(store, i -> profile(i, "same@example.com", "+33600000001", "CARD-2", "guid-2"));
        engine.faultPolicy(FaultPolicy.none());
        var counts = engine.faultCounts();
        assertThat(counts.injected(FaultKind.TRANSACTION_CONFLICT) + counts.injected(FaultKind.OVERLAP_CONFLICT))
                .as("the race met conflicts: %s", counts).isPositive();
        assertExactlyOneMember(store, results, List.of(ClaimKind.EMAIL, ClaimKind.PHONE,
                ClaimKind.LOYALTY_CARD_NUMBER, ClaimKind.EXTERNAL_ID));
    }

    @Test
    void concurrentUpdatesMovingTwoMembersToOneEmailLeaveItWithOne() throws Exception {
        StoreCode store = newStore();
        MemberDirectory members = new MemberDirectory(new DynamoDbMemberRepository(client, table), Clock.systemUTC());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            var r = members.register(store, profile(i, "u" + i + "@example.com", null, null, null), null,
                    Optional.empty());
            ids.add(((MemberDirectory.Registration.Registered) r).member().memberId());
        }
        engine.faultPolicy(FaultPolicy.none().seed(3).overlapConflicts(true).latencyMillis(1, 4)
                .operations("TransactWriteItems"));
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MemberDirectory.Change>> futures = new ArrayList<>();
        for (String id : ids) {
            futures.add(pool.submit(() -> {
                start.await();
                return members.update(store, id, new org.serverlessloyalty.shared.points.model.MemberPatch(
                        java.util.Set.of("email"), profile(0, "wanted@example.com", null, null, null)));
            }));
        }
        start.countDown();
        List<MemberDirectory.Change> changes = new ArrayList<>();
        for (var f : futures) {
            changes.add(f.get());
        }
        pool.shutdownNow();
        assertThat(changes).filteredOn(MemberDirectory.Change.Changed.class::isInstance).hasSize(1);
        assertThat(changes).filteredOn(MemberDirectory.Change.Duplicate.class::isInstance).hasSize(RACERS - 1);
        String holder = members.findBy(store, ClaimKind.EMAIL, "wanted@example.com").orElseThrow().memberId();
        for (String id : ids) {
            String email = members.find(store, id).orElseThrow().profile().email();
            assertThat(email).isEqualTo(id.equals(holder) ? "wanted@example.com" : "u" + ids.indexOf(id) + "@example.com");
        }
    }
}
