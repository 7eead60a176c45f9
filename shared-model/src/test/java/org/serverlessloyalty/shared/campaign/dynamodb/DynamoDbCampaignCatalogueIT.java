package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCategory;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.port.CampaignCatalogue;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.PoolCode;
import org.serverlessloyalty.shared.campaign.rules.PoolPlan;
import org.serverlessloyalty.shared.campaign.service.CampaignAdmin;
import org.serverlessloyalty.shared.campaign.testing.CampaignFixtures;
import org.serverlessloyalty.shared.platform.dynamodb.PartitionQuery;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The catalogue's writes on the in-process engine (issue 11, h11-catalogue): pools in chunks, C10, item 16. */
class DynamoDbCampaignCatalogueIT {

    private static final StoreCode STORE = new StoreCode("cat1");
    private final LocalTable table = LocalTable.create();
    private final DynamoDbCampaignRepository repository = new DynamoDbCampaignRepository(table.client(), table.name(),
            java.time.Clock.systemUTC());
    private final CampaignAdmin admin = new CampaignAdmin(repository, repository);

    private Campaign created(int codes) {
        Campaign campaign = CampaignFixtures.discountCode(STORE, CampaignId.newId());
        admin.create(campaign, CampaignFixtures.codes("C", codes));
        return campaign;
    }

    private long freeItems(Campaign c) {
        return PartitionQuery.count(table.client(), table.name(), CampaignKeys.poolPartition(STORE, c.id()),
                CampaignKeys.FREE_SK_PREFIX);
    }

