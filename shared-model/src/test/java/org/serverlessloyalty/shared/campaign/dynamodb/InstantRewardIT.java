package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.transaction.TransactionFixtures.sale;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignTranslation;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.campaign.service.CampaignPurchases;
import org.serverlessloyalty.shared.campaign.service.InstantRewardIssuer;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.port.EventEarning;
import org.serverlessloyalty.shared.earning.rules.TransactionRules;
import org.serverlessloyalty.shared.earning.testing.Rules;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeKeys;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.transaction.TransactionFixtures;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionRepository;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionOutcome;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.service.Transactions;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code instant_reward} earning rule on the in-process DynamoDB (1.B.3, issue 11): a sale that earns buys one
 * coupon of the rule's campaign through the real purchase machinery (one transaction: the pool code, the counters,
 * the reward, its gift code, the claim), once per (transaction, rule) however often the sale is finished again.
 */
class InstantRewardIT {

    private static final LocalTable TABLE = LocalTable.create();

    private final Clock clock = Clock.systemUTC();
    private final StoreZone store = new StoreZone(new StoreCode("ir" + UUID.randomUUID().toString().substring(0, 8)),
            ZoneId.of("Europe/Paris"));
    private final InMemoryMembers members = new InMemoryMembers();
    private final List<MemberRef> all = new CopyOnWriteArrayList<>();
    private final List<EarningRule> rules = new ArrayList<>();
    private Transactions transactions;
    private DynamoDbTransactionRepository repository;
    private PointsAccounts accounts;

    @BeforeEach
    void setUp() {
        DynamoDbPointsLedger ledger = new DynamoDbPointsLedger(TABLE.client(), TABLE.name(), clock);
        repository = new DynamoDbTransactionRepository(TABLE.client(), TABLE.name());
        DynamoDbIdempotencyStore claims = new DynamoDbIdempotencyStore(TABLE.client(), TABLE.name());
        CampaignPurchases purchases = new CampaignPurchases(
                new DynamoDbCampaignRepository(TABLE.client(), TABLE.name(), clock),
                new DynamoDbPurchaseStore(TABLE.client(), TABLE.name(), clock), members, (s, id) -> Optional.empty(),
                ledger, s -> PointsSettings.DEFAULTS, repository, CouponEvents.NONE, (s, id) -> { }, clock);
        EventEarning noEvents = new EventEarning() {
            @Override
            public BigDecimal award(StoreZone s, String memberId, String eventName, String occasion) {
                return BigDecimal.ZERO;
            }

            @Override
            public void purchased(StoreZone s, String memberId, String transactionId, boolean first) {
            }
        };
        // The store's rules: one point per unit of gross value, plus the instant reward rules a test adds.
        transactions = new Transactions(repository, s -> new TransactionSettings(
                TransactionSettings.DEFAULTS.identificationPriority(), true, Set.of(),
                TransactionSettings.DEFAULTS.orderPointsSource(), false, false),
                TransactionFixtures.shoppers(members, all),
                (s, basket, audience) -> {
                    List<EarningRule> all = new ArrayList<>(rules);
                    all.add(0, Rules.rule("1 per unit", Rules.spending("1")));
                    return TransactionRules.evaluate(all, basket, audience);
                },
                (s, id) -> Optional.of(new Audience(id, "active", Rules.ANY_LEVEL, Set.of())),
                new PointsTransfers(ledger, members, s -> PointsSettings.DEFAULTS, clock), ledger,
                new Idempotency(claims, clock), (s, id) -> { }, noEvents,
                new InstantRewardIssuer(purchases, claims, code -> "en", BusinessMetrics.NONE, clock), clock);
        accounts = new PointsAccounts(ledger, clock);
        all.add(members.add(store.code(), "alice"));
    }

