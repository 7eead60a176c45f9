package org.serverlessloyalty.shared.points.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.ListedState;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.StoredTransfer;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.rules.StateTidying;
import org.serverlessloyalty.shared.points.service.PointsTidy;
import org.serverlessloyalty.shared.testing.LocalTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled tidy-up on the in-process DynamoDB (section 4 item 7): due transfers get their derived state, the
 * others are untouched, a second run changes nothing, and a cancel racing with it keeps what it wrote.
 */
class PointsTidyIT {

    private static final LocalTable TABLE = LocalTable.create();
    private static final Set<String> TIDY_ATTRIBUTES = Set.of("state", TableKeys.GSI2_PK, TableKeys.GSI2_SK);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:00:00Z"));
    private PointsHarness points;
    private DynamoDbDueTransfers due;
    private PointsTidy tidy;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        points = new PointsHarness(TABLE.client(), TABLE.name(), clock);
        points.member("alice");
        due = new DynamoDbDueTransfers(TABLE.client(), TABLE.name());
        tidy = new PointsTidy(due, clock);
    }

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private void settings(ExpiryMode mode, int expiryDays, int lockDays) {
        points.settings.set(new PointsSettings(mode, Math.max(expiryDays, 1), lockDays, Set.of("active"),
                Set.of("active"), false));
    }

    private Map<String, AttributeValue> item(TransferId lot) {
        return TABLE.client().getItem(b -> b.tableName(TABLE.name()).consistentRead(true)
                .key(PointsKeys.lot(points.store.code(), "alice", lot))).item();
    }

    private static Map<String, AttributeValue> withoutTidyAttributes(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> rest = new HashMap<>(item);
        rest.keySet().removeAll(TIDY_ATTRIBUTES);
        return rest;
    }

    @Test
    void dueLotsGetTheirDerivedStateAndLotsNotDueAreUntouched() {
        settings(ExpiryMode.AFTER_X_DAYS, 30, 2);
        TransferId locked = points.added("alice", "40");
        settings(ExpiryMode.AFTER_X_DAYS, 1, 0);
        TransferId expiring = points.added("alice", "25");
        settings(ExpiryMode.NEVER, 1, 0);
        TransferId forever = points.added("alice", "10");
        settings(ExpiryMode.AFTER_X_DAYS, 30, 9);
        TransferId stillLocked = points.added("alice", "5");
        assertThat(item(locked).get("state").s()).isEqualTo("pending");
        assertThat(item(expiring).get("state").s()).isEqualTo("active");
        Map<String, AttributeValue> foreverBefore = item(forever);
        Map<String, AttributeValue> stillLockedBefore = item(stillLocked);
        assertThat(foreverBefore).doesNotContainKey(TableKeys.GSI2_PK);

        clock.advance(Duration.ofDays(3));
        Map<String, AttributeValue> lockedBefore = item(locked);
        Map<String, AttributeValue> expiringBefore = item(expiring);
        AccountStatus statusBefore = points.status("alice");

        PointsTidy.Report report = tidy.tidy(points.store.code());

        assertThat(report).isEqualTo(new PointsTidy.Report(2, 2, 0));
        Map<String, AttributeValue> unlocked = item(locked);
        assertThat(unlocked.get("state").s()).isEqualTo("active");
        // Due again at its expiry, when it will turn expired.
        Instant expiry = points.ledger.account(points.store.code(), "alice").stream()
                .filter(t -> t.id().equals(locked)).findFirst().orElseThrow().expiresAt();
        assertThat(unlocked.get(TableKeys.GSI2_SK).s()).isEqualTo(ListedStateAttributes.dueSk(expiry, locked));
        Map<String, AttributeValue> expired = item(expiring);
        assertThat(expired.get("state").s()).isEqualTo("expired");
        assertThat(expired).doesNotContainKeys(TableKeys.GSI2_PK, TableKeys.GSI2_SK);
        // Nothing a balance, a status or a spend's conditions read has changed.
        assertThat(withoutTidyAttributes(unlocked)).isEqualTo(withoutTidyAttributes(lockedBefore));
        assertThat(withoutTidyAttributes(expired)).isEqualTo(withoutTidyAttributes(expiringBefore));
        assertThat(points.status("alice")).isEqualTo(statusBefore);
        assertThat(item(forever)).isEqualTo(foreverBefore);
        assertThat(item(stillLocked)).isEqualTo(stillLockedBefore);
    }

    @Test
    void aSecondRunChangesNothing() {
        settings(ExpiryMode.AFTER_X_DAYS, 1, 1);
        TransferId lot = points.added("alice", "40");
        clock.advance(Duration.ofDays(2));
        assertThat(tidy.tidy(points.store.code()).tidied()).isEqualTo(1);
        Map<String, AttributeValue> once = item(lot);

        assertThat(tidy.tidy(points.store.code())).isEqualTo(PointsTidy.Report.NONE);
        assertThat(item(lot)).isEqualTo(once);
    }

    @Test
    void aStaleReadOfAnAlreadyTidiedLotWritesNothing() {
        settings(ExpiryMode.AFTER_X_DAYS, 30, 1);
        TransferId lot = points.added("alice", "40");
        clock.advance(Duration.ofDays(2));
        List<StoredTransfer> seen = new ArrayList<>();
        due.due(points.store.code(), clock.instant(), seen::addAll);
        assertThat(seen).extracting(s -> s.transfer().id()).containsExactly(lot);
        ListedState tidied = StateTidying.tidy(seen.get(0), clock.instant()).orElseThrow();
        assertThat(due.tidy(seen.get(0), tidied)).isTrue();
        Map<String, AttributeValue> once = item(lot);

        // Another run that read the index before the first wrote (the index lags): its write fails its condition.
        assertThat(due.tidy(seen.get(0), tidied)).isFalse();
        assertThat(item(lot)).isEqualTo(once);
    }

    @Test
    void p9ACancelBetweenTheTidyUpsReadAndItsWriteKeepsWhatTheCancelWrote() {
        settings(ExpiryMode.AFTER_X_DAYS, 30, 1);
        TransferId lot = points.added("alice", "40");
        clock.advance(Duration.ofDays(2));
        List<StoredTransfer> seen = new ArrayList<>();
        due.due(points.store.code(), clock.instant(), seen::addAll);
        assertThat(points.spend("alice", "15")).isInstanceOf(TransferOutcome.Done.class);
        assertThat(points.transfers.cancel(points.store, lot, Claim.none())).isInstanceOf(TransferOutcome.Done.class);
        Map<String, AttributeValue> cancelled = item(lot);
        assertThat(cancelled.get("state").s()).isEqualTo("canceled");
        assertThat(cancelled).doesNotContainKeys(TableKeys.GSI2_PK, TableKeys.GSI2_SK);

        ListedState tidied = StateTidying.listedAt(seen.get(0).transfer(), clock.instant());
        assertThat(due.tidy(seen.get(0), tidied)).isFalse();

        assertThat(item(lot)).isEqualTo(cancelled);
        assertThat(new java.math.BigDecimal(cancelled.get("consumedAtCancel").n())).isEqualByComparingTo("15");
        assertThat(tidy.tidy(points.store.code())).isEqualTo(PointsTidy.Report.NONE);
    }

    @Test
    void p9CancelsRacingWithTheTidyUpAllStayCancelledAndNothingIsLeftDue() throws Exception {
        settings(ExpiryMode.AFTER_X_DAYS, 30, 1);
        List<TransferId> lots = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lots.add(points.added("alice", "10"));
        }
        clock.advance(Duration.ofDays(2));
        pool = Executors.newFixedThreadPool(5);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> cancels = new ArrayList<>();
        for (TransferId lot : lots) {
            cancels.add(pool.submit(() -> {
                go.await();
                return points.transfers.cancel(points.store, lot, Claim.none());
            }));
        }
        Future<PointsTidy.Report> run = pool.submit(() -> {
            go.await();
            return tidy.tidy(points.store.code());
        });
        go.countDown();
        for (Future<?> cancel : cancels) {
            assertThat(cancel.get(60, TimeUnit.SECONDS)).isInstanceOf(TransferOutcome.Done.class);
        }
        run.get(60, TimeUnit.SECONDS);
        // Whatever interleaving happened, a later run finishes what the racing one had to leave.
        tidy.tidy(points.store.code());

        for (TransferId lot : lots) {
            Map<String, AttributeValue> item = item(lot);
            assertThat(item).containsKey("canceledAt");
            assertThat(item.get("state").s()).as(lot.value()).isEqualTo("canceled");
            assertThat(item).doesNotContainKeys(TableKeys.GSI2_PK, TableKeys.GSI2_SK);
            assertThat(new java.math.BigDecimal(item.get("available").n())).isEqualByComparingTo("10");
        }
        assertThat(points.status("alice").points()).isEqualTo(Points.ZERO);
        assertThat(tidy.tidy(points.store.code())).isEqualTo(PointsTidy.Report.NONE);
    }

    @Test
    void activateAndExpireByHandStoreTheirStateAtOnce() {
        settings(ExpiryMode.AFTER_X_DAYS, 30, 5);
        TransferId locked = points.added("alice", "40");
        settings(ExpiryMode.AFTER_X_DAYS, 30, 0);
        TransferId active = points.added("alice", "20");
        clock.advance(Duration.ofHours(1));

        assertThat(points.transfers.activate(points.store, locked, Claim.none())).isInstanceOf(TransferOutcome.Done.class);
        assertThat(points.transfers.expire(points.store, active, Claim.none())).isInstanceOf(TransferOutcome.Done.class);

        assertThat(item(locked).get("state").s()).isEqualTo("active");
        assertThat(item(active).get("state").s()).isEqualTo("expired");
        assertThat(item(active)).doesNotContainKeys(TableKeys.GSI2_PK, TableKeys.GSI2_SK);
        // At the old lock end the activated lot's due keys move on to its expiry; its state was already right.
        clock.advance(Duration.ofDays(6));
        assertThat(tidy.tidy(points.store.code())).isEqualTo(new PointsTidy.Report(1, 1, 0));
        assertThat(item(locked).get("state").s()).isEqualTo("active");
    }
}
