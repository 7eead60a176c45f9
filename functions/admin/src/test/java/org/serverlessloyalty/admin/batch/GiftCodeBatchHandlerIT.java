package org.serverlessloyalty.admin.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.serverlessloyalty.shared.fakes.Fixtures.terms;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.webhook.service.CouponCreatedEvents;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.port.BatchFollowUp;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.webhook.dynamodb.DynamoDbWebhookStore;
import org.serverlessloyalty.shared.webhook.model.DeliveryStatus;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;

/** The batch follow-up handler on the in-process DynamoDB, fed the messages the admin function sends. */
class GiftCodeBatchHandlerIT {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final GiftCodeTerms TERMS = terms().value("5").build();
    private static LocalTable table;

    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> followUps = new ArrayList<>();
    private final List<String> queued = new ArrayList<>();

    @BeforeAll
    static void table() {
        table = LocalTable.create();
    }

    private BatchFollowUp followUp() {
        return (store, batchId, delay) -> followUps.add(SqsBatchFollowUp.body(store, batchId) + " in " + delay.toSeconds());
    }

    private GiftCodeCatalog catalog(GiftCodeRepository repository) {
        return new GiftCodeCatalog(repository, new CodeGenerator(), clock, followUp(), GiftCodeCatalog.DEFAULT_LEASE);
    }

    private GiftCodeBatchHandler handler(DynamoDbWebhookStore webhooks) {
        var events = new CouponCreatedEvents(webhooks, queued::addAll, BusinessMetrics.NONE, clock);
        return new GiftCodeBatchHandler(catalog(new DynamoDbGiftCodeRepository(table.client(), table.name())),
                followUp(), events, BusinessMetrics.NONE, clock);
    }

    private static SQSEvent message(StoreCode store, String batchId) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-" + batchId);
        message.setBody(SqsBatchFollowUp.body(store, batchId));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    /** The real repository, whose commit succeeds and then the process dies (before the roll forward and the events). */
    private static GiftCodeRepository diesAfterCommit(GiftCodeRepository real) {
        return (GiftCodeRepository) java.lang.reflect.Proxy.newProxyInstance(GiftCodeRepository.class.getClassLoader(),
                new Class<?>[] {GiftCodeRepository.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("commit")) {
                        throw new IllegalStateException("the process died right after its commit point");
                    }
                    return result;
                });
    }

    @Test
    void aBatchCommittedByADeadWriterIsRolledForwardAndItsEventsAreEmittedOnce() {
        StoreCode store = new StoreCode("follow-commit");
        var webhooks = new DynamoDbWebhookStore(table.client(), table.name());
        webhooks.saveConfig(new WebhookConfig(store, "https://shop.example/hook", true, "whsec_dGVzdA==", NOW, NOW));
        var real = new DynamoDbGiftCodeRepository(table.client(), table.name());
        var key = Optional.of(new IdempotencyKey("k1"));
        assertThat(catchThrowable(() -> catalog(diesAfterCommit(real)).create(store,
                new GiftCodeCatalog.Generation("C-", 11, 150, TERMS), "h", key))).hasMessageContaining("died");
        String batchId = GiftCodeBatch.idFor(store, key.get());

        var early = handler(webhooks).handleRequest(message(store, batchId), null);
        assertThat(early.getBatchItemFailures()).isEmpty();
        assertThat(followUps).last().asString().as("the writer may still be emitting: look again later")
                .contains(batchId);
        assertThat(queued).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        var late = handler(webhooks).handleRequest(message(store, batchId), null);
        assertThat(late.getBatchItemFailures()).isEmpty();

        var batch = real.findBatch(store, batchId).orElseThrow();
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETE);
        assertThat(batch.finished()).isTrue();
        assertThat(batch.eventsEmitted()).isTrue();
        List<GiftCode> codes = new ArrayList<>();
        real.chunks(store, batchId, 0, 10).forEach(c -> codes.addAll(real.findAll(store, c.codes())));
        assertThat(codes).hasSize(150).allSatisfy(c -> assertThat(c.pending()).isFalse());
        assertThat(webhooks.list(store, DeliveryStatus.PENDING, 200, null).items()).hasSize(150);
        assertThat(queued).hasSize(2);

        handler(webhooks).handleRequest(message(store, batchId), null);
        assertThat(webhooks.list(store, DeliveryStatus.PENDING, 200, null).items()).as("once").hasSize(150);
    }

    @Test
    void aBatchWhoseWriterDiedBeforeCommittingIsGivenUpAndItsCodesDeleted() {
        StoreCode store = new StoreCode("follow-abandon");
        var real = new DynamoDbGiftCodeRepository(table.client(), table.name());
        List<String> asked = new ArrayList<>();
        var dying = new GiftCodeCatalog((GiftCodeRepository) java.lang.reflect.Proxy.newProxyInstance(
                GiftCodeRepository.class.getClassLoader(), new Class<?>[] {GiftCodeRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("writeChunk") && (int) args[3] == 2) {
                        throw new IllegalStateException("the process died");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }), new CodeGenerator(), clock, (s, id, d) -> asked.add(id), GiftCodeCatalog.DEFAULT_LEASE);
        catchThrowable(() -> dying.create(store, new GiftCodeCatalog.Generation("A-", 11, 500, TERMS), "h", Optional.empty()));
        String batchId = asked.get(0);
        List<GiftCode> written = new ArrayList<>();
        real.chunks(store, batchId, 0, 10).forEach(c -> written.addAll(real.findAll(store, c.codes())));
        assertThat(written).hasSize(196).allSatisfy(c -> assertThat(c.pending()).isTrue());

        clock.advance(Duration.ofMinutes(1));
        var response = handler(new DynamoDbWebhookStore(table.client(), table.name()))
                .handleRequest(message(store, batchId), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(real.findAll(store, written.stream().map(GiftCode::code).toList())).isEmpty();
        assertThat(real.findBatch(store, batchId).orElseThrow().status()).isEqualTo(BatchStatus.ABANDONED);
    }

    @Test
    void aMessageThatIsNotOursIsDroppedAndAFailureIsReported() {
        var handler = handler(new DynamoDbWebhookStore(table.client(), table.name()));
        SQSEvent.SQSMessage junk = new SQSEvent.SQSMessage();
        junk.setMessageId("junk");
        junk.setBody("{\"store\":\"x\"}");
        SQSEvent.SQSMessage broken = new SQSEvent.SQSMessage();
        broken.setMessageId("broken");
        broken.setBody("not json");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(junk, broken));

        var response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(f -> f.getItemIdentifier()).containsExactly("broken");
    }
}
