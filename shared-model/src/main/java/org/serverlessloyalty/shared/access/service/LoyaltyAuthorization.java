package org.serverlessloyalty.shared.access.service;

import java.util.Optional;
import org.serverlessloyalty.shared.access.model.Access;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreAccess;

/**
 * Who may call what in the points family, decided here and nowhere else. Three credentials:
 * <ul>
 *   <li>the deployment admin key ({@code Authorization: Bearer} or Open Loyalty's {@code X-AUTH-TOKEN}): every route
 *       of every store that exists;</li>
 *   <li>a store key {@code sl_<store>_...} ({@code X-Api-Key} or {@code Authorization: Bearer}): its own store's
 *       admin, seller, token and member routes, never {@code /api/store/...}; another store's path is 404;</li>
 *   <li>a customer token ({@code Authorization: Bearer eyJ...}): only {@code /api/{storeCode}/customer/...} routes
 *       of its store, and only for its own member (another member's id is 404, {@link Caller#member}); the
 *       {@link Access#CUSTOMER_SELF} routes take nothing else.</li>
 * </ul>
 * No credential, an unknown one, or one that this route does not take is 401. The kind of a credential is read from
 * its shape: store keys start with {@code sl_}, tokens are JWTs; anything else is compared with the admin key.
 */
public final class LoyaltyAuthorization {

    private final AdminKey adminKey;
    private final StoreAccess stores;
    private final CustomerTokens tokens;

    public LoyaltyAuthorization(AdminKey adminKey, StoreAccess stores, CustomerTokens tokens) {
        this.adminKey = adminKey;
        this.stores = stores;
        this.tokens = tokens;
    }

    /** The caller of {@code request} on the path's {@code storeCode}, if {@code access} lets them in. */
    public Caller authorize(ApiRequest request, Access access) {
        if (access == Access.PUBLIC) {
            // A store that does not exist or is deactivated shows nothing, as a path that is not there.
            String pathStore = request.pathParameter("storeCode");
            return new Caller.Anonymous(existing(pathStore).filter(Store::active)
                    .orElseThrow(() -> ApiException.notFound("Store " + PlainText.excerpt(pathStore))));
        }
        Optional<String> openLoyaltyToken = request.header("x-auth-token").map(String::strip);
        String presented = openLoyaltyToken.or(request::apiKey).orElseThrow(ApiException::unauthorized);
        String pathStore = request.pathParameter("storeCode");
        if (openLoyaltyToken.isEmpty() && ApiKey.claimedStore(presented).isPresent()) {
            if (access == Access.DEPLOYMENT_ADMIN || access == Access.CUSTOMER_SELF) {
                throw ApiException.unauthorized();
            }
            return new Caller.StoreKey(stores.authenticate(pathStore, Optional.of(presented)));
        }
        if (openLoyaltyToken.isEmpty() && CustomerTokens.looksLikeToken(presented)) {
            if (access != Access.MEMBER && access != Access.CUSTOMER_SELF) {
                throw ApiException.unauthorized();
            }
            Store store = existing(pathStore).filter(Store::active).orElseThrow(ApiException::unauthorized);
            String memberId = tokens.verify(store.code(), presented).orElseThrow(ApiException::unauthorized);
            return new Caller.Customer(store, memberId);
        }
        if (!adminKey.matches(presented) || access == Access.CUSTOMER_SELF) {
            throw ApiException.unauthorized();
        }
        return new Caller.Admin(existing(pathStore)
                .orElseThrow(() -> ApiException.notFound("Store " + PlainText.excerpt(pathStore))));
    }

    private Optional<Store> existing(String pathStore) {
        return StoreCode.isValid(pathStore) ? stores.store(new StoreCode(pathStore)) : Optional.empty();
    }
}
