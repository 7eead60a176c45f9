package org.serverlessloyalty.campaigns.bought;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.BoughtRewardQuery;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.QueryParameters;

/**
 * The bought-reward lists' query strings (A7, A8, A15, A17). Dates are Open Loyalty's lenient ones (§0.2:
 * {@code 2026-11-30}, {@code 2026-11-30 10:59}, ISO-8601) in the store's time zone; a {@code …To} bound given as a
 * day covers that whole day. Open Loyalty silently ignores a filter it cannot read (an unknown deliveryStatus); this
 * engine answers 400 naming it, since a dropped filter lists the wrong rewards (as the transfer lists do).
 */
final class BoughtRewardQueries {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private BoughtRewardQueries() {
    }

    /** A7: every filter (section 4 item 11: {@code activeToFrom/To} filter on {@code activeTo}). */
    static BoughtRewardQuery store(ApiRequest request, ZoneId zone) {
        FieldErrors errors = FieldErrors.none();
        Boolean used = request.queryParameter("used").map(BoughtRewardQueries::openLoyaltyBool).orElse(null);
        var query = new BoughtRewardQuery(used, delivery(request, errors),
                from(request, "purchasedAtFrom", zone, errors), to(request, "purchasedAtTo", zone, errors),
                from(request, "usageDateFrom", zone, errors), to(request, "usageDateTo", zone, errors),
                from(request, "activeSinceFrom", zone, errors), to(request, "activeSinceTo", zone, errors),
                from(request, "activeToFrom", zone, errors), to(request, "activeToTo", zone, errors),
                page(request, errors), perPage(request, errors));
        errors.throwIfAny();
        return query;
    }

    /** A8: the purchase dates only. */
    static BoughtRewardQuery export(ApiRequest request, ZoneId zone) {
        FieldErrors errors = FieldErrors.none();
        var query = new BoughtRewardQuery(null, null, from(request, "purchasedAtFrom", zone, errors),
                to(request, "purchasedAtTo", zone, errors), null, null, null, null, null, null, 1,
                BoughtRewardQuery.MAX_PER_PAGE);
        errors.throwIfAny();
        return query;
    }

    /** A15, A17: deliveryStatus and paging. */
    static BoughtRewardQuery member(ApiRequest request) {
        FieldErrors errors = FieldErrors.none();
        var query = BoughtRewardQuery.ofMember(delivery(request, errors), page(request, errors),
                perPage(request, errors));
        errors.throwIfAny();
        return query;
    }

    /** §0.2 booleans: false for false, 0 and null (quotes stripped), true for anything else. */
    static boolean openLoyaltyBool(String raw) {
        String text = raw.replace("'", "").replace("\"", "").strip();
        return !(text.equals("false") || text.equals("0") || text.equals("null"));
    }

    private static DeliveryStatus delivery(ApiRequest request, FieldErrors errors) {
        Optional<String> raw = request.queryParameter("deliveryStatus");
        if (raw.isEmpty()) {
            return null;
        }
        Optional<DeliveryStatus> status = DeliveryStatus.fromWire(raw.get().strip().toLowerCase(Locale.ROOT));
        if (status.isEmpty()) {
            errors.add("deliveryStatus", "must be ordered, canceled, shipped or delivered");
        }
        return status.orElse(null);
    }

    private static int page(ApiRequest request, FieldErrors errors) {
        // null when refused (the error is recorded and thrown before the value is used)
        return java.util.Objects.requireNonNullElse(QueryParameters.integer(request, "page", 1, 100_000, 1, errors), 1);
    }

    private static int perPage(ApiRequest request, FieldErrors errors) {
        return java.util.Objects.requireNonNullElse(QueryParameters.integer(request, "perPage", 1,
                BoughtRewardQuery.MAX_PER_PAGE, BoughtRewardQuery.DEFAULT_PER_PAGE, errors),
                BoughtRewardQuery.DEFAULT_PER_PAGE);
    }

    private static Instant from(ApiRequest request, String name, ZoneId zone, FieldErrors errors) {
        return instant(request, name, zone, false, errors);
    }

    private static Instant to(ApiRequest request, String name, ZoneId zone, FieldErrors errors) {
        return instant(request, name, zone, true, errors);
    }

    private static Instant instant(ApiRequest request, String name, ZoneId zone, boolean endOfDay,
                                   FieldErrors errors) {
        Optional<String> raw = request.queryParameter(name);
        if (raw.isEmpty()) {
            return null;
        }
        String text = raw.get().strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1)
                        : day.atStartOfDay(zone).toInstant();
            }
            if (text.length() == 16 && text.charAt(10) == ' ') {
                return LocalDateTime.parse(text, MINUTES).atZone(zone).toInstant();
            }
            if (text.length() == 19 && text.charAt(10) == ' ') {
                return LocalDateTime.parse(text, SECONDS).atZone(zone).toInstant();
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            errors.add(name, "must be a date such as 2026-11-30, 2026-11-30 10:59 or 2026-11-30T10:59:00+01:00");
            return null;
        }
    }
}
