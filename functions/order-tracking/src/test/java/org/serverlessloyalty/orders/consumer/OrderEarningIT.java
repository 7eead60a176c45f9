package org.serverlessloyalty.orders.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.port.EventEarning;
import org.serverlessloyalty.shared.earning.port.TransactionEarning;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.dynamodb.DynamoDbShopBalances;
import org.serverlessloyalty.shared.order.service.MemberEnrolment;
import org.serverlessloyalty.shared.order.service.OrderPoints;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbMemberRepository;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.testing.OrderLedgers;
import org.serverlessloyalty.shared.transaction.TransactionFixtures;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionRepository;
import org.serverlessloyalty.shared.transaction.model.OrderPointsSource;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.port.Shoppers;
import org.serverlessloyalty.shared.transaction.service.Transactions;

/**
 * Orders earn points (issue 10) through the order consumer on the in-process DynamoDB: once per order however it is
 * delivered, given back on cancel, reported points, enrolment, the beacon.
 */
class OrderEarningIT {

    private static LocalTable table;
    private static StoreDirectory stores;

    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<TransactionSettings> settings = new AtomicReference<>(TransactionSettings.DEFAULTS);
    private final AtomicBoolean failEarningOnce = new AtomicBoolean();
    private StoreZone store;
    private MemberDirectory members;
    private PointsAccounts accounts;
    private DynamoDbTransactionRepository transactions;
    private OrderConsumerHandler consumer;
    private String shopper;
    private DynamoDbShopBalances balances;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        stores = new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC());
    }

    @BeforeEach
    void setUp() {
        StoreCode code = new StoreCode("oe-" + UUID.randomUUID().toString().substring(0, 8));
        stores.create(new Store(code, "Shop", Currency.getInstance("EUR"), ZoneId.of("Europe/Paris"), Locale.FRENCH,
                true, null, null, null));
        store = new StoreZone(code, ZoneId.of("Europe/Paris"));
        members = new MemberDirectory(new DynamoDbMemberRepository(table.client(), table.name()), clock);
        var ledger = new DynamoDbPointsLedger(table.client(), table.name(), clock);
        accounts = new PointsAccounts(ledger, clock);
        transactions = new DynamoDbTransactionRepository(table.client(), table.name());
        balances = new DynamoDbShopBalances(table.client(), table.name());
        TransactionEarning earning = (s, basket, audience) -> {
            if (failEarningOnce.getAndSet(false)) {
                throw new IllegalStateException("the rules could not be read");
            }
            return TransactionFixtures.ONE_POINT_PER_UNIT.evaluate(s, basket, audience);
        };
        Shoppers shoppers = new Shoppers() {
            @Override
            public Optional<MemberRef> byId(StoreCode s, String id) {
                return members.byId(s, id);
            }

            @Override
            public Optional<MemberRef> by(StoreCode s, ClaimKind kind, String value) {
                return members.findBy(s, kind, value).map(Member::ref);
            }
        };
        EventEarning noEvents = new EventEarning() {
            @Override
            public BigDecimal award(StoreZone s, String m, String e, String o) {
                return BigDecimal.ZERO;
            }

            @Override
            public void purchased(StoreZone s, String m, String t, boolean first) {
            }
        };
        var service = new Transactions(transactions, s -> settings.get(), shoppers, earning,
                (s, id) -> members.byId(s, id).map(m -> new Audience(m.memberId(), m.status(), null, Set.of())),
                new PointsTransfers(ledger, members, s -> PointsSettings.DEFAULTS, clock), ledger,
                new Idempotency(new DynamoDbIdempotencyStore(table.client(), table.name()), clock), (s, id) -> { },
                noEvents, clock);
        consumer = new OrderConsumerHandler(OrderLedgers.onDynamoDb(table.client(), table.name(), clock),
                BusinessMetrics.NONE, new OrderPoints(service, new MemberEnrolment(members), balances, clock),
                new StoreAccess(new DynamoDbStoreRepository(table.client(), table.name()), Duration.ofSeconds(30),
                        clock));
        shopper = member("shopper-1", "ann@example.com");
    }

    private String member(String externalId, String email) {
        var registered = members.register(store.code(), new MemberProfile("Ann", "K", null, email, null, null, null,
                null, null, externalId, List.of(), false, false, false), null, Optional.empty());
        return ((MemberDirectory.Registration.Registered) registered).member().memberId();
    }

    private OrderReport order(OrderSource source, String orderId, OrderStatus status, String guid,
                              Map<String, String> attributes) {
        return new OrderReport(store.code(), orderId, source, status, guid, null, new BigDecimal("80"), null, null,
                null, List.of(), List.of(new OrderLine("SKU-1", "Boots", 1, "shoes", null, new BigDecimal("50"),
                        new BigDecimal("50"), null), new OrderLine("SKU-2", "Socks", 2, "socks", null,
                        new BigDecimal("15"), null, null)), attributes);
    }

    private SQSBatchResponse deliver(OrderReport... reports) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (OrderReport r : reports) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(UUID.randomUUID().toString());
            m.setBody(OrderReportJson.write(r));
            m.setAttributes(Map.of("MessageGroupId", store.code().value() + "#" + r.customerGuid(),
                    "ApproximateReceiveCount", "1"));
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return consumer.handleRequest(event, null);
    }

    private BigDecimal balance(String memberId) {
        return accounts.status(store, memberId).points().value();
    }

    @Test
    void theSameOrderDeliveredFiveTimesAndThroughTwoEndpointsEarnsOnce() {
        OrderReport paid = order(OrderSource.CIBLER, "o-1", OrderStatus.PAID, "shopper-1", Map.of());
        assertThat(deliver(paid, paid, paid).getBatchItemFailures()).isEmpty();
        assertThat(deliver(paid, paid).getBatchItemFailures()).isEmpty();
        assertThat(deliver(order(OrderSource.CITRUSAD, "o-1", OrderStatus.PAID, "shopper-1", Map.of()))
                .getBatchItemFailures()).isEmpty();

        // 50 + 2 x 15 = 80 (one point per unit in this test's rules)
        assertThat(balance(shopper)).isEqualByComparingTo("80");
        assertThat(transactions.ofMember(store.code(), shopper)).hasSize(1)
                .allSatisfy(t -> assertThat(t.documentNumber()).isEqualTo("CIBLER-o-1"));
    }

    @Test
    void aCancelAndARefundGiveBackWhatTheOrderEarnedOnce() {
        deliver(order(OrderSource.CIBLER, "o-2", OrderStatus.PAID, "shopper-1", Map.of()));
        deliver(order(OrderSource.CIBLER, "o-3", OrderStatus.PAID, "shopper-1", Map.of()));
        assertThat(balance(shopper)).isEqualByComparingTo("160");

        OrderReport cancel = order(OrderSource.CIBLER, "o-2", OrderStatus.CANCELLED, "shopper-1", Map.of());
        deliver(cancel, cancel);
        deliver(order(OrderSource.CITRUSAD, "o-2", OrderStatus.REFUNDED, "shopper-1", Map.of()));

        assertThat(balance(shopper)).isEqualByComparingTo("80");
    }

    @Test
    void anEarningThatFailedIsFinishedByTheRedeliveryOnce() {
        failEarningOnce.set(true);
        OrderReport paid = order(OrderSource.CIBLER, "o-4", OrderStatus.PAID, "shopper-1", Map.of());
        assertThat(deliver(paid).getBatchItemFailures()).hasSize(1);
        assertThat(balance(shopper)).isZero();

        assertThat(deliver(paid).getBatchItemFailures()).isEmpty();
        deliver(paid);
        assertThat(balance(shopper)).isEqualByComparingTo("80");
    }

    @Test
    void theShopsReportedPointsDecideWhenTheStoreSaysSo() {
        settings.set(new TransactionSettings(TransactionSettings.DEFAULTS.identificationPriority(), false, Set.of(),
                OrderPointsSource.REPORTED, false, false));
        deliver(order(OrderSource.CIBLER, "o-5", OrderStatus.PAID, "shopper-1", Map.of("points", "15")));
        assertThat(balance(shopper)).isEqualByComparingTo("15");
    }

    @Test
    void anUnknownShopperIsEnrolledOnlyWhenTheStoreSaysSo() {
        deliver(order(OrderSource.CIBLER, "o-6", OrderStatus.PAID, "new-1", Map.of("email", "NEW@example.com")));
        assertThat(members.findBy(store.code(), ClaimKind.EXTERNAL_ID, "new-1")).isEmpty();

        settings.set(new TransactionSettings(TransactionSettings.DEFAULTS.identificationPriority(), false, Set.of(),
                OrderPointsSource.RULES, true, false));
        OrderReport paid = order(OrderSource.CIBLER, "o-7", OrderStatus.PAID, "new-2",
                Map.of("email", "new2@example.com"));
        deliver(paid, paid);
        Member enrolled = members.findBy(store.code(), ClaimKind.EXTERNAL_ID, "new-2").orElseThrow();
        assertThat(enrolled.profile().email()).isEqualTo("new2@example.com");
        assertThat(balance(enrolled.memberId())).isEqualByComparingTo("80");
    }

    @Test
    void theShopsReportedBalanceIsKeptFromItsLatestOrderNeverAdded() {
        OrderReport later = new OrderReport(store.code(), "o-10", OrderSource.CIBLER, OrderStatus.PAID, "shopper-1",
                java.time.OffsetDateTime.parse("2026-11-28T12:00:00+01:00"), new BigDecimal("10"), null, null, null,
                List.of(), List.of(), Map.of("userBalance", "120"));
        OrderReport earlier = new OrderReport(store.code(), "o-9", OrderSource.CIBLER, OrderStatus.PAID, "shopper-1",
                java.time.OffsetDateTime.parse("2026-11-27T12:00:00+01:00"), new BigDecimal("10"), null, null, null,
                List.of(), List.of(), Map.of("userBalance", "75"));
        deliver(later);
        deliver(earlier);
        assertThat(balances.find(store.code(), shopper).orElseThrow().balance()).isEqualByComparingTo("120");
        assertThat(balance(shopper)).isEqualByComparingTo("20");
    }

    @Test
    void theBeaconEarnsNothingUnlessTheStoreSaysSo() {
        deliver(order(OrderSource.BEACON, "o-8", OrderStatus.PAID, "shopper-1", Map.of()));
        assertThat(balance(shopper)).isZero();
        assertThat(transactions.ofMember(store.code(), shopper)).isEmpty();
    }
}
