package org.serverlessloyalty.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FaultPolicyTest {

    @Test
    void readsTheFlagForm() {
        FaultPolicy p = FaultPolicy.parse("conflict=0.1,throttle=0.05,internal=0.01,latency=5-20,seed=42");
        assertThat(p.conflictRate()).isEqualTo(0.1);
        assertThat(p.throttleRate()).isEqualTo(0.05);
        assertThat(p.internalErrorRate()).isEqualTo(0.01);
        assertThat(p.transactionThrottleRate()).isZero();
        assertThat(p.latencyMinMillis()).isEqualTo(5);
        assertThat(p.latencyMaxMillis()).isEqualTo(20);
        assertThat(p.latencyRate()).isEqualTo(1.0);
        assertThat(p.seed()).isEqualTo(42);
        assertThat(p.overlapConflicts()).isFalse();
        assertThat(p.operations()).isEqualTo(FaultPolicy.DATA_OPERATIONS);
        assertThat(p).isEqualTo(FaultPolicy.none().seed(42).conflictRate(0.1).throttleRate(0.05).internalErrorRate(0.01)
                .latencyMillis(5, 20));
    }

    @Test
    void readsEveryKey() {
        FaultPolicy p = FaultPolicy.parse(" overlap , tx-throttle=0.2, latency=7, latency-rate=0.5, ops=PutItem+TransactWriteItems ");
        assertThat(p.overlapConflicts()).isTrue();
        assertThat(p.transactionThrottleRate()).isEqualTo(0.2);
        assertThat(p.latencyMinMillis()).isEqualTo(7);
        assertThat(p.latencyMaxMillis()).isEqualTo(7);
        assertThat(p.latencyRate()).isEqualTo(0.5);
        assertThat(p.operations()).containsExactlyInAnyOrder("PutItem", "TransactWriteItems");
        assertThat(p.appliesTo("PutItem")).isTrue();
        assertThat(p.appliesTo("GetItem")).isFalse();
        assertThat(FaultPolicy.parse("overlap=on").overlapConflicts()).isTrue();
        assertThat(FaultPolicy.parse("overlap=off").overlapConflicts()).isFalse();
    }

    @Test
    void itsTextReadsBackToAnEqualPolicy() {
        FaultPolicy p = FaultPolicy.none().seed(-3).conflictRate(0.25).overlapConflicts(true).throttleRate(0.125)
                .transactionThrottleRate(0.0625).internalErrorRate(0.01).latencyMillis(2, 9).latencyRate(0.75)
                .operations("Query", "GetItem");
        assertThat(p.toString()).isEqualTo("conflict=0.25,overlap,throttle=0.125,tx-throttle=0.0625,internal=0.01,"
                + "latency=2-9,latency-rate=0.75,seed=-3,ops=GetItem+Query");
        assertThat(FaultPolicy.parse(p.toString())).isEqualTo(p);
        assertThat(FaultPolicy.none().toString()).isEqualTo("none");
    }

    @Test
    void noneOffAndEmptyMeanNoFaults() {
        assertThat(FaultPolicy.parse("none")).isEqualTo(FaultPolicy.none());
        assertThat(FaultPolicy.parse("off")).isEqualTo(FaultPolicy.none());
        assertThat(FaultPolicy.parse("")).isEqualTo(FaultPolicy.none());
        assertThat(FaultPolicy.parse(null)).isEqualTo(FaultPolicy.none());
        assertThat(FaultPolicy.none().isNone()).isTrue();
    }

    @Test
    void zeroRatesAreNone() {
        assertThat(FaultPolicy.parse("conflict=0,throttle=0,tx-throttle=0,internal=0,seed=9").isNone()).isTrue();
        assertThat(FaultPolicy.parse("latency=5,latency-rate=0").isNone()).isTrue();
        assertThat(FaultPolicy.parse("latency=0").isNone()).isTrue();
        assertThat(FaultPolicy.parse("latency=0-1").isNone()).isFalse();
        assertThat(FaultPolicy.parse("overlap").isNone()).isFalse();
        assertThat(FaultPolicy.parse("internal=0.001").isNone()).isFalse();
    }

    @Test
    void rejectsBadSpecsNamingEveryBadPair() {
        assertThatThrownBy(() -> FaultPolicy.parse("conflict=2,throttle=x,bogus=1,latency=9-3,seed=1.5,overlap=maybe,internal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conflict must be a rate between 0 and 1, not 2")
                .hasMessageContaining("throttle must be a rate between 0 and 1, not x")
                .hasMessageContaining("unknown key bogus")
                .hasMessageContaining("latency must be MIN-MAX milliseconds")
                .hasMessageContaining("seed must be a whole number, not 1.5")
                .hasMessageContaining("overlap takes on or off, not maybe")
                .hasMessageContaining("internal needs a value");
    }

    @Test
    void failureRatesMayNotAddUpToMoreThanOne() {
        assertThatThrownBy(() -> FaultPolicy.parse("conflict=0.5,throttle=0.3,internal=0.3"))
                .hasMessageContaining("must not exceed 1");
        assertThat(FaultPolicy.parse("conflict=0.5,throttle=0.3,internal=0.2").internalErrorRate()).isEqualTo(0.2);
    }

    @Test
    void operationsMustBeDataPlaneOperations() {
        assertThatThrownBy(() -> FaultPolicy.parse("ops=CreateTable")).hasMessageContaining("CreateTable is not one of");
        assertThatThrownBy(() -> FaultPolicy.none().operations(Set.of())).hasMessageContaining("at least one");
    }

    @Test
    void countsSubtractAndPrintOneLinePerOperation() {
        FaultCounts before = new FaultCounts(Map.of("PutItem", 3L), Map.of(FaultKind.THROTTLING, Map.of("PutItem", 1L)),
                Map.of(), 0);
        FaultCounts after = new FaultCounts(Map.of("PutItem", 10L, "TransactWriteItems", 4L),
                Map.of(FaultKind.THROTTLING, Map.of("PutItem", 2L), FaultKind.TRANSACTION_CONFLICT, Map.of("TransactWriteItems", 1L)),
                Map.of("PutItem", 7L), 70);
        FaultCounts delta = after.minus(before);
        assertThat(delta.requests("PutItem")).isEqualTo(7);
        assertThat(delta.requests()).isEqualTo(11);
        assertThat(delta.injected(FaultKind.THROTTLING, "PutItem")).isEqualTo(1);
        assertThat(delta.injected(FaultKind.TRANSACTION_CONFLICT)).isEqualTo(1);
        assertThat(delta.injected()).isEqualTo(2);
        assertThat(delta.delayed()).isEqualTo(7);
        assertThat(delta.addedLatencyMillis()).isEqualTo(70);
        assertThat(delta.toString()).isEqualTo("""
                PutItem: 7 requests, THROTTLING 1, delayed 7
                TransactWriteItems: 4 requests, TRANSACTION_CONFLICT 1
                added latency: 70 ms""");
    }
}
