package org.serverlessloyalty.shared.points.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferPage;
import org.serverlessloyalty.shared.points.model.TransferQuery;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.rules.TransferFilter;

/**
 * The transfer lists (B1, B2; rule P12). A list naming its member ({@code customerId}, or an email or phone, which
 * name one member each) reads only that member's partition; any other reads the store's transfers, in creation
 * order, up to Open Loyalty's own depth of 10,000 matches. Every filter is applied at the instant of the request
 * (states are derived then), and {@code total} counts the matches found.
 */
public final class TransferListing {

    private final PointsLedger ledger;
    private final MemberLookup members;
    private final Clock clock;

    public TransferListing(PointsLedger ledger, MemberLookup members, Clock clock) {
        this.ledger = ledger;
        this.members = members;
        this.clock = clock;
    }

    public TransferPage list(StoreZone store, TransferQuery query) {
        Instant now = clock.instant();
        Optional<String> member = Optional.ofNullable(query.memberId());
        for (String contact : new String[] {query.email(), query.phone()}) {
            if (contact != null && !contact.isBlank()) {
                Optional<String> found = members.resolve(store.code(), contact.strip()).map(MemberRef::memberId);
                if (found.isEmpty() || (member.isPresent() && !member.get().equals(found.get()))) {
                    return new TransferPage(List.of(), 0);
                }
                member = found;
            }
        }
        // Email and phone chose the member: they are not matched again against what each transfer recorded
        // (a member who changed their email keeps their older transfers).
        TransferQuery filters = new TransferQuery(member.orElse(null), query.firstName(), query.lastName(), null, null,
                query.states(), query.type(), query.willExpireTill(), query.page(), query.perPage(), query.sort(),
                query.descending());
        Predicate<PointsTransfer> keep = TransferFilter.of(filters, now, store.zone());
        boolean newestFirst = query.sort() == TransferQuery.SortField.CREATED_AT && query.descending();
        List<PointsTransfer> matches = new ArrayList<>(member.isPresent()
                ? ledger.transfers(store.code(), member.get()).stream().filter(keep).limit(TransferQuery.MAX_RESULTS).toList()
                : ledger.storeTransfers(store.code(), newestFirst, keep, TransferQuery.MAX_RESULTS));
        matches.sort(order(query));
        int from = (int) Math.min((long) (query.page() - 1) * query.perPage(), matches.size());
        int to = (int) Math.min((long) from + query.perPage(), matches.size());
        return new TransferPage(matches.subList(from, to), matches.size());
    }

    private static Comparator<PointsTransfer> order(TransferQuery query) {
        Comparator<PointsTransfer> byCreation = Comparator.comparing(PointsTransfer::id);
        Comparator<PointsTransfer> order = switch (query.sort()) {
            case CREATED_AT -> byCreation;
            case VALUE -> Comparator.comparing(PointsTransfer::value).thenComparing(byCreation);
            case EXPIRES_AT -> Comparator.comparing(PointsTransfer::shownExpiresAt,
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byCreation);
        };
        return query.descending() ? order.reversed() : order;
    }
}