    private Campaign campaign(RewardType type, Integer percentage, List<String> pool) {
        Campaign c = new Campaign(store.code(), CampaignId.newId(), type, true,
                Map.of("en", new CampaignTranslation("en", "Welcome mug", null, null, null, null, null)), false, true,
                false, List.of(Rules.ANY_LEVEL), List.of(), List.of(), List.of(), null, null, new BigDecimal("5"), null,
                null, CampaignWindow.ALWAYS, CampaignWindow.ALWAYS, new BigDecimal("40"), true, false, null, null, 0,
                30, null, percentage, null, null, false, java.time.Instant.parse("2026-01-01T00:00:00Z"), 1);
        CampaignItems.put(TABLE.client(), TABLE.name(), c, pool);
        return c;
    }

    private void instantRule(Campaign c) {
        rules.add(Rules.rule("coupon", new RuleTerms.InstantReward(c.id().value())));
    }

    private Transaction registered(Transaction draft) {
        TransactionOutcome outcome = transactions.register(store, draft);
        assertThat(outcome).isInstanceOf(TransactionOutcome.Done.class);
        return ((TransactionOutcome.Done) outcome).transaction();
    }

    private List<Map<String, AttributeValue>> rewards() {
        return CampaignItems.rewards(TABLE.client(), TABLE.name(), store.code(), "alice");
    }

    @Test
    void aSaleMatchingTheRuleGivesOneFreeCouponWithARealGiftCodeAndStillEarnsItsPoints() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE, null, List.of("MUG-001", "MUG-002"));
        instantRule(c);

        registered(sale("DOC-1", "50", "alice@example.com"));

        assertThat(rewards()).singleElement().satisfies(r -> {
            assertThat(r.get("code").s()).isEqualTo("MUG-001");
            // Given, not bought: the member's points pay nothing (withoutPoints, C16).
            assertThat(new BigDecimal(r.get("costInPoints").n())).isZero();
        });
        Map<String, AttributeValue> code = TABLE.client().getItem(b -> b.tableName(TABLE.name())
                .key(GiftCodeKeys.code(store.code(), CodeValue.of("MUG-001")))).item();
        assertThat(code.get(GiftCodeKeys.REWARD_MEMBER_ID).s()).isEqualTo("alice");
        assertThat(CampaignItems.freeLeft(TABLE.client(), TABLE.name(), store.code(), c.id())).isEqualTo(1);
        assertThat(accounts.status(store, "alice").points().value()).isEqualByComparingTo("50");
    }

    @Test
    void theSameSaleFinishedAgainGivesNoSecondCoupon() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE, null, List.of("MUG-001", "MUG-002", "MUG-003"));
        instantRule(c);
        Transaction tx = registered(sale("DOC-2", "20", "alice@example.com"));

        // An order redelivered: registerOnce finds the document and finishes it; earn itself run again (a crash
        // before its record): the claim instant:{transaction}:{rule} holds.
        transactions.registerOnce(store, sale("DOC-2", "20", "alice@example.com"), null);
        transactions.earn(store, repository.find(store.code(), tx.id()).orElseThrow().withPointsEarned(null), null);

        assertThat(rewards()).hasSize(1);
        assertThat(CampaignItems.freeLeft(TABLE.client(), TABLE.name(), store.code(), c.id())).isEqualTo(2);
    }

    @Test
    void anEmptyPoolGivesNoCouponAndTheSaleStillEarnsItsPoints() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE, null, List.of());
        instantRule(c);

        Transaction tx = registered(sale("DOC-3", "30", "alice@example.com"));

        assertThat(rewards()).isEmpty();
        assertThat(tx.pointsEarned()).isEqualByComparingTo("30");
        assertThat(accounts.status(store, "alice").points().value()).isEqualByComparingTo("30");
    }

    @Test
    void c7APercentageCodeTakesItsValueFromTheSalesGrossValue() {
        Campaign c = campaign(RewardType.PERCENTAGE_DISCOUNT_CODE, 15, List.of());
        instantRule(c);

        registered(sale("DOC-4", "123", "alice@example.com"));

        // round(123 × 15 / 100) = 18 (C7).
        assertThat(rewards()).singleElement().satisfies(r -> assertThat(r.get("code").s()).isEqualTo("18"));
    }
}
