package org.serverlessloyalty.shared.access.model;

import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.points.rules.MemberIds;
import org.serverlessloyalty.shared.store.model.Store;

/** Who is calling, once {@link LoyaltyAuthorization} let them through, and for which store. */
public sealed interface Caller {

    Store store();

    /** The issuer Open Loyalty records on what this caller does (rule P4): admin, seller or api. */
    String issuer();

    /**
     * The member id of the path, when this caller may act for that member; a customer token naming another member
     * is answered 404, as a member that does not exist, so a token never tells which other ids exist.
     */
    default String member(String pathMemberId) {
        return pathMemberId;
    }

    /** The deployment admin key: any store. */
    record Admin(Store store) implements Caller {
        @Override
        public String issuer() {
            return "admin";
        }
    }

    /** The store's key: its shop's server or point of sale, as that store's admin and seller. */
    record StoreKey(Store store) implements Caller {
        @Override
        public String issuer() {
            return "api";
        }
    }

    /** Nobody in particular: an {@link Access#PUBLIC} route of an active store. */
    record Anonymous(Store store) implements Caller {
        @Override
        public String issuer() {
            return "anonymous";
        }
    }

    /** A customer token: one member of one store. */
    record Customer(Store store, String memberId) implements Caller {
        @Override
        public String issuer() {
            return "customer";
        }

        @Override
        public String member(String pathMemberId) {
            if (!MemberIds.parse(pathMemberId).map(memberId::equals).orElse(false)) {
                throw ApiException.notFound("Customer " + org.serverlessloyalty.shared.platform.text.PlainText.excerpt(
                        pathMemberId));
            }
            return memberId;
        }
    }
}
