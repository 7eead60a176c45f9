package org.serverlessloyalty.shared.campaign.service;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.campaign.port.CouponEventsDue;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.webhook.service.CouponCreatedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coupon-created webhook for bought rewards (docs/campaigns.md "Coupon-created events"): a reward's code is a
 * gift code of the store, announced to the merchant's voucher API as the admin's codes are ({@link
 * CouponCreatedEvents}: a PENDING delivery record per code, then a queue message).
 *
 * <p>Exactly-once hand-over without a distributed transaction: the purchase writes each reward with a due mark in its
 * own transaction; after the commit, {@link #issued} writes the delivery records and only then removes the marks. A
 * crash before the records leaves the marks, and {@link #sweep} (the webhook redrive route) hands those rewards over
 * later; a crash between the records and the unmarking hands one over twice, under two delivery ids, which is the
 * at-least-once every webhook receiver already handles by code.
 */
public final class RewardCouponEvents implements CouponEvents {

    /** A mark younger than this may belong to a purchase still handing over its own events: the sweep leaves it. */
    public static final Duration SETTLE = Duration.ofMinutes(1);
    /** Rewards handed over per sweep: the redrive route's answer stays well within API Gateway's 30 s. */
    public static final int SWEEP_MAX = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RewardCouponEvents.class);

    private final CouponEventsDue due;
    private final GiftCodeRepository codes;
    private final CouponCreatedEvents events;
    private final Clock clock;

    public RewardCouponEvents(CouponEventsDue due, GiftCodeRepository codes, CouponCreatedEvents events, Clock clock) {
        this.due = due;
        this.codes = codes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * After a purchase committed: never throws, since the rewards are bought whatever happens here. What could not be
     * handed over keeps its mark for the sweep.
     */
    @Override
    public void issued(StoreCode store, List<Purchase> purchases) {
        try {
            handOver(store, purchases);
        } catch (RuntimeException e) {
            LOG.error("Coupon-created events of bought rewards not handed over; the redrive sweep sends them",
                    entry("store", store.value()), entry("rewards", purchases.size()), e);
        }
    }

    /** The store's rewards whose events a crash kept from being handed over; how many were handed over now. */
    public int sweep(StoreCode store) {
        List<Purchase> stranded = due.due(store, clock.instant().minus(SETTLE), SWEEP_MAX);
        handOver(store, stranded);
        return stranded.size();
    }

    private void handOver(StoreCode store, List<Purchase> purchases) {
        List<Purchase> withCode = purchases.stream()
                .filter(p -> p.code() != null && CodeValue.isValid(p.code())).toList();
        if (withCode.isEmpty()) {
            return;
        }
        // The code as stored is what the merchant gets (its terms, its owner), as for the admin's codes.
        // A single-coupon campaign's buyers share one code: announced once per hand-over (a later buyer's announces it
        // again; the merchant's voucher API takes a code it knows as the same coupon).
        List<GiftCode> stored = codes.findAll(store, withCode.stream().map(p -> CodeValue.of(p.code())).distinct()
                .toList());
        events.codesCreated(store, stored);
        due.handedOver(store, withCode);
    }
}
