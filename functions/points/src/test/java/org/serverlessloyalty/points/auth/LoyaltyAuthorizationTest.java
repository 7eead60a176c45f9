package org.serverlessloyalty.points.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.points.testing.InMemoryTokenSecrets;
import org.serverlessloyalty.shared.access.model.Access;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.access.service.AdminKey;
import org.serverlessloyalty.shared.access.service.CustomerTokens;
import org.serverlessloyalty.shared.access.service.LoyaltyAuthorization;
import org.serverlessloyalty.shared.fakes.CountingStoreRepository;
import org.serverlessloyalty.shared.fakes.Fixtures;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.points.service.CustomerTokenKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.testing.ApiEvents;


/** Who may call what: every credential against every kind of route, and the store and member it names. */
class LoyaltyAuthorizationTest {

    private static final String ADMIN = "the-admin-key";
    private static final String KEY_A = "sl_a_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String KEY_B = "sl_b_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final String KEY_OFF = "sl_off_cccccccccccccccccccccccccccccccccccccccc";
    private static final String M1 = "e0eb0355-8aaa-4fb1-8159-f58e81b7a25c";
    private static final String M2 = "00000000-0000-474c-b092-b0dd880c07e1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final CountingStoreRepository stores = new CountingStoreRepository()
            .with(Fixtures.storeWithKey("a", KEY_A, true))
            .with(Fixtures.storeWithKey("b", KEY_B, true))
            .with(Fixtures.storeWithKey("off", KEY_OFF, false));
    private final CustomerTokens tokens = new CustomerTokens(new CustomerTokenKeys(new InMemoryTokenSecrets(), clock),
            clock, Duration.ofMinutes(15));
    private final LoyaltyAuthorization authorization = new LoyaltyAuthorization(new AdminKey(() -> ADMIN),
            new StoreAccess(stores, Duration.ofSeconds(30), clock), tokens);

    private static ApiRequest request(String store, UnaryOperator<ApiEvents> credentials) {
        return new ApiRequest(credentials.apply(ApiEvents.route("POST /api/{storeCode}/anything", store)).build());
    }

