package org.serverlessloyalty.points.level;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.points.json.MemberJson;
import org.serverlessloyalty.shared.points.service.MemberDirectory;

/** A page of a level's or a segment's members as Open Loyalty lists them: {@code {"customers":[…],"total":N}}. */
final class MemberPage {

    private MemberPage() {
    }

    /** The members of {@code memberIds} that still exist, in that order, and the list's {@code total}. */
    static ApiResponse of(List<String> memberIds, long total, MemberDirectory members, Caller caller) {
        List<Map<String, Object>> customers = new ArrayList<>();
        for (String memberId : memberIds) {
            members.find(caller.store().code(), memberId).ifPresent(m -> customers.add(
                    MemberJson.toJson(m, caller.store().timezone())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customers", customers);
        body.put("total", total);
        return ApiResponse.ok(body);
    }
}
