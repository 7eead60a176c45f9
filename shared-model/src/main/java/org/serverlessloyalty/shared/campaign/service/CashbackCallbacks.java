package org.serverlessloyalty.shared.campaign.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.PayoutResult;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.port.CashbackPayouts;
import org.serverlessloyalty.shared.campaign.rules.CallbackSignature;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.MemberSnapshot;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.points.port.PointsSettingsSource;
import org.serverlessloyalty.shared.points.rules.HistogramCounts;
import org.serverlessloyalty.shared.points.rules.PointsLifetime;
import org.serverlessloyalty.shared.points.rules.TransferPlanner;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The cashback provider callback (A24) and its secret. A callback is believed only when {@link CallbackSignature}
 * says so; the first final result is recorded on the cashback reward with a conditional write, and a failed payout
 * gives the reward's points back as a new adding lot IN THE SAME TRANSACTION: a replayed or concurrent callback
 * finds the result recorded and changes nothing, so the points come back exactly once.
 */
public final class CashbackCallbacks {

    public static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CashbackPayouts payouts;
    private final MemberLookup members;
    private final PointsSettingsSource settings;
    private final Clock clock;

    public CashbackCallbacks(CashbackPayouts payouts, MemberLookup members, PointsSettingsSource settings,
                             Clock clock) {
        this.payouts = payouts;
        this.members = members;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new secret, shown once (hex). */
    public record NewSecret(String secretHex, long version, Instant createdAt) {
    }

    public NewSecret rotateSecret(StoreCode store) {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        Instant now = clock.instant();
        long version = payouts.rotate(store, key, now);
        return new NewSecret(HexFormat.of().formatHex(key), version, now);
    }

    /** The signature check against the store's current secret (none yet: every callback is forged). */
    public CallbackSignature.Verdict verify(StoreCode store, String timestamp, String signature, byte[] body) {
        return CallbackSignature.verify(payouts.secret(store).orElse(null), timestamp, signature, body,
                clock.instant());
    }

    /** What a verified callback came to. */
    public sealed interface Outcome {
        /** The reward's result now (this callback's, or the first one's when this one changed nothing). */
        record Answer(Purchase reward, PayoutResult result) implements Outcome {
        }

        record NoSuchCashback() implements Outcome {
        }
    }

    /**
     * Records a VERIFIED callback's result. {@code status} decides: {@code PENDING} only while nothing final is
     * recorded; {@code PAID}/{@code FAILED} once; a failure adds the reward's {@code costInPoints} back.
     */
    public Outcome report(StoreZone store, String provider, String memberId, String couponId,
                          PayoutResult.Status status, String code, String message) {
        return Contention.retry("cashback callback", CampaignPurchases.MAX_ATTEMPTS, () -> {
            Optional<CashbackPayouts.Payout> payout = payouts.cashback(store.code(), memberId, couponId);
            if (payout.isEmpty()) {
                return Optional.of((Outcome) new Outcome.NoSuchCashback());
            }
            Purchase reward = payout.get().reward();
            Optional<PayoutResult> before = payout.get().result();
            if (before.isPresent() && (before.get().status().isFinal() || !status.isFinal())) {
                // Settled, or a second "pending": the first result stands, nothing is written.
                return Optional.of((Outcome) new Outcome.Answer(reward, before.get()));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PayoutResult result = new PayoutResult(status, code, message, provider, now);
            List<LedgerStep> refund = List.of();
            if (result.failed()) {
                Optional<MemberRef> member = members.byId(store.code(), memberId);
                if (member.isEmpty()) {
                    return Optional.of((Outcome) new Outcome.NoSuchCashback());
                }
                refund = refund(store, settings.settings(store.code()), member.get(), reward, now);
            }
            CashbackPayouts.Recorded recorded = payouts.record(store.code(), reward, result, refund);
            if (recorded == CashbackPayouts.Recorded.RECORDED) {
                return Optional.of((Outcome) new Outcome.Answer(reward, result));
            }
            // Someone recorded first (ALREADY_SETTLED) or wrote at the same time (CONTENDED): read again.
            return Optional.empty();
        });
    }

    /**
     * The points of a failed payout, back as a new adding lot of the reward's cost: available at once (the member
     * already had them; no locking period), expiring as the store's new points do, issuer system, comment naming the
     * campaign. A new lot rather than un-spending the old lots: those may have expired since, and giving back into an
     * expired lot would give nothing back.
     */
    static List<LedgerStep> refund(StoreZone store, PointsSettings settings, MemberRef member, Purchase reward,
                                   Instant now) {
        Points value = new Points(reward.costInPoints());
        java.time.Instant expiresAt = PointsLifetime.expiresAt(now, settings, store.zone());
        PointsTransfer lot = PointsTransfer.lot(store.code(), TransferId.newAt(now), member.memberId(),
                TransferType.ADDING, value, now, null, expiresAt, Issuer.SYSTEM,
                reward.campaignName() + ", cashback failed: points returned", MemberSnapshot.of(member), null, null,
                null);
        List<LedgerStep> steps = new ArrayList<>();
        steps.add(new LedgerStep.Create(lot));
        steps.addAll(new HistogramCounts(member.memberId())
                .add(HistogramType.EARNED, now.atZone(store.zone()).toLocalDate(), value.value())
                .add(HistogramType.EXPIRED, TransferPlanner.expiryDay(lot, store.zone()), value.value())
                .steps());
        return steps;
    }
}