    /** What a purchase does to the pool (h11-buy's transaction, reduced to the pool's part): the code is issued. */
    private void issue(Campaign c, PoolCode code) {
        table.client().transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table.name())
                        .key(CampaignKeys.freeCode(STORE, c.id(), code.seq()))
                        .conditionExpression("attribute_exists(pk)").build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                        .key(CampaignKeys.campaign(STORE, c.id()))
                        .updateExpression("ADD #free :minus, #issued :one")
                        .expressionAttributeNames(Map.of("#free", CampaignKeys.FREE, "#issued", CampaignKeys.ISSUED))
                        .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-1"),
                                ":one", AttributeValue.fromN("1"))).build()).build()));
    }

    @Test
    void aPoolOfOneHundredAndTwentyCodesIsWrittenInChunksAndFreeCountsItsFreeItems() {
        Campaign c = created(120);
        var stored = repository.find(STORE, c.id()).orElseThrow();
        assertThat(stored.campaign()).isEqualTo(c);
        assertThat(stored.counters().free()).isEqualTo(120).isEqualTo(freeItems(c));
        assertThat(repository.freeCodes(STORE, c.id(), 3)).extracting(PoolCode::code).containsExactly("C-1", "C-2", "C-3");
        assertThat(repository.pool(STORE, c.id()).codes()).hasSize(120);
        assertThat(repository.firstCode(STORE, c.id()).orElseThrow().code()).isEqualTo("C-1");
    }

    @Test
    void replacingThePoolWithoutAnIssuedCodeIsRefusedNamingItAndChangesNothing() {
        Campaign c = created(3);
        issue(c, repository.freeCodes(STORE, c.id(), 1).get(0));

        var outcome = admin.replace(c, List.of("C-2", "C-3", "C-9"));

        assertThat(outcome).isEqualTo(new CampaignAdmin.PoolRefused("Removing used coupons (C-1) is not permitted"));
        assertThat(repository.pool(STORE, c.id()).codes()).extracting(PoolCode::code).containsExactly("C-1", "C-2", "C-3");
        assertThat(repository.find(STORE, c.id()).orElseThrow().campaign().version()).isEqualTo(1);
    }

    @Test
    void aReplacementKeepsCommonCodesInPlaceDropsFreeOnesAndBumpsTheVersionWithCountersKept() {
        Campaign c = created(3);
        issue(c, repository.freeCodes(STORE, c.id(), 1).get(0));

        var outcome = admin.replace(c, List.of("C-1", "C-3", "D-1", "D-2"));

        assertThat(outcome).isEqualTo(new CampaignAdmin.Saved(c.id()));
        PoolPlan.Pool pool = repository.pool(STORE, c.id());
        assertThat(pool.codes()).extracting(PoolCode::code).containsExactly("C-1", "C-3", "D-1", "D-2");
        assertThat(pool.issued()).containsExactly("C-1");
        var stored = repository.find(STORE, c.id()).orElseThrow();
        assertThat(stored.campaign().version()).isEqualTo(2);
        assertThat(stored.campaign().createdAt()).isEqualTo(c.createdAt());
        assertThat(stored.counters().issued()).isEqualTo(1);
        assertThat(stored.counters().free()).isEqualTo(3).isEqualTo(freeItems(c));
    }

    @Test
    void appendingACodeAlreadyInThePoolIsRefusedSection4Item16() {
        Campaign c = created(2);
        var outcome = admin.loadPool(STORE, c.id(), List.of("C-9", "C-2"), true);
        assertThat(outcome).isInstanceOf(CampaignAdmin.PoolRefused.class);
        assertThat(((CampaignAdmin.PoolRefused) outcome).message()).contains("C-2").doesNotContain("C-9");
        assertThat(repository.pool(STORE, c.id()).codes()).hasSize(2);
    }

    @Test
    void appendingTwoHundredCodesAddsThemAfterTheLastInChunks() {
        Campaign c = created(2);
        assertThat(admin.loadPool(STORE, c.id(), CampaignFixtures.codes("N", 200), true))
                .isEqualTo(new CampaignAdmin.Saved(c.id()));
        PoolPlan.Pool pool = repository.pool(STORE, c.id());
        assertThat(pool.codes()).hasSize(202);
        assertThat(pool.codes().get(2)).isEqualTo(new PoolCode(3, "N-1"));
        assertThat(repository.find(STORE, c.id()).orElseThrow().counters().free()).isEqualTo(202)
                .isEqualTo(freeItems(c));
    }

    @Test
    void aReplaceDecidedOnAnOlderVersionIsStaleAndTheServiceDecidesAgain() {
        Campaign c = created(1);
        assertThat(repository.replace(c, 7, new PoolPlan(List.of(), List.of()), 2))
                .isEqualTo(CampaignCatalogue.Outcome.STALE);
        assertThat(repository.setActive(STORE, c.id(), false)).isEqualTo(CampaignCatalogue.Outcome.DONE);
        // The flag moved the version to 2: the service reads it and replaces at 2.
        assertThat(admin.replace(c, List.of("C-1"))).isEqualTo(new CampaignAdmin.Saved(c.id()));
        assertThat(repository.find(STORE, c.id()).orElseThrow().campaign().version()).isEqualTo(3);
    }

    @Test
    void writesToAnUnknownCampaignAreNotFoundAndWriteNothing() {
        CampaignId unknown = CampaignId.newId();
        assertThat(admin.setActive(STORE, unknown, true)).isEqualTo(new CampaignAdmin.NotFound());
        assertThat(admin.loadPool(STORE, unknown, List.of("X"), true)).isEqualTo(new CampaignAdmin.NotFound());
        assertThat(admin.replace(CampaignFixtures.discountCode(STORE, unknown), List.of("X")))
                .isEqualTo(new CampaignAdmin.NotFound());
        assertThat(repository.pool(STORE, unknown).codes()).isEmpty();
        assertThat(repository.find(STORE, unknown)).isEmpty();
    }

    @Test
    void categoriesArePutReadAndListedInSortOrder() {
        repository.putCategory(new CampaignCategory(STORE, "b", Map.of("en", "Bravo"), true, 2, Instant.EPOCH));
        repository.putCategory(new CampaignCategory(STORE, "a", Map.of("en", "Alpha", "fr", "Alpha FR"), false, 1,
                Instant.EPOCH));
        assertThat(repository.categories(STORE)).extracting(CampaignCategory::id).containsExactly("a", "b");
        assertThat(repository.category(STORE, "a").orElseThrow().name("fr")).isEqualTo("Alpha FR");
        assertThat(repository.category(STORE, "zz")).isEmpty();
    }

    /** AWS may answer 500 for a transaction it made; the SDK sends it again, and finds its own writes there. */
    @Test
    void aCreateSentAgainAfterItsChunksWereWrittenFinishesWithoutCountingTwice() {
        Campaign c = CampaignFixtures.discountCode(STORE, CampaignId.newId());
        repository.create(c, CampaignFixtures.codes("R", 100));
        repository.create(c, CampaignFixtures.codes("R", 100));
        assertThat(repository.find(STORE, c.id()).orElseThrow().counters().free()).isEqualTo(100)
                .isEqualTo(freeItems(c));
    }
}
