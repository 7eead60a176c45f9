package org.serverlessloyalty.tests.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.dynamodb.CampaignItems;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbCampaignRepository;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbPurchaseStore;
import org.serverlessloyalty.shared.campaign.model.BuyOrder;
import org.serverlessloyalty.shared.campaign.model.BuyOutcome;
import org.serverlessloyalty.shared.campaign.model.BuyRole;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.PurchaseStep;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.campaign.port.PurchaseStore;
import org.serverlessloyalty.shared.campaign.rules.PurchasePlanner;
import org.serverlessloyalty.shared.campaign.service.CampaignAvailability;
import org.serverlessloyalty.shared.campaign.service.CampaignPurchases;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerAccount;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.CallCounter;
import org.serverlessloyalty.shared.testing.LocalTable;

/**
 * Figures for buying rewards (issue 11), printed and written to {@code tests/target/benchmarks/campaign-purchase.txt}
 * (docs/benchmarks.md): the items and write units of one purchase, the p50 of an uncontended buy next to the p50 of
 * the raw TransactWriteItems of the same items, purchases per second from one hot campaign under contention, and the
 * calls of a member's available list. On the in-process DynamoDB engine: the ratios and counts carry over to AWS, the
 * milliseconds do not. Nothing here asserts on time.
 */
class CampaignPurchaseBenchmark {

    private static final String LEVEL = "0b0e6c1c-1111-4111-8111-000000000001";
    private static final int UNCONTENDED = 200;
    private static final int HOT_BUYERS = 8;
    private static final int HOT_PURCHASES = 200;

