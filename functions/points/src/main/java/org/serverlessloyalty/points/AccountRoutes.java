package org.serverlessloyalty.points;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.order.port.ShopBalances;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.QueryParameters;
import org.serverlessloyalty.shared.points.json.PointsJson;
import org.serverlessloyalty.shared.points.model.AccountStatus;
import org.serverlessloyalty.shared.points.model.HistogramInterval;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferPage;
import org.serverlessloyalty.shared.points.model.TransferQuery;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsHistogram;
import org.serverlessloyalty.shared.points.service.TransferListing;


/**
 * The points reads: a member's status (section 1.B.2: balance and the P11 aggregates, exact now, rules P1 and item
 * 7; with levels wired, the level and transaction fields of issue 10), the transfer lists (B1, B2; rule P12) and the
 * store's histogram (B12).
 */
final class AccountRoutes {

    /** B12's window when the client names none: the last 30 days, as Open Loyalty's example shows. */
    static final int DEFAULT_LAST_DAYS = 30;

    private final MemberDirectory members;
    private final PointsAccounts accounts;
    private final TransferListing listing;
    private final PointsHistogram histogram;
    private final Clock clock;
    private final BiFunction<StoreZone, String, Map<String, Object>> levelFields;
    // issue 10: h10-tx
    private final ShopBalances shopBalances;

    /**
     * @param levelFields  issue 10: the status's level fields (1.B.2)
     * @param shopBalances issue 10: the shop's reported balances (CibleR's userBalance), shown beside ours
     */
    AccountRoutes(MemberDirectory members, PointsAccounts accounts, TransferListing listing, PointsHistogram histogram,
                  Clock clock, BiFunction<StoreZone, String, Map<String, Object>> levelFields,
                  ShopBalances shopBalances) {
        this.members = members;
        this.accounts = accounts;
        this.listing = listing;
        this.histogram = histogram;
        this.clock = clock;
        this.levelFields = levelFields;
        this.shopBalances = shopBalances;
    }

    /** {@code GET .../customer/{customer}/status}: the member's names, its points now, the store's currency. */
    ApiResponse status(ApiRequest request, Caller caller) {
        String id = caller.member(request.pathParameter(MemberRoutes.CUSTOMER));
        Member member = members.find(caller.store().code(), id).orElseThrow(() -> MemberRoutes.notFound(id));
        AccountStatus status = accounts.status(TransferRoutes.zone(caller), member.memberId());
        Map<String, Object> body = new LinkedHashMap<>();
        if (member.profile().firstName() != null) {
            body.put("firstName", member.profile().firstName());
        }
        if (member.profile().lastName() != null) {
            body.put("lastName", member.profile().lastName());
        }
        body.put("customerId", member.memberId());
        body.putAll(PointsJson.statusPoints(status));
        body.putAll(levelFields.apply(TransferRoutes.zone(caller), member.memberId()));
        body.put("currency", caller.store().currency().getCurrencyCode());
        // issue 10: h10-tx. The shop's own count (CibleR's orderContext.userBalance), beside ours, never added.
        shopBalances.find(caller.store().code(), member.memberId()).ifPresent(shop -> {
            body.put("shopReportedBalance", shop.balance());
            body.put("shopReportedBalanceAt", shop.at().toString());
        });
        return ApiResponse.ok(body);
    }

    /** B1: every transfer of the store that the filters keep. */
    ApiResponse list(ApiRequest request, Caller caller) {
        return page(caller, TransferListQuery.admin(request));
    }

    /** B2: the token's member's own transfers. */
    ApiResponse listOwn(ApiRequest request, Caller caller) {
        return page(caller, TransferListQuery.member(request, ((Caller.Customer) caller).memberId()));
    }

    private ApiResponse page(Caller caller, TransferQuery query) {
        StoreZone zone = TransferRoutes.zone(caller);
        Instant now = clock.instant();
        TransferPage page = listing.list(zone, query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transfers", page.transfers().stream().map(t -> PointsJson.transfer(t, now, zone.zone())).toList());
        body.put("total", page.total());
        return ApiResponse.ok(body);
    }

    /** B12: {@code {"2026-11-01": 15, ...}}, every day (or month, year) of the window present. */
    ApiResponse histogram(ApiRequest request, Caller caller) {
        FieldErrors errors = FieldErrors.none();
        HistogramInterval interval = HistogramInterval.DAY;
        Optional<String> intervalName = request.queryParameter("interval");
        if (intervalName.isPresent()) {
            try {
                interval = HistogramInterval.fromOpenLoyaltyName(intervalName.get().strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("interval", "must be day, month or year");
            }
        }
        HistogramType type = HistogramType.EARNED;
        Optional<String> typeName = request.queryParameter("pointType");
        if (typeName.isPresent()) {
            try {
                type = HistogramType.fromOpenLoyaltyName(typeName.get().strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("pointType", "must be earned, spent, expired or pending");
            }
        }
        int lastDays = QueryParameters.integer(request, "lastDays", 0, PointsHistogram.MAX_DAYS, DEFAULT_LAST_DAYS,
                errors);
        int futureDays = QueryParameters.integer(request, "futureDays", 0, PointsHistogram.MAX_DAYS, 0, errors);
        errors.throwIfAny();
        Map<String, Object> body = new LinkedHashMap<>();
        histogram.histogram(TransferRoutes.zone(caller), type, interval, lastDays, futureDays)
                .forEach((group, points) -> body.put(group, plain(points)));
        return ApiResponse.ok(body);
    }

    /** As Open Loyalty writes points: {@code 5}, {@code 6.9}. */
    private static java.math.BigDecimal plain(java.math.BigDecimal points) {
        java.math.BigDecimal stripped = points.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
