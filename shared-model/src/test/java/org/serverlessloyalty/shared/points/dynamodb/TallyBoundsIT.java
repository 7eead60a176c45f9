package org.serverlessloyalty.shared.points.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.TallyKey;
import org.serverlessloyalty.shared.points.model.TransactionRef;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.testing.LocalTable;

/** A points action bounded by a counter in the same transaction (section 4, items 3 and 9). */
class TallyBoundsIT {

    private static final LocalTable TABLE = LocalTable.create();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private PointsHarness points;

    @BeforeEach
    void setUp() {
        points = new PointsHarness(TABLE.client(), TABLE.name(), clock);
        points.member("alice");
    }

    @Test
    void concurrentAddsBoundedByARuleUsageLimitOfThreeGiveExactlyThree() throws Exception {
        TallyKey usage = new TallyKey.RuleUsage("rule-1", "alice", "2026-11-29");
        List<Callable<TransferOutcome>> adds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            adds.add(() -> points.transfers.add(points.store, new AddPoints("alice", BigDecimal.TEN, "rule 1",
                    Issuer.SYSTEM, null), List.of(new LedgerStep.Tally(usage, BigDecimal.ONE, new BigDecimal(3))),
                    Claim.none()));
        }
        List<TransferOutcome> outcomes = runAll(adds);

        assertThat(outcomes).filteredOn(TransferOutcome.Done.class::isInstance).hasSize(3);
        assertThat(outcomes).filteredOn(o -> !(o instanceof TransferOutcome.Done))
                .allMatch(o -> o.equals(new TransferOutcome.Refused(Refusal.LIMIT_EXCEEDED)));
        assertThat(points.ledger.tally(points.store.code(), usage)).isEqualByComparingTo("3");
        assertThat(points.status("alice").points()).isEqualTo(Points.of(30));
    }

    @Test
    void revocationsBoundedByWhatTheTransactionEarnedNeverTakeMore() throws Exception {
        points.added("alice", "100");
        TallyKey revoked = new TallyKey.Revoked("tx-1");
        List<Callable<TransferOutcome>> returns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            returns.add(() -> points.transfers.spend(points.store, new SpendPoints("alice", new BigDecimal("4"),
                    "return of doc-1", Issuer.SYSTEM, TransactionRef.of("tx-1")),
                    List.of(new LedgerStep.Tally(revoked, new BigDecimal("4"), BigDecimal.TEN)), Claim.none()));
        }
        List<TransferOutcome> outcomes = runAll(returns);

        assertThat(outcomes).filteredOn(TransferOutcome.Done.class::isInstance).hasSize(2);
        assertThat(points.ledger.tally(points.store.code(), revoked)).isEqualByComparingTo("8");
        assertThat(points.status("alice").points()).isEqualTo(Points.of(92));
    }

    @Test
    void aCounterNeverAddedToReadsZero() {
        assertThat(points.ledger.tally(points.store.code(), new TallyKey.Revoked("never"))).isZero();
    }

    private static List<TransferOutcome> runAll(List<Callable<TransferOutcome>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<TransferOutcome> out = new ArrayList<>();
            for (Future<TransferOutcome> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
