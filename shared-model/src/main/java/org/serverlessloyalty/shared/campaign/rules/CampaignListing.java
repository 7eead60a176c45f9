package org.serverlessloyalty.shared.campaign.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.StoredCampaign;
import org.serverlessloyalty.shared.points.model.Label;

/** Which campaigns a catalogue list shows (A4, A6, A10, A21), decided on the store's campaigns as read. */
public final class CampaignListing {

    private CampaignListing() {
    }

    /**
     * A4's filters, each null when not asked: {@code labels} (every label given must be on the campaign),
     * {@code active}, {@code isPublic}, {@code isFeatured}, {@code isFulfillmentTracking}, {@code campaignType},
     * {@code name} (contained, case-insensitive, in any locale), {@code categoryId[]} (in any of them), and C13's
     * {@code hasSegment}.
     */
    public record Filter(List<Label> labels, Boolean active, Boolean isPublic, Boolean featured,
                         Boolean fulfillmentTracking, RewardType type, String name, Set<String> categories,
                         Boolean hasSegment) {

        public static final Filter NONE = new Filter(List.of(), null, null, null, null, null, null, Set.of(), null);

        public Filter {
            labels = labels == null ? List.of() : List.copyOf(labels);
            categories = categories == null ? Set.of() : Set.copyOf(categories);
        }

        Predicate<Campaign> predicate() {
            return c -> (active == null || c.active() == active)
                    && (isPublic == null || c.isPublic() == isPublic)
                    && (featured == null || c.featured() == featured)
                    && (fulfillmentTracking == null || c.fulfillmentTracking() == fulfillmentTracking)
                    && (type == null || c.reward() == type)
                    && (name == null || c.translations().values().stream().anyMatch(t -> t.name() != null
                            && t.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))))
                    && (categories.isEmpty() || c.categories().stream().anyMatch(categories::contains))
                    && (hasSegment == null || hasSegment == !c.segments().isEmpty())
                    && c.labels().containsAll(labels);
        }
    }

    /** A4: every campaign the filter keeps, oldest first (the store index's order). */
    public static List<StoredCampaign> admin(List<StoredCampaign> all, Filter filter) {
        return all.stream().filter(s -> filter.predicate().test(s.campaign())).toList();
    }

    /** A6: the active ones (C11: flag and activity window), with their names only. */
    public static List<StoredCampaign> active(List<StoredCampaign> all, Instant now) {
        return all.stream().filter(s -> s.campaign().activeAt(now)).toList();
    }

    /**
     * A10, the seller's list: the active flag set, visible now (C11's visibility, which leaves out cashback and
     * percentage campaigns), {@code isPublic} when asked. Open Loyalty accepts {@code categoryId[]} here and ignores
     * it; so does this list.
     */
    public static List<StoredCampaign> seller(List<StoredCampaign> all, Boolean isPublic, Instant now) {
        return all.stream().map(s -> s).filter(s -> s.campaign().active() && s.campaign().visibleAt(now)
                && (isPublic == null || s.campaign().isPublic() == isPublic)).toList();
    }

    /**
     * A21, the anonymous list: {@code public} campaigns with the active flag (C15) and, unlike Open Loyalty, inside
     * both their activity and their visibility windows (section 4 item 17), narrowed by the filter.
     */
    public static List<StoredCampaign> publicAvailable(List<StoredCampaign> all, Filter filter, Instant now) {
        return all.stream().filter(s -> s.campaign().isPublic() && s.campaign().activeAt(now)
                && s.campaign().visibleAt(now) && filter.predicate().test(s.campaign())).toList();
    }

    /** Sorting by a field of the definition; {@code createdAt} (the default) keeps the index's order. */
    public enum Sort {
        CREATED_AT("createdAt"), NAME("name"), COST_IN_POINTS("costInPoints"), REWARD("reward"), ACTIVE("active");

        private final String wire;

        Sort(String wire) {
            this.wire = wire;
        }

        public static java.util.Optional<Sort> fromWire(String value) {
            return java.util.Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
        }

        public Comparator<StoredCampaign> comparator(String locale) {
            Comparator<Campaign> by = switch (this) {
                case CREATED_AT -> Comparator.comparing(Campaign::createdAt);
                case NAME -> Comparator.comparing(c -> c.name(locale).toLowerCase(Locale.ROOT));
                case COST_IN_POINTS -> Comparator.comparing(c -> c.costInPoints() == null
                        ? java.math.BigDecimal.ZERO : c.costInPoints());
                case REWARD -> Comparator.comparing(c -> c.reward().wire());
                case ACTIVE -> Comparator.comparing(Campaign::active);
            };
            return Comparator.comparing(StoredCampaign::campaign, by.thenComparing(c -> c.id().value()));
        }
    }
}
