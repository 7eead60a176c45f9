package org.serverlessloyalty.campaigns.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.StoredCampaign;
import org.serverlessloyalty.shared.campaign.rules.CampaignListing;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.store.model.Store;

/**
 * A catalogue list's query (A4, A10, A21): {@code labels[i][key]}/{@code labels[i][value]}, {@code active},
 * {@code isPublic}, {@code isFeatured}, {@code isFulfillmentTracking}, {@code campaignType}, {@code name},
 * {@code categoryId[]}, {@code hasSegment}, {@code format}, {@code page}, {@code perPage}, {@code sort},
 * {@code direction}. A value it cannot read is a 400 naming it rather than a silently wrong list.
 */
record CampaignListQuery(CampaignListing.Filter filter, Paging paging, CampaignListing.Sort sort, boolean descending,
                         CatalogueRoutes.RenderOptions options) {

    private static final int MAX_LABEL_FILTERS = 10;

    static CampaignListQuery parse(ApiRequest request, boolean withFilters, Store store) {
        FieldErrors errors = FieldErrors.none();
        Boolean isPublic = flag(request, "isPublic", errors);
        CampaignListing.Filter filter;
        if (withFilters) {
            RewardType type = null;
            Optional<String> typeText = text(request, "campaignType");
            if (typeText.isPresent()) {
                type = RewardType.fromWire(typeText.get()).orElse(null);
                if (type == null) {
                    errors.add("campaignType", "must be a reward type such as discount_code or gift_code");
                }
            }
            filter = new CampaignListing.Filter(labels(request, errors), flag(request, "active", errors), isPublic,
                    flag(request, "isFeatured", errors), flag(request, "isFulfillmentTracking", errors), type,
                    text(request, "name").orElse(null), categories(request), flag(request, "hasSegment", errors));
        } else {
            filter = new CampaignListing.Filter(List.of(), null, isPublic, null, null, null, null, Set.of(), null);
            // A10: categoryId[] is accepted and ignored, as Open Loyalty's seller list does.
        }
        Paging paging = Paging.of(request, errors);
        CampaignListing.Sort sort = CampaignListing.Sort.CREATED_AT;
        Optional<String> sortText = text(request, "sort");
        if (sortText.isPresent()) {
            sort = CampaignListing.Sort.fromWire(sortText.get()).orElse(null);
            if (sort == null) {
                errors.add("sort", "must be createdAt, name, costInPoints, reward or active");
                sort = CampaignListing.Sort.CREATED_AT;
            }
        }
        boolean descending = false;
        Optional<String> direction = text(request, "direction").map(d -> d.toLowerCase(Locale.ROOT));
        if (direction.isPresent()) {
            if (direction.get().equals("desc")) {
                descending = true;
            } else if (!direction.get().equals("asc")) {
                errors.add("direction", "must be asc or desc");
            }
        }
        errors.throwIfAny();
        return new CampaignListQuery(filter, paging, sort, descending, CatalogueRoutes.RenderOptions.of(request, store));
    }

    List<StoredCampaign> sorted(List<StoredCampaign> selected, Store store) {
        var comparator = sort.comparator(store.locale().getLanguage());
        return selected.stream().sorted(descending ? comparator.reversed() : comparator).toList();
    }

    private static Optional<String> text(ApiRequest request, String name) {
        return request.queryParameter(name).map(String::strip).filter(t -> !t.isEmpty());
    }

    /** {@code categoryId[]=a&categoryId[]=b}: API Gateway joins repeated values with commas. */
    private static Set<String> categories(ApiRequest request) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : List.of("categoryId[]", "categoryId")) {
            text(request, name).ifPresent(v -> Arrays.stream(v.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).forEach(out::add));
        }
        return out;
    }

    /** {@code labels[0][key]=type&labels[0][value]=promotion}: each label given must be on the campaign. */
    private static List<Label> labels(ApiRequest request, FieldErrors errors) {
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < MAX_LABEL_FILTERS; i++) {
            Optional<String> key = text(request, "labels[" + i + "][key]");
            Optional<String> value = text(request, "labels[" + i + "][value]");
            if (key.isEmpty() && value.isEmpty()) {
                continue;
            }
            if (key.isEmpty()) {
                errors.add("labels[" + i + "][key]", "is required with labels[" + i + "][value]");
                continue;
            }
            labels.add(new Label(key.get(), value.orElse("")));
        }
        return labels;
    }

    /** Open Loyalty's flags in a query: true/false or 1/0. */
    private static Boolean flag(ApiRequest request, String name, FieldErrors errors) {
        Optional<String> raw = text(request, name).map(v -> v.toLowerCase(Locale.ROOT));
        if (raw.isEmpty()) {
            return null;
        }
        switch (raw.get()) {
            case "true", "1":
                return true;
            case "false", "0":
                return false;
            default:
                errors.add(name, "must be true or false (1 or 0)");
                return null;
        }
    }
}
