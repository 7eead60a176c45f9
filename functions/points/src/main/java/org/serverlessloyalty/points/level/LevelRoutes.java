package org.serverlessloyalty.points.level;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.level.json.LevelJson;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.service.Levels;
import org.serverlessloyalty.shared.level.service.MemberLevels;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.rules.MemberIds;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Open Loyalty's level routes (section 1.B.5): L-1..L-7 on the levels, L-8 and L-9 on a member's manual level. The
 * store's key acts as admin and seller; a customer token reads the levels (L-7).
 */
public final class LevelRoutes {

    static final String LEVEL = "level";
    static final String CUSTOMER = "customer";

    private final Levels levels;
    private final MemberLevels memberLevels;
    private final MemberDirectory members;
    private final Clock clock;

    public LevelRoutes(Levels levels, MemberLevels memberLevels, MemberDirectory members, Clock clock) {
        this.levels = levels;
        this.memberLevels = memberLevels;
        this.members = members;
        this.clock = clock;
    }

    /** L-1: 200 {@code {"id"}}. */
    public ApiResponse create(ApiRequest request, Caller caller) {
        Level form = form(request);
        Level created = levels.create(caller.store().code(), form);
        return ApiResponse.ok(Map.of("id", created.id()));
    }

    /** L-2: the whole form again; 200 {@code {"id"}}. */
    public ApiResponse update(ApiRequest request, Caller caller) {
        // The body first: a bad one is a 400 naming its fields whatever the path names (HostileBodiesIT).
        Level form = form(request);
        String id = levelId(request);
        Level changed = levels.replace(caller.store().code(), id, form).orElseThrow(() -> notFound(id));
        return ApiResponse.ok(Map.of("id", changed.id()));
    }

    /** L-3 (admin and seller). */
    public ApiResponse get(ApiRequest request, Caller caller) {
        String id = levelId(request);
        StoreCode store = caller.store().code();
        Level level = levels.find(store, id).orElseThrow(() -> notFound(id));
        return ApiResponse.ok(LevelJson.toJson(level, levels.customersCount(store, id)));
    }

    /** L-4 (admin and seller): by condition value. */
    public ApiResponse list(ApiRequest request, Caller caller) {
        Paging paging = Paging.of(request);
        StoreCode store = caller.store().code();
        List<Level> all = levels.list(store);
        List<Map<String, Object>> page = new ArrayList<>();
        for (Level level : slice(all, paging)) {
            page.add(LevelJson.toJson(level, levels.customersCount(store, level.id())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("levels", page);
        body.put("total", all.size());
        return ApiResponse.ok(body);
    }

    /** L-5: {@code active} by Open Loyalty's checkbox rule (absent is false); 204. */
    public ApiResponse activate(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, LEVEL);
        body.rejectUnknown(Set.of("active"));
        Boolean active = body.olBool("active");
        body.errors().throwIfAny();
        String id = levelId(request);
        levels.activate(caller.store().code(), id, Boolean.TRUE.equals(active)).orElseThrow(() -> notFound(id));
        return ApiResponse.noContent();
    }

    /** L-6: the level's members, in member-id order, with the total. */
    public ApiResponse customers(ApiRequest request, Caller caller) {
        String id = levelId(request);
        StoreCode store = caller.store().code();
        levels.find(store, id).orElseThrow(() -> notFound(id));
        Paging paging = Paging.of(request);
        return MemberPage.of(levels.members(store, id, paging.page(), paging.perPage()),
                levels.customersCount(store, id), members, caller);
    }

    /** L-7: the active levels as a customer sees them. */
    public ApiResponse customerList(ApiRequest request, Caller caller) {
        Paging paging = Paging.of(request);
        List<Level> active = levels.list(caller.store().code()).stream().filter(Level::active).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("levels", slice(active, paging).stream().map(LevelJson::toCustomerJson).toList());
        body.put("total", active.size());
        return ApiResponse.ok(body);
    }

    /**
     * L-8: {@code levelId} becomes the member's level and floor (L5); 200 {@code []}. Without it, Open Loyalty's
     * {@code {"levelId":"field is required"}}; an unknown level is 400 too (section 4 item 10; 500 in Open Loyalty).
     */
    public ApiResponse assign(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, "assign");
        body.rejectUnknown(Set.of("levelId"));
        String raw = body.string("levelId", 64);
        body.errors().throwIfAny();
        String memberId = memberId(request, caller);
        if (raw == null || raw.isEmpty()) {
            return refusal(request, body.path("levelId"), "field is required");
        }
        String levelId = MemberIds.parse(raw).orElse(null);
        MemberLevels.Assignment outcome = levelId == null ? new MemberLevels.Assignment.NoSuchLevel()
                : memberLevels.assign(zone(caller), memberId, levelId);
        if (outcome instanceof MemberLevels.Assignment.NoSuchLevel) {
            return refusal(request, body.path("levelId"), "no such level");
        }
        return ApiResponse.ok(List.of());
    }

    /** L-9: the floor is lifted and the level recalculated from the member's amount now; 200 {@code []}. */
    public ApiResponse removeManual(ApiRequest request, Caller caller) {
        String memberId = memberId(request, caller);
        memberLevels.removeManual(zone(caller), memberId);
        return ApiResponse.ok(List.of());
    }

    private String memberId(ApiRequest request, Caller caller) {
        String raw = caller.member(request.pathParameter(CUSTOMER));
        String id = MemberIds.parse(raw).orElseThrow(() -> ApiException.notFound("Customer " + PlainText.excerpt(raw)));
        members.find(caller.store().code(), id).orElseThrow(() -> ApiException.notFound("Customer " + id));
        return id;
    }

    private Level form(ApiRequest request) {
        JsonFields body = OpenLoyaltyBody.parse(request, LEVEL);
        Level form = LevelJson.parse(body, clock.instant());
        body.errors().throwIfAny();
        return form;
    }

    static <T> List<T> slice(List<T> all, Paging paging) {
        int from = Math.min(all.size(), paging.offset());
        int to = Math.min(all.size(), from + paging.perPage());
        return all.subList(from, to);
    }

    /** A level id that cannot exist names no level: 404, as Open Loyalty's param converters answer. */
    static String levelId(ApiRequest request) {
        String raw = request.pathParameter(LEVEL);
        return MemberIds.parse(raw).orElseThrow(() -> notFound(raw));
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("Level " + PlainText.excerpt(id));
    }

    static StoreZone zone(Caller caller) {
        return new StoreZone(caller.store().code(), caller.store().timezone());
    }

    /**
     * The one error shape with Open Loyalty's text in {@code error} beside the field named as sent, as the points
     * refusals answer (Open Loyalty answers {@code {"levelId":"field is required"}}; its text is in {@code error}).
     */
    static ApiResponse refusal(ApiRequest request, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", 400);
        error.put("code", "VALIDATION_FAILED");
        error.put("message", "The request has invalid fields");
        error.put("errors", FieldErrors.single(field, message).list());
        error.put("error", message);
        error.put("requestId", request.requestId());
        return new ApiResponse(400, error);
    }
}
