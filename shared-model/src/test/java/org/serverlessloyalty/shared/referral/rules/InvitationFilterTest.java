package org.serverlessloyalty.shared.referral.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.referral.model.Invitation;
import org.serverlessloyalty.shared.referral.model.InvitationStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The docs' GET /invitations filters. */
class InvitationFilterTest {

    private static final Invitation SENT = new Invitation(new StoreCode("13"), "i-1", "tok", "alice-id",
            "Alice@Example.com", "Alice Doe", "bob@example.com", "+33600000000", null, InvitationStatus.INVITED,
            Instant.parse("2026-11-29T10:00:00Z"));

    @Test
    void emailsAndNamesMatchAsCaseInsensitivePartsIdsAndPhonesExactly() {
        assertThat(new InvitationFilter(null, "alice@", "doe", null, "BOB", null, Optional.empty()).test(SENT)).isTrue();
        assertThat(new InvitationFilter("alice", null, null, null, null, null, Optional.empty()).test(SENT)).isFalse();
        assertThat(new InvitationFilter(null, null, null, null, null, "+33600000000", Optional.empty()).test(SENT))
                .isTrue();
        assertThat(new InvitationFilter(null, null, null, "bob-id", null, null, Optional.empty()).test(SENT)).isFalse();
    }

    @Test
    void statusFiltersAndItsDocsLabelsParse() {
        assertThat(InvitationStatus.parse("Made purchase")).contains(InvitationStatus.MADE_PURCHASE);
        assertThat(InvitationStatus.parse("Registered")).contains(InvitationStatus.REGISTERED);
        assertThat(new InvitationFilter(null, null, null, null, null, null, Optional.of(InvitationStatus.INVITED))
                .test(SENT)).isTrue();
        assertThat(new InvitationFilter(null, null, null, null, null, null, Optional.of(InvitationStatus.REGISTERED))
                .test(SENT)).isFalse();
        assertThat(InvitationFilter.ALL.test(SENT.withRecipient("bob-id").purchased())).isTrue();
    }
}
