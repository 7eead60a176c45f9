package org.serverlessloyalty.shared.giftcode.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.Cart;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeStatus;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.model.ValidationQuery;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.giftcode.port.BatchFollowUp;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.giftcode.service.CodeValidation;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeListing;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.testing.LocalTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The gift-code adapter and the creation protocol on the in-process DynamoDB: a crash after N
 * transactions (the SDK call fails once DynamoDB applied it), what readers see meanwhile, the retry
 * with the same Idempotency-Key, listing on the indexes, voiding.
 */
class DynamoDbGiftCodeRepositoryIT {

    private static final Store SHOP = store("shop");
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final GiftCodeTerms TERMS = terms().value("5").campaignId("camp-1").build();
    private static final Cart CART = new Cart(10_000, List.of());

    private static LocalTable table;

    @BeforeAll
    static void table() {
        table = LocalTable.create();
    }

    /** Calls DynamoDB; the numbered operations are counted, and {@code crashAfter} transactions apply, then the call dies. */
    private static final class Client implements ExecutionInterceptor {
        final AtomicInteger transactions = new AtomicInteger();
        final List<String> operations = new ArrayList<>();
        volatile int crashAfter = Integer.MAX_VALUE;
        final DynamoDbClient dynamoDb;

        Client() {
            dynamoDb = DynamoDbClient.builder()
                    .endpointOverride(table.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(this))
                    .build();
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            operations.add(request.getClass().getSimpleName().replace("Request", ""));
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest && transactions.incrementAndGet() == crashAfter) {
                throw new IllegalStateException("the process died after transaction " + crashAfter);
            }
        }

