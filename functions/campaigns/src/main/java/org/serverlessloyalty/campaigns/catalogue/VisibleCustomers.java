package org.serverlessloyalty.campaigns.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.level.port.LevelRepository;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.points.json.MemberJson;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.segment.port.SegmentRepository;
import org.serverlessloyalty.shared.store.model.Store;

/**
 * The members a campaign is visible to (A9, {@code visibleForCustomersCount}): the members of its levels and of its
 * segments, each once (C12's OR), read from the level and segment member lists, page by page.
 */
public final class VisibleCustomers {

    private static final int READ_PAGE = 500;

    private final LevelRepository levels;
    private final SegmentRepository segments;
    private final MemberDirectory members;

    public VisibleCustomers(LevelRepository levels, SegmentRepository segments, MemberDirectory members) {
        this.levels = levels;
        this.segments = segments;
        this.members = members;
    }

    /** The ids, levels' members first then segments', each once. */
    Set<String> memberIds(Store store, Campaign campaign) {
        Set<String> ids = new LinkedHashSet<>();
        for (String level : campaign.levels()) {
            readAll((offset, limit) -> levels.members(store.code(), level, offset, limit), ids);
        }
        for (String segment : campaign.segments()) {
            readAll((offset, limit) -> segments.members(store.code(), segment, offset, limit), ids);
        }
        return ids;
    }

    long count(Store store, Campaign campaign) {
        return memberIds(store, campaign).size();
    }

    /** A9: {@code {"customers":[CustomerDetails],"total"}}. */
    ApiResponse page(Store store, Campaign campaign, int offset, int perPage) {
        List<String> ids = new ArrayList<>(memberIds(store, campaign));
        List<Map<String, Object>> customers = new ArrayList<>();
        ids.stream().skip(offset).limit(perPage).forEach(id -> members.find(store.code(), id)
                .ifPresent(m -> customers.add(MemberJson.toJson(m, store.timezone()))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customers", customers);
        body.put("total", ids.size());
        return ApiResponse.ok(body);
    }

    private interface Pager {
        List<String> read(int offset, int limit);
    }

    private static void readAll(Pager pager, Set<String> into) {
        for (int offset = 0; ; offset += READ_PAGE) {
            List<String> page = pager.read(offset, READ_PAGE);
            into.addAll(page);
            if (page.size() < READ_PAGE) {
                return;
            }
        }
    }
}
