package org.serverlessloyalty.shared.fakes;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.port.MemberLookup;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Members kept in memory, resolved as rule P10 says: by id, then email (any case), then phone. */
public final class InMemoryMembers implements MemberLookup {

    private final Map<String, MemberRef> byKey = new ConcurrentHashMap<>();

    public InMemoryMembers add(MemberRef member) {
        byKey.put(member.store() + "|" + member.memberId(), member);
        return this;
    }

    /** A member of {@code store} in status {@code active}, with an email and phone derived from the id. */
    public MemberRef add(StoreCode store, String memberId) {
        MemberRef member = new MemberRef(store, memberId, "active", memberId + "@example.com",
                "+3360" + Math.abs(memberId.hashCode() % 10_000_000), "card-" + memberId, "First" + memberId,
                "Last" + memberId);
        add(member);
        return member;
    }

    @Override
    public Optional<MemberRef> byId(StoreCode store, String memberId) {
        return Optional.ofNullable(byKey.get(store + "|" + memberId));
    }

    @Override
    public Optional<MemberRef> resolve(StoreCode store, String idEmailOrPhone) {
        Optional<MemberRef> byId = byId(store, idEmailOrPhone);
        if (byId.isPresent()) {
            return byId;
        }
        String wanted = idEmailOrPhone.toLowerCase(Locale.ROOT);
        return byKey.values().stream().filter(m -> m.store().equals(store))
                .filter(m -> m.email() != null && m.email().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .or(() -> byKey.values().stream().filter(m -> m.store().equals(store))
                        .filter(m -> idEmailOrPhone.equals(m.phone())).findFirst());
    }
}