    private int status(String store, UnaryOperator<ApiEvents> credentials, Access access) {
        try {
            authorization.authorize(request(store, credentials), access);
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    @Test
    void theAdminKeyOpensEveryRouteOfEveryStoreThatExists() {
        for (Access access : EnumSet.complementOf(EnumSet.of(Access.CUSTOMER_SELF, Access.PUBLIC))) {
            assertThat(authorization.authorize(request("a", e -> e.bearer(ADMIN)), access))
                    .isInstanceOf(Caller.Admin.class).extracting(Caller::store).extracting(s -> s.code().value())
                    .isEqualTo("a");
            assertThat(status("b", e -> e.header("x-auth-token", ADMIN), access)).isEqualTo(200);
            assertThat(status("off", e -> e.bearer(ADMIN), access)).as("an inactive store is still the admin's")
                    .isEqualTo(200);
            assertThat(status("nowhere", e -> e.bearer(ADMIN), access)).isEqualTo(404);
        }
    }

    @Test
    void aPublicRouteTakesNoCredentialButOnlyAnActiveStoreThatExists() {
        assertThat(authorization.authorize(request("a", e -> e), Access.PUBLIC)).isInstanceOf(Caller.Anonymous.class)
                .extracting(Caller::store).extracting(s -> s.code().value()).isEqualTo("a");
        assertThat(status("a", e -> e.bearer("not-a-key-at-all"), Access.PUBLIC)).as("a credential is not checked")
                .isEqualTo(200);
        assertThat(status("off", e -> e, Access.PUBLIC)).as("a deactivated store").isEqualTo(404);
        assertThat(status("nowhere", e -> e, Access.PUBLIC)).isEqualTo(404);
    }

    @Test
    void aStoreKeyIsItsOwnStoresAdminAndSellerButNeverTheDeploymentAdmin() {
        for (Access access : EnumSet.of(Access.STORE_ADMIN, Access.SELLER, Access.TOKEN_ISSUER, Access.MEMBER)) {
            assertThat(authorization.authorize(request("a", e -> e.bearer(KEY_A)), access)).isInstanceOf(Caller.StoreKey.class);
            assertThat(status("a", e -> e.header("x-api-key", KEY_A), access)).isEqualTo(200);
            assertThat(status("b", e -> e.bearer(KEY_A), access)).as("another store's path").isEqualTo(404);
            assertThat(status("off", e -> e.bearer(KEY_OFF), access)).as("an inactive store").isEqualTo(404);
            assertThat(status("a", e -> e.bearer("sl_a_notthekeynotthekeynotthekeynotthekey"), access)).isEqualTo(401);
        }
        assertThat(status("a", e -> e.bearer(KEY_A), Access.DEPLOYMENT_ADMIN)).isEqualTo(401);
        assertThat(status("a", e -> e.header("x-auth-token", KEY_A), Access.STORE_ADMIN))
                .as("X-AUTH-TOKEN carries the admin key only").isEqualTo(401);
    }

    @Test
    void aCustomerTokenOpensOnlyItsOwnMembersRoutesOfItsStore() {
        String token = tokens.issue(new StoreCode("a"), M1).token();
        Caller caller = authorization.authorize(request("a", e -> e.bearer(token)), Access.MEMBER);
        assertThat(caller).isEqualTo(new Caller.Customer(stores.find(new StoreCode("a")).orElseThrow(), M1));
        assertThat(caller.member(M1.toUpperCase())).isEqualTo(M1);
        assertThatThrownBy(() -> caller.member(M2)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
        assertThatThrownBy(() -> caller.member("jane@example.com")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
        for (Access access : EnumSet.complementOf(EnumSet.of(Access.MEMBER, Access.CUSTOMER_SELF, Access.PUBLIC))) {
            assertThat(status("a", e -> e.bearer(token), access)).as(access.name()).isEqualTo(401);
        }
        assertThat(authorization.authorize(request("a", e -> e.bearer(token)), Access.CUSTOMER_SELF)).isEqualTo(caller);
        tokens.issue(new StoreCode("b"), M2);
        assertThat(status("b", e -> e.bearer(token), Access.MEMBER)).as("another store").isEqualTo(401);
        assertThat(status("a", e -> e.header("x-auth-token", token), Access.MEMBER)).isEqualTo(401);
    }

    @Test
    void theLoggedInCustomersRoutesTakeOnlyACustomerTokenForNoKeyHasAMemberToActFor() {
        assertThat(status("a", e -> e.bearer(ADMIN), Access.CUSTOMER_SELF)).isEqualTo(401);
        assertThat(status("a", e -> e.header("x-auth-token", ADMIN), Access.CUSTOMER_SELF)).isEqualTo(401);
        assertThat(status("a", e -> e.bearer(KEY_A), Access.CUSTOMER_SELF)).isEqualTo(401);
        String token = tokens.issue(new StoreCode("a"), M1).token();
        assertThat(authorization.authorize(request("a", e -> e.bearer(token)), Access.CUSTOMER_SELF))
                .isEqualTo(new Caller.Customer(stores.find(new StoreCode("a")).orElseThrow(), M1));
    }

    @Test
    void aStoreKeyOrTheAdminMayActForAnyMember() {
        assertThat(authorization.authorize(request("a", e -> e.bearer(KEY_A)), Access.MEMBER).member(M2)).isEqualTo(M2);
        assertThat(authorization.authorize(request("a", e -> e.bearer(ADMIN)), Access.MEMBER).member(M2)).isEqualTo(M2);
    }

    @Test
    void noCredentialOrAnUnknownOneIs401() {
        for (Access access : EnumSet.complementOf(EnumSet.of(Access.PUBLIC))) {
            assertThat(status("a", e -> e, access)).isEqualTo(401);
            assertThat(status("a", e -> e.bearer("guess"), access)).isEqualTo(401);
            assertThat(status("a", e -> e.bearer("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."), access)).isEqualTo(401);
        }
    }
}
