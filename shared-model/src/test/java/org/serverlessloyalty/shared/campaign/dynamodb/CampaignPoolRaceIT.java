package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.serverlessloyalty.local.dynamodb.LocalDynamoDb;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.PoolCode;
import org.serverlessloyalty.shared.campaign.service.CampaignAdmin;
import org.serverlessloyalty.shared.campaign.testing.CampaignFixtures;
import org.serverlessloyalty.shared.platform.dynamodb.PartitionQuery;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import org.serverlessloyalty.shared.testing.FastRetries;
import org.serverlessloyalty.shared.testing.LocalTable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Pool loads racing with purchases (issue 11, h11-catalogue), without faults and with the engine's: appends of
 * several chunks, a replacement and codes being issued all at once keep {@code free} equal to the free items, lose
 * no appended code, and never take out or hand out an issued code twice.
 */
class CampaignPoolRaceIT {

    private static final LocalDynamoDb ENGINE = LocalDynamoDb.start(0, null);
    private static final LocalTable TABLE = LocalTable.createIn(ENGINE, FastRetries.builder());
    private static final StoreCode STORE = new StoreCode("race");
    private final DynamoDbCampaignRepository repository = new DynamoDbCampaignRepository(TABLE.client(),
            TABLE.name(), java.time.Clock.systemUTC());
    private final CampaignAdmin admin = new CampaignAdmin(repository, repository);

    @AfterAll
    static void stop() {
        ENGINE.close();
    }

    /** A purchase's pool part: take the first free code (delete on condition it exists, free − 1); retried as buy does. */
    private String issueOne(Campaign c) {
        for (int attempt = 0; attempt < 200; attempt++) {
            List<PoolCode> free;
            try {
                free = repository.freeCodes(STORE, c.id(), 1);
            } catch (SdkException e) {
                continue;
            }
            if (free.isEmpty()) {
                return null;
            }
            PoolCode code = free.get(0);
            try {
                TABLE.client().transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().delete(Delete.builder().tableName(TABLE.name())
                                .key(CampaignKeys.freeCode(STORE, c.id(), code.seq()))
                                .conditionExpression("attribute_exists(pk)").build()).build(),
                        TransactWriteItem.builder().update(Update.builder().tableName(TABLE.name())
                                .key(CampaignKeys.campaign(STORE, c.id()))
                                .updateExpression("ADD #free :minus, #issued :one")
                                .expressionAttributeNames(Map.of("#free", CampaignKeys.FREE,
                                        "#issued", CampaignKeys.ISSUED))
                                .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-1"),
                                        ":one", AttributeValue.fromN("1"))).build()).build()));
                return code.code();
            } catch (TransactionCanceledException e) {
                // taken by another purchase, or contended: read again
            } catch (SdkException e) {
                // a fault the SDK's retries did not absorb: a 500 of the engine changes nothing, so try again
            }
        }
        throw new AssertionError("could not issue a code");
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void appendsAReplacementAndPurchasesRacingKeepFreeEqualToTheFreeCodesAndLoseNothing(DynamoDbFaults faults)
            throws Exception {
        Campaign c = CampaignFixtures.pooled(STORE, CampaignId.newId(), org.serverlessloyalty.shared.campaign.model
                .RewardType.DISCOUNT_CODE, true, false, null, null);
        admin.create(c, CampaignFixtures.codes("A", 60));
        Set<String> issued = ConcurrentHashMap.newKeySet();
        List<Callable<Object>> work = new ArrayList<>();
        for (String prefix : List.of("B", "C")) {
            work.add(() -> admin.loadPool(STORE, c.id(), CampaignFixtures.codes(prefix, 70), true));
        }
        for (int buyer = 0; buyer < 4; buyer++) {
            work.add(() -> {
                for (int i = 0; i < 10; i++) {
                    String code = issueOne(c);
                    assertThat(code).isNotNull();
                    assertThat(issued.add(code)).as("issued twice: " + code).isTrue();
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        List<Object> outcomes = new ArrayList<>();
        try (DynamoDbFaults.Run run = faults.start(ENGINE)) {
            for (Future<Object> f : pool.invokeAll(work)) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(outcomes.subList(0, 2)).containsOnly(new CampaignAdmin.Saved(c.id()));

        // A replacement keeping only the issued codes and the B codes: the A and C codes still free go.
        List<String> keep = new ArrayList<>(issued);
        keep.addAll(CampaignFixtures.codes("B", 70));
        List<String> wanted = keep.stream().distinct().toList();
        assertThat(admin.replace(c, wanted)).isEqualTo(new CampaignAdmin.Saved(c.id()));

        var pool2 = repository.pool(STORE, c.id());
        Set<String> codes = new HashSet<>();
        pool2.codes().forEach(p -> codes.add(p.code()));
        assertThat(codes).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(pool2.issued()).containsExactlyInAnyOrderElementsOf(issued);
        long freeItems = PartitionQuery.count(TABLE.client(), TABLE.name(), CampaignKeys.poolPartition(STORE, c.id()),
                CampaignKeys.FREE_SK_PREFIX);
        var counters = repository.find(STORE, c.id()).orElseThrow().counters();
        assertThat(counters.free()).isEqualTo(freeItems).isEqualTo(wanted.size() - issued.size());
        assertThat(counters.issued()).isEqualTo(40);
    }
}
