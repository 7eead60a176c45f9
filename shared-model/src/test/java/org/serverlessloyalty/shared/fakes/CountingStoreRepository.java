package org.serverlessloyalty.shared.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.serverlessloyalty.shared.platform.persistence.AlreadyExistsException;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.port.StoreRepository;

/** Stores in memory; counts every {@link #find} so tests can see what a cache saves. */
public final class CountingStoreRepository implements StoreRepository {

    private final Map<String, Store> stores = new TreeMap<>();
    private int finds;

    public CountingStoreRepository with(Store store) {
        stores.put(store.code().value(), store);
        return this;
    }

    public int finds() {
        return finds;
    }

    @Override
    public void create(Store store, byte[] publishableKeyHash) {
        if (stores.containsKey(store.code().value())) {
            throw new AlreadyExistsException(List.of(store.code().value()));
        }
        stores.put(store.code().value(), store);
    }

    @Override
    public Optional<Store> find(StoreCode code) {
        finds++;
        return Optional.ofNullable(stores.get(code.value()));
    }

    @Override
    public List<Store> list(StoreCode after, int limit) {
        List<Store> out = new ArrayList<>();
        for (var e : stores.entrySet()) {
            if ((after == null || e.getKey().compareTo(after.value()) > 0) && out.size() < limit) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    @Override
    public boolean update(Store store) {
        return stores.replace(store.code().value(), store) != null;
    }

    @Override
    public boolean replacePublishableKeyHash(StoreCode code, byte[] publishableKeyHash, Instant now) {
        return stores.containsKey(code.value());
    }

    @Override
    public boolean replaceApiKeyHash(StoreCode code, byte[] apiKeyHash, Instant now) {
        Store old = stores.get(code.value());
        if (old == null) {
            return false;
        }
        stores.put(code.value(), old.withApiKeyHash(apiKeyHash, now));
        return true;
    }
}
