package org.serverlessloyalty.points.level;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.rules.MemberIds;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.segment.json.SegmentJson;
import org.serverlessloyalty.shared.segment.model.Segment;
import org.serverlessloyalty.shared.segment.service.Segments;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Static segments under {@code /api/{storeCode}/segment...} (admin: the admin key or the store's key). Open Loyalty's
 * documentation defines no segment API; this is the simplest that lets earning rules and campaigns target members
 * by segment: a named list, members added and removed by id.
 */
public final class SegmentRoutes {

    static final String SEGMENT = "segment";
    /** Members added by one request: each is one small transaction. */
    static final int MAX_MEMBERS_PER_REQUEST = 100;

    private final Segments segments;
    private final MemberDirectory members;
    private final Clock clock;

    public SegmentRoutes(Segments segments, MemberDirectory members, Clock clock) {
        this.segments = segments;
        this.members = members;
        this.clock = clock;
    }

    /** 200 {@code {"segmentId"}}. */
    public ApiResponse create(ApiRequest request, Caller caller) {
        Segment created = segments.create(caller.store().code(), form(request));
        return ApiResponse.ok(Map.of("segmentId", created.id()));
    }

    public ApiResponse update(ApiRequest request, Caller caller) {
        Segment form = form(request);
        String id = segmentId(request);
        segments.replace(caller.store().code(), id, form).orElseThrow(() -> notFound(id));
        return ApiResponse.ok(Map.of("segmentId", id));
    }

    public ApiResponse get(ApiRequest request, Caller caller) {
        String id = segmentId(request);
        StoreCode store = caller.store().code();
        Segment segment = segments.find(store, id).orElseThrow(() -> notFound(id));
        return ApiResponse.ok(SegmentJson.toJson(segment, segments.customersCount(store, id)));
    }

    public ApiResponse list(ApiRequest request, Caller caller) {
        Paging paging = Paging.of(request);
        StoreCode store = caller.store().code();
        List<Segment> all = segments.list(store);
        List<Map<String, Object>> page = new ArrayList<>();
        for (Segment segment : LevelRoutes.slice(all, paging)) {
            page.add(SegmentJson.toJson(segment, segments.customersCount(store, segment.id())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("segments", page);
        body.put("total", all.size());
        return ApiResponse.ok(body);
    }

    /**
     * {@code {"customers":["<id>",...]}} (or {@code customers[0]=<id>}): each member put in the segment; a member
     * already in it stays once. 400 naming every id that is not a member of the store, and nothing is written.
     */
    public ApiResponse addMembers(ApiRequest request, Caller caller) {
        StoreCode store = caller.store().code();
        JsonFields body = OpenLoyaltyBody.parse(request, SEGMENT);
        body.rejectUnknown(Set.of("customers"));
        List<String> given = body.strings("customers", MAX_MEMBERS_PER_REQUEST, 64);
        if (given == null && body.errors().isEmpty()) {
            body.errors().add(body.path("customers"), "is required: a list of customer ids");
        }
        body.errors().throwIfAny();
        if (given.isEmpty()) {
            throw ApiException.badRequest(FieldErrors.single(body.path("customers"), "must name at least one customer"));
        }
        List<String> ids = new ArrayList<>();
        FieldErrors errors = FieldErrors.none();
        for (int i = 0; i < given.size(); i++) {
            String memberId = MemberIds.parse(given.get(i)).orElse(null);
            if (memberId == null) {
                errors.add(body.path("customers") + "[" + i + "]", "This is not a valid UUID.");
            }
            ids.add(memberId == null ? "" : memberId);
        }
        errors.throwIfAny();
        String id = segmentId(request);
        segments.find(store, id).orElseThrow(() -> notFound(id));
        for (int index : segments.unknownMembers(store, ids)) {
            errors.add(body.path("customers") + "[" + index + "]", "such customer does not exist");
        }
        errors.throwIfAny();
        if (!segments.add(store, id, ids)) {
            throw notFound(id);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("segmentId", id);
        answer.put("customersCount", segments.customersCount(store, id));
        return ApiResponse.ok(answer);
    }

    /** 204, also when the member was not in it. */
    public ApiResponse removeMember(ApiRequest request, Caller caller) {
        String id = segmentId(request);
        StoreCode store = caller.store().code();
        segments.find(store, id).orElseThrow(() -> notFound(id));
        String raw = request.pathParameter("customer");
        String memberId = MemberIds.parse(raw)
                .orElseThrow(() -> ApiException.notFound("Customer " + PlainText.excerpt(raw)));
        segments.remove(store, id, memberId);
        return ApiResponse.noContent();
    }

    public ApiResponse customers(ApiRequest request, Caller caller) {
        String id = segmentId(request);
        StoreCode store = caller.store().code();
        segments.find(store, id).orElseThrow(() -> notFound(id));
        Paging paging = Paging.of(request);
        return MemberPage.of(segments.members(store, id, paging.page(), paging.perPage()),
                segments.customersCount(store, id), members, caller);
    }

    private Segment form(ApiRequest request) {
        JsonFields body = OpenLoyaltyBody.parse(request, SEGMENT);
        Segment form = SegmentJson.parse(body, clock.instant());
        body.errors().throwIfAny();
        return form;
    }

    static String segmentId(ApiRequest request) {
        String raw = request.pathParameter(SEGMENT);
        return MemberIds.parse(raw).orElseThrow(() -> notFound(raw));
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("Segment " + PlainText.excerpt(id));
    }
}
