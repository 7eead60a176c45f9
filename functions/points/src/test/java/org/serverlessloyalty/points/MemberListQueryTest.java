package org.serverlessloyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.points.model.MemberSearch;
import org.serverlessloyalty.shared.points.model.MemberSort;
import org.serverlessloyalty.shared.testing.ApiEvents;

class MemberListQueryTest {

    private static MemberSearch parse(UnaryOperator<ApiEvents> query) {
        return MemberListQuery.parse(new ApiRequest(query.apply(ApiEvents.route("GET /api/{storeCode}/admin/customer",
                "13")).build()));
    }

    private static List<String> refused(UnaryOperator<ApiEvents> query) {
        try {
            parse(query);
            throw new AssertionError("accepted");
        } catch (ApiException e) {
            return e.fieldErrors().list().stream().map(FieldErrors.FieldError::field).toList();
        }
    }

    @Test
    void openLoyaltysDefaultsNewestFirstTenAPage() {
        MemberSearch search = parse(q -> q);
        assertThat(search).isEqualTo(MemberSearch.all(1, 10));
    }

    @Test
    void readsTheDocumentedFiltersAndPaging() {
        MemberSearch search = parse(q -> q.query("email", "example.com").query("strict", "1").query("page", "2")
                .query("perPage", "2").query("sort", "customerId").query("direction", "DESC")
                .query("phone", "+48 22 123").query("labels[0][key]", "vip").query("labels[0][value]", "gold")
                .query("labels[1][key]", "source").query("hoursFromLastUpdateTo", "24").query("_locale", "pl"));
        assertThat(search.strict()).isTrue();
        assertThat(search.email()).isEqualTo("example.com");
        assertThat(search.phone()).isEqualTo("+4822123");
        assertThat(search.page()).isEqualTo(2);
        assertThat(search.perPage()).isEqualTo(2);
        assertThat(search.sort()).isEqualTo(MemberSort.CUSTOMER_ID);
        assertThat(search.descending()).isTrue();
        assertThat(search.labels()).containsExactly(new Label("vip", "gold"), new Label("source", null));
        assertThat(search.hoursFromLastUpdateTo()).isEqualTo(24);
        assertThat(parse(q -> q.query("sort", "lastName")).descending()).as("a column sorts ascending").isFalse();
    }

    @Test
    void refusesTransactionFiltersAndBadValuesNamingEach() {
        assertThat(refused(q -> q.query("transactionsCountFrom", "1").query("scrollId", "")
                .query("strict", "maybe").query("perPage", "1000").query("sort", "points").query("direction", "up")
                .query("phone", "abc").query("labels[0][value]", "gold")))
                .containsExactlyInAnyOrder("transactionsCountFrom", "strict", "perPage", "sort", "direction", "phone",
                        "labels[0][key]");
        assertThat(refused(q -> q.query("page", "101").query("perPage", "100"))).containsExactly("page");
    }
}
