package org.serverlessloyalty.shared.campaign.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.PayoutResult;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.port.CashbackPayouts;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A24's decisions with a fake store: what is written for each result, and that a settled reward is never rewritten. */
class CashbackCallbacksTest {

    static final StoreCode STORE = new StoreCode("s1");
    static final StoreZone ZONE = new StoreZone(STORE, ZoneId.of("Europe/Paris"));
    static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    static final Purchase REWARD = new Purchase("c1", CampaignId.newId(), "m1", "", RewardType.CASHBACK, "Wallet", NOW,
            new BigDecimal("25"), null, null, null, false, null, null, DeliveryStatus.ORDERED, null,
            BigDecimal.ZERO, new BigDecimal("50"), false);

    /** The reward item: its recorded result, and every write the service asked for. */
    static final class FakePayouts implements CashbackPayouts {
        Optional<PayoutResult> result = Optional.empty();
        final List<List<LedgerStep>> refunds = new ArrayList<>();

        @Override
        public Optional<byte[]> secret(StoreCode store) {
            return Optional.empty();
        }

        @Override
        public long rotate(StoreCode store, byte[] secret, Instant now) {
            return 1;
        }

        @Override
        public Optional<Payout> cashback(StoreCode store, String memberId, String couponId) {
            return memberId.equals("m1") && couponId.equals("c1") ? Optional.of(new Payout(REWARD, result))
                    : Optional.empty();
        }

        @Override
        public Recorded record(StoreCode store, Purchase reward, PayoutResult r, List<LedgerStep> refund) {
            // The adapter's condition: no final status yet.
            if (result.isPresent() && result.get().status().isFinal()) {
                return Recorded.ALREADY_SETTLED;
            }
            result = Optional.of(r);
            refunds.add(refund);
            return Recorded.RECORDED;
        }
    }

    final FakePayouts payouts = new FakePayouts();
    final MemberLookup members = new MemberLookup() {
        @Override
        public Optional<MemberRef> byId(StoreCode store, String memberId) {
            return Optional.of(new MemberRef(STORE, memberId, "active", null, null, null, null, null));
        }

        @Override
        public Optional<MemberRef> resolve(StoreCode store, String idEmailOrPhone) {
            return Optional.empty();
        }
    };
    final CashbackCallbacks callbacks = new CashbackCallbacks(payouts, members, store -> PointsSettings.DEFAULTS,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFailedPayoutRecordsTheFailureWithALotOfTheRewardsCostAvailableAtOnce() {
        var outcome = callbacks.report(ZONE, "paytm", "m1", "c1", PayoutResult.Status.FAILED, "FAILURE", "no");
        assertThat(((CashbackCallbacks.Outcome.Answer) outcome).result().failed()).isTrue();
        assertThat(payouts.refunds).hasSize(1);
        LedgerStep.Create lot = (LedgerStep.Create) payouts.refunds.get(0).get(0);
        assertThat(lot.transfer().memberId()).isEqualTo("m1");
        assertThat(lot.transfer().value().value()).isEqualByComparingTo("25");
        assertThat(lot.transfer().lockedUntil()).as("the member had these points already").isNull();
    }

    @Test
    void aPaidPayoutGivesNothingBack() {
        callbacks.report(ZONE, "paytm", "m1", "c1", PayoutResult.Status.PAID, "SUCCESS", "ok");
        assertThat(payouts.refunds).containsExactly(List.of());
    }

    @Test
    void aSettledRewardIsAnsweredWithItsFirstResultAndNothingIsWritten() {
        callbacks.report(ZONE, "paytm", "m1", "c1", PayoutResult.Status.PAID, "SUCCESS", "ok");
        var again = callbacks.report(ZONE, "paytm", "m1", "c1", PayoutResult.Status.FAILED, "FAILURE", "late");
        assertThat(((CashbackCallbacks.Outcome.Answer) again).result().code()).isEqualTo("SUCCESS");
        assertThat(payouts.refunds).hasSize(1);
    }

    @Test
    void aPendingResultIsSettledLaterButASecondPendingWritesNothing() {
        callbacks.report(ZONE, "paytm", "m1", "c1", PayoutResult.Status.PENDING, "ACCEPTED", "ACCEPTED");
        callbacks.report(ZONE, "paytm", "m1", "c1", PayoutResult.Status.PENDING, "PENDING", "PENDING");
        assertThat(payouts.refunds).hasSize(1);
        var failed = callbacks.report(ZONE, "paytm", "m1", "c1", PayoutResult.Status.FAILED, "FAILURE", "no");
        assertThat(((CashbackCallbacks.Outcome.Answer) failed).result().failed()).isTrue();
        assertThat(payouts.refunds).hasSize(2);
        assertThat(payouts.refunds.get(1)).isNotEmpty();
    }

    @Test
    void anotherMembersRewardIsNoSuchCashback() {
        assertThat(callbacks.report(ZONE, "paytm", "m2", "c1", PayoutResult.Status.FAILED, "FAILURE", "no"))
                .isInstanceOf(CashbackCallbacks.Outcome.NoSuchCashback.class);
        assertThat(payouts.refunds).isEmpty();
    }
}