        DynamoDbGiftCodeRepository repository() {
            return new DynamoDbGiftCodeRepository(dynamoDb, table.name());
        }
    }

    private static GiftCodeCatalog catalog(Client client, MutableClock clock) {
        return new GiftCodeCatalog(client.repository(), new CodeGenerator(), clock, BatchFollowUp.NONE,
                GiftCodeCatalog.DEFAULT_LEASE);
    }

    private static Store store(String code) {
        return org.serverlessloyalty.shared.fakes.Fixtures.store(code);
    }

    /** Every code item of the store, read straight from the table (test only: a Scan). */
    private static List<Map<String, AttributeValue>> codeItems(Store store) {
        return table.client().scanPaginator(b -> b.tableName(table.name()).consistentRead(true)
                        .filterExpression("begins_with(pk, :p) AND sk = :sk")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(store.code().value() + "#CODE#"),
                                ":sk", AttributeValue.fromS("CODE"))))
                .items().stream().toList();
    }

    private static Optional<ValidationReason> validate(Store store, Client client, MutableClock clock, String code) {
        var query = new ValidationQuery(store.code(), CodeValue.of(code), CART, null, null, null, List.of());
        return new CodeValidation(client.repository(), clock).validate(store, query).refusal();
    }

    @Test
    void aGenerationKilledAfterFourteenTransactionsLeavesNothingUsableAndTheSameKeyFinishesExactlyItsCount() {
        Store shop = store("crash-gen");
        MutableClock clock = new MutableClock(NOW);
        Client dying = new Client();
        dying.crashAfter = 14;
        var key = Optional.of(new IdempotencyKey("gen-5000-1"));
        var generation = new GiftCodeCatalog.Generation("K", 12, 5_000, TERMS);

        assertThat(catchThrowable(() -> catalog(dying, clock).create(shop.code(), generation, "body", key)))
                .hasMessageContaining("died after transaction 14");

        List<Map<String, AttributeValue>> left = codeItems(shop);
        assertThat(left).hasSize(14 * 98).allSatisfy(item -> {
            assertThat(item.get("pending").bool()).isTrue();
            assertThat(Long.parseLong(item.get("expiresAt").n())).as("TTL: DynamoDB removes them if nothing else does")
                    .isEqualTo(NOW.plus(Duration.ofDays(30)).getEpochSecond());
        });
        Client reader = new Client();
        for (Map<String, AttributeValue> item : left) {
            assertThat(validate(shop, reader, clock, item.get("code").s())).contains(ValidationReason.NOT_FOUND);
        }
        var listing = new GiftCodeListing(reader.repository(), clock);
        assertThat(listing.list(shop, new GiftCodeListing.Query(null, null, null, GiftCodeListing.DEFAULT_STATUSES,
                100, null)).codes()).as("not listed as codes").isEmpty();
        assertThat(listing.list(shop, new GiftCodeListing.Query(null, null, null, EnumSet.of(GiftCodeStatus.PENDING),
                100, null)).codes()).hasSize(100).allSatisfy(l -> assertThat(l.status()).isEqualTo(GiftCodeStatus.PENDING));

        clock.advance(GiftCodeCatalog.DEFAULT_LEASE.plusSeconds(1));
        Client retrying = new Client();
        var finished = catalog(retrying, clock).create(shop.code(), generation, "body", key);

        assertThat(finished.codes()).hasSize(5_000);
        Set<String> answered = finished.codes().stream().map(c -> c.code().value()).collect(Collectors.toSet());
        List<Map<String, AttributeValue>> all = codeItems(shop);
        assertThat(all).hasSize(5_000).allSatisfy(item -> {
            assertThat(item).doesNotContainKeys("pending", "expiresAt");
            assertThat(answered).contains(item.get("code").s());
        });
        assertThat(answered).as("the codes written before the crash are part of the answer")
                .containsAll(left.stream().map(i -> i.get("code").s()).toList());
        for (String code : List.copyOf(answered).subList(0, 50)) {
            assertThat(validate(shop, reader, clock, code)).isEmpty();
        }
    }

    @Test
    void theCheckoutReadsACommittedCodeWithOneGetItemAndAPendingOneWithTwo() {
        Store shop = store("hot-path");
        MutableClock clock = new MutableClock(NOW);
        Client client = new Client();
        catalog(client, clock).create(shop.code(), new GiftCodeCatalog.Listed(Map.of(CodeValue.of("HOT1"), TERMS)),
                "body", Optional.empty());

        client.operations.clear();
        assertThat(validate(shop, client, clock, "HOT1")).isEmpty();
        assertThat(client.operations).containsExactly("GetItem");

        Client dying = new Client();
        dying.crashAfter = 1;
        Map<CodeValue, GiftCodeTerms> many = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            many.put(CodeValue.of("COLD" + i), TERMS);
        }
        catchThrowable(() -> catalog(dying, clock).create(shop.code(), new GiftCodeCatalog.Listed(many), "b", Optional.empty()));
        client.operations.clear();
        assertThat(validate(shop, client, clock, "COLD0")).contains(ValidationReason.NOT_FOUND);
        assertThat(client.operations).containsExactly("GetItem", "BatchGetItem");
    }

    @Test
    void theFollowUpGivesUpABatchWhoseWriterDiedAndDeletesItsCodes() {
        Store shop = store("follow-up");
        MutableClock clock = new MutableClock(NOW);
        Client dying = new Client();
        dying.crashAfter = 3;
        List<String> asked = new ArrayList<>();
        var dyingCatalog = new GiftCodeCatalog(dying.repository(), new CodeGenerator(), clock,
                (s, batchId, delay) -> asked.add(batchId), GiftCodeCatalog.DEFAULT_LEASE);
        catchThrowable(() -> dyingCatalog.create(shop.code(), new GiftCodeCatalog.Generation("F", 12, 1_000, TERMS),
                "b", Optional.empty()));
        assertThat(codeItems(shop)).hasSize(3 * 98);
        assertThat(asked).as("asked for before the first write").hasSize(1);

        Client client = new Client();
        assertThat(catalog(client, clock).check(shop.code(), asked.get(0)).checkAgainAt()).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(catalog(client, clock).check(shop.code(), asked.get(0)).checkAgainAt()).isEmpty();

        assertThat(codeItems(shop)).isEmpty();
        var batch = client.repository().findBatch(shop.code(), asked.get(0)).orElseThrow();
        assertThat(batch.status()).isEqualTo(BatchStatus.ABANDONED);
        assertThat(batch.cleaned()).isTrue();
        assertThat(client.repository().chunks(shop.code(), asked.get(0), 0, 10)).isEmpty();
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Store shop = store("key-reuse");
        MutableClock clock = new MutableClock(NOW);
        Client client = new Client();
        var key = Optional.of(new IdempotencyKey("k-1"));
        catalog(client, clock).create(shop.code(), new GiftCodeCatalog.Listed(Map.of(CodeValue.of("A1"), TERMS)), "one", key);

        assertThat(catchThrowable(() -> catalog(client, clock).create(shop.code(),
                new GiftCodeCatalog.Listed(Map.of(CodeValue.of("A2"), TERMS)), "two", key)))
                .isInstanceOf(GiftCodeCatalog.KeyReusedException.class);
        assertThat(codeItems(shop)).hasSize(1);
    }

    @Test
    void listsByPrefixCampaignBatchAndStatusPageByPage() {
        Store shop = store("listing");
        MutableClock clock = new MutableClock(NOW);
        Client client = new Client();
        GiftCodeCatalog catalog = catalog(client, clock);
        var summer = catalog.create(shop.code(), new GiftCodeCatalog.Generation("SUM-", 11, 120, TERMS), "a",
                Optional.empty());
        Map<CodeValue, GiftCodeTerms> others = new LinkedHashMap<>();
        others.put(CodeValue.of("WIN-1"), terms().campaignId("camp-2").build());
        others.put(CodeValue.of("WIN-2"), terms().numberOfUsage(1).build());
        others.put(CodeValue.of("WIN-3"), terms().expirationDate("2026-06-14").build());
        catalog.create(shop.code(), new GiftCodeCatalog.Listed(others), "b", Optional.empty());
        GiftCodeListing listing = catalog.listing();

        List<String> prefixed = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            var page = listing.list(shop, new GiftCodeListing.Query("SUM-", null, null,
                    GiftCodeListing.DEFAULT_STATUSES, 50, next));
            page.codes().forEach(l -> prefixed.add(l.code().code().value()));
            next = page.next();
            pages++;
        } while (next != null);
        assertThat(prefixed).hasSize(120).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo(3);

        assertThat(listing.list(shop, new GiftCodeListing.Query(null, null, "camp-2", GiftCodeListing.DEFAULT_STATUSES,
                50, null)).codes()).extracting(l -> l.code().code().value()).containsExactly("WIN-1");
        assertThat(listing.list(shop, new GiftCodeListing.Query(null, null, null, EnumSet.of(GiftCodeStatus.EXPIRED),
                50, null)).codes()).extracting(l -> l.code().code().value()).containsExactly("WIN-3");

        Set<String> ofBatch = new HashSet<>();
        next = null;
        do {
            var page = listing.list(shop, new GiftCodeListing.Query(null, summer.batchId(), null,
                    GiftCodeListing.DEFAULT_STATUSES, 70, next));
            page.codes().forEach(l -> ofBatch.add(l.code().code().value()));
            next = page.next();
        } while (next != null);
        assertThat(ofBatch).isEqualTo(summer.codes().stream().map(c -> c.code().value()).collect(Collectors.toSet()));
    }

    @Test
    void voidingABatchMakesEachOfItsCodesAnswerVoided() {
        Store shop = store("voiding");
        MutableClock clock = new MutableClock(NOW);
        Client client = new Client();
        GiftCodeCatalog catalog = catalog(client, clock);
        var batch = catalog.create(shop.code(), new GiftCodeCatalog.Generation("V-", 11, 300, TERMS), "a", Optional.empty());
        catalog.create(shop.code(), new GiftCodeCatalog.Listed(Map.of(CodeValue.of("KEEP"), TERMS)), "b", Optional.empty());

        var voided = catalog.voidBatch(shop.code(), batch.batchId()).orElseThrow();
        clock.advance(Duration.ofMinutes(3));
        var again = catalog.voidBatch(shop.code(), batch.batchId()).orElseThrow();

        assertThat(voided.codes()).isEqualTo(300);
        assertThat(again.voidedAt()).isEqualTo(voided.voidedAt());
        for (GiftCode code : batch.codes().subList(0, 20)) {
            assertThat(validate(shop, client, clock, code.code().value())).contains(ValidationReason.VOIDED);
        }
        assertThat(validate(shop, client, clock, "KEEP")).isEmpty();
        assertThat(catalog.voidCode(shop.code(), CodeValue.of("KEEP")).orElseThrow().voidedAt()).isEqualTo(clock.instant());
        assertThat(validate(shop, client, clock, "KEEP")).contains(ValidationReason.VOIDED);
        assertThat(catalog.voidCode(shop.code(), CodeValue.of("NOPE"))).isEmpty();
        assertThat(catalog.voidBatch(shop.code(), "no-such-batch")).isEmpty();
    }

    @Test
    void aCodeItemWrittenBeforeBatchesExistedReadsAsACommittedCode() {
        Store shop = store("legacy");
        Map<String, AttributeValue> old = new java.util.HashMap<>(Map.of(
                "pk", AttributeValue.fromS("legacy#CODE#OLD1"), "sk", AttributeValue.fromS("CODE"),
                "store", AttributeValue.fromS("legacy"), "code", AttributeValue.fromS("OLD1"),
                "value", AttributeValue.fromN("5"), "discountType", AttributeValue.fromS("VALUE"),
                "combinable", AttributeValue.fromBool(true), "discountWholeCart", AttributeValue.fromBool(true),
                "usedCount", AttributeValue.fromN("0"), "createdAt", AttributeValue.fromS("2026-01-01T00:00:00Z")));
        old.put("batchId", AttributeValue.fromS("2b7e0c1e-0000-4000-8000-000000000000"));
        table.client().putItem(b -> b.tableName(table.name()).item(old));
        MutableClock clock = new MutableClock(NOW);
        Client client = new Client();
        assertThat(validate(shop, client, clock, "OLD1")).isEmpty();
        assertThat(catalog(client, clock).voidCode(shop.code(), CodeValue.of("OLD1"))).isPresent();
        assertThat(validate(shop, client, clock, "OLD1")).contains(ValidationReason.VOIDED);
    }
}