    @Test
    void campaignPurchaseFigures() throws Exception {
        LocalTable table = LocalTable.create();
        CallCounter counter = new CallCounter();
        var client = table.countedClient(counter);
        Clock clock = Clock.systemUTC();
        StoreZone store = new StoreZone(new StoreCode("bench-" + UUID.randomUUID().toString().substring(0, 6)),
                ZoneId.of("Europe/Paris"));
        InMemoryMembers members = new InMemoryMembers();
        DynamoDbPointsLedger ledger = new DynamoDbPointsLedger(client, table.name(), clock);
        PointsTransfers points = new PointsTransfers(ledger, members, s -> PointsSettings.DEFAULTS, clock);
        DynamoDbCampaignRepository repository = new DynamoDbCampaignRepository(client, table.name(), clock);
        List<Integer> items = Collections.synchronizedList(new ArrayList<>());
        DynamoDbPurchaseStore raw = new DynamoDbPurchaseStore(client, table.name(), clock);
        PurchaseStore store2 = new PurchaseStore() {
            @Override
            public long memberIssued(StoreCode s, org.serverlessloyalty.shared.campaign.model.CampaignId c, String m) {
                return raw.memberIssued(s, c, m);
            }

            @Override
            public java.util.Map<org.serverlessloyalty.shared.campaign.model.CampaignId, Long> memberIssued(
                    StoreCode s, List<org.serverlessloyalty.shared.campaign.model.CampaignId> c, String m) {
                return raw.memberIssued(s, c, m);
            }

            @Override
            public org.serverlessloyalty.shared.platform.plan.PlanResult<PurchaseStep> execute(StoreCode s,
                    List<PurchaseStep> steps,
                    Optional<org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord> record) {
                items.add(steps.size() + (record.isPresent() ? 1 : 0));
                return raw.execute(s, steps, record);
            }
        };
        CampaignPurchases purchases = new CampaignPurchases(repository, store2, members,
                (s, id) -> Optional.of(new Audience(id, "active", LEVEL, Set.of())), ledger, s -> PointsSettings.DEFAULTS,
                null, CouponEvents.NONE, (s, id) -> { }, clock);

        // 1. Uncontended: one member buys one coupon at a time; next to it, the raw transaction of a purchase planned
        // the same way on a second campaign (the reads and decision done before the clock starts).
        Campaign a = campaign(client, table.name(), store, UNCONTENDED + 40);
        Campaign b = campaign(client, table.name(), store, UNCONTENDED + 10);
        String jane = member(members, points, store, "100000");
        for (int i = 0; i < 20; i++) {
            buy(purchases, store, jane, a);
        }
        items.clear();
        counter.reset();
        List<Long> buyNanos = new ArrayList<>();
        List<Long> rawNanos = new ArrayList<>();
        for (int i = 0; i < UNCONTENDED; i++) {
            long t0 = System.nanoTime();
            BuyOutcome o = buy(purchases, store, jane, a);
            buyNanos.add(System.nanoTime() - t0);
            if (!(o instanceof BuyOutcome.Bought)) {
                throw new IllegalStateException("an uncontended buy was refused: " + o);
            }
            PurchasePlanner.Decision.Write plan = plan(repository, raw, ledger, members, store, jane, b, clock);
            long t1 = System.nanoTime();
            var result = raw.execute(store.code(), plan.steps(), Optional.empty());
            rawNanos.add(System.nanoTime() - t1);
            if (!(result instanceof org.serverlessloyalty.shared.platform.plan.PlanResult.Committed<PurchaseStep>)) {
                throw new IllegalStateException("raw purchase did not commit: " + result);
            }
        }
        int perPurchaseItems = items.get(0);
        counter.reset();
        for (int i = 0; i < 10; i++) {
            buy(purchases, store, jane, a);
        }
        String callsPerBuy = String.format("GetItem %.1f, Query %.1f, TransactWriteItems %.1f",
                counter.count("GetItem") / 10.0, counter.count("Query") / 10.0,
                counter.count("TransactWriteItems") / 10.0);

        // 2. One hot campaign, HOT_BUYERS members buying at once until HOT_PURCHASES coupons are out.
        Campaign hot = campaign(client, table.name(), store, HOT_PURCHASES);
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < HOT_BUYERS; i++) {
            buyers.add(member(members, points, store, "100000"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(HOT_BUYERS);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger bought = new AtomicInteger();
        items.clear();
        List<Future<?>> futures = new ArrayList<>();
        for (String m : buyers) {
            futures.add(pool.submit(() -> {
                go.await();
                while (bought.get() < HOT_PURCHASES) {
                    BuyOutcome o = buy(purchases, store, m, hot);
                    if (o instanceof BuyOutcome.Bought) {
                        bought.incrementAndGet();
                    } else {
                        break;
                    }
                }
                return null;
            }));
        }
        long h0 = System.nanoTime();
        go.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        double hotSeconds = (System.nanoTime() - h0) / 1e9;
        pool.shutdown();
        int attempts = items.size();

        // 3. A member's available list on a catalogue of 60 campaigns.
        for (int i = 0; i < 57; i++) {
            campaign(client, table.name(), store, 2);
        }
        CampaignAvailability availability = new CampaignAvailability(repository, raw,
                (s, id) -> Optional.of(new Audience(id, "active", LEVEL, Set.of())), ledger, clock);
        counter.reset();
        int listed = availability.available(store.code(), jane, BuyRole.CUSTOMER, BigDecimal.ZERO).orElseThrow().size();
        String availableCalls = "Query " + counter.count("Query") + ", BatchGetItem " + counter.count("BatchGetItem")
                + ", GetItem " + counter.count("GetItem");

        Collections.sort(buyNanos);
        Collections.sort(rawNanos);
        String text = String.join("\n",
                "Campaign purchases (in-process DynamoDB engine; " + UNCONTENDED + " uncontended buys, "
                        + HOT_PURCHASES + " hot-campaign buys by " + HOT_BUYERS + " members at once)",
                String.format("items in one purchase's TransactWriteItems (1 coupon, 1 lot, no key): %d"
                        + " -> %d write units (2 per item of at most 1 KB in a transaction)", perPurchaseItems,
                        2 * perPurchaseItems),
                "calls per uncontended buy: " + callsPerBuy + " (campaign and member usage GetItem; free codes and"
                        + " account Query; the member is looked up in memory here, a GetItem on Lambda)",
                String.format("p50 uncontended buy (read, decide, transact): %.2f ms", buyNanos.get(buyNanos.size() / 2) / 1e6),
                String.format("p50 raw TransactWriteItems of the same items:   %.2f ms", rawNanos.get(rawNanos.size() / 2) / 1e6),
                String.format("hot campaign: %d purchases in %.2f s = %.0f purchases/s; %d transactions tried (%.2f per purchase)",
                        bought.get(), hotSeconds, bought.get() / hotSeconds, attempts, attempts / (double) bought.get()),
                "available list for a member, 60 campaigns (" + listed + " listed): " + availableCalls, "");
        System.out.print(text);
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("campaign-purchase.txt"), text, StandardCharsets.UTF_8);
    }

    private static BuyOutcome buy(CampaignPurchases purchases, StoreZone store, String member, Campaign c) {
        return purchases.buy(store, "en", new BuyOrder(BuyRole.CUSTOMER, member, c.id(), 1, false, null), Claim.none());
    }

    private static PurchasePlanner.Decision.Write plan(CampaignRepository repository, DynamoDbPurchaseStore store,
                                                       DynamoDbPointsLedger ledger, InMemoryMembers members,
                                                       StoreZone zone, String member, Campaign c, Clock clock) {
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var stored = repository.find(zone.code(), c.id()).orElseThrow();
        LedgerAccount account = ledger.versionedAccount(zone.code(), member);
        var situation = new PurchasePlanner.Situation(zone, "en", PointsSettings.DEFAULTS, stored.campaign(),
                stored.counters(), members.byId(zone.code(), member).orElseThrow(),
                new Audience(member, "active", LEVEL, Set.of()), store.memberIssued(zone.code(), c.id(), member),
                repository.freeCodes(zone.code(), c.id(), 1), Optional.empty(), account.transfers(), account.version(),
                Optional.empty(), now, 100);
        return (PurchasePlanner.Decision.Write) PurchasePlanner.buy(situation,
                new BuyOrder(BuyRole.CUSTOMER, member, c.id(), 1, false, null), () -> TransferId.newAt(now).value());
    }

    private static Campaign campaign(software.amazon.awssdk.services.dynamodb.DynamoDbClient client, String table,
                                     StoreZone store, int pool) {
        Campaign c = CampaignItems.campaign(store.code(), "Mug", BigDecimal.ONE, true, null, null, false, LEVEL);
        CampaignItems.put(client, table, c, CampaignItems.codes("B" + c.id().value().substring(0, 6).toUpperCase(), pool));
        return c;
    }

    private static String member(InMemoryMembers members, PointsTransfers points, StoreZone store, String balance) {
        String id = UUID.randomUUID().toString();
        members.add(store.code(), id);
        points.add(store, new AddPoints(id, new BigDecimal(balance), null, Issuer.ADMIN, null), Claim.none());
        return id;
    }
}
