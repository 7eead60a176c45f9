package org.serverlessloyalty.shared.points.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.MemberClaim;
import org.serverlessloyalty.shared.points.model.MemberProfile;

class MemberIdentifiersTest {

    private static MemberProfile profile(String email, String phone, String card, String externalId) {
        return new MemberProfile("Jane", "Doe", null, email, phone, null, null, null, card, externalId, List.of(),
                false, false, false);
    }

    @Test
    void anEmailIsClaimedLowerCasedSoItIsUniqueWhateverItsCase() {
        assertThat(MemberIdentifiers.claims(profile("Jane.Doe@Example.COM", null, null, null)))
                .containsExactly(new MemberClaim(ClaimKind.EMAIL, "jane.doe@example.com"));
        assertThat(MemberIdentifiers.claim(ClaimKind.EMAIL, " JANE.doe@example.com "))
                .contains(new MemberClaim(ClaimKind.EMAIL, "jane.doe@example.com"));
    }

    @Test
    void aPhoneLosesItsSeparatorsAndKeepsItsPlus() {
        assertThat(MemberIdentifiers.phone("+48 (22) 123-45-67")).contains("+48221234567");
        assertThat(MemberIdentifiers.phone("0665.99.83.32")).contains("0665998332");
        assertThat(MemberIdentifiers.phone("000000005000")).contains("000000005000");
    }

    @Test
    void refusesPhonesThatAreNotDigits() {
        assertThat(MemberIdentifiers.phone("call me")).isEmpty();
        assertThat(MemberIdentifiers.phone("12")).isEmpty();
        assertThat(MemberIdentifiers.phone("++4812345")).isEmpty();
        assertThat(MemberIdentifiers.phone("1".repeat(21))).isEmpty();
        assertThat(MemberIdentifiers.phone("48+12345")).isEmpty();
    }

    @Test
    void aPhonePrefixIsNormalisedAsAPhone() {
        assertThat(MemberIdentifiers.phonePrefix("+48 22")).contains("+4822");
        assertThat(MemberIdentifiers.phonePrefix("+")).contains("+");
        assertThat(MemberIdentifiers.phonePrefix("abc")).isEmpty();
    }

    @Test
    void eachUniqueValueIsOneClaimAndCardAndExternalIdAreExact() {
        assertThat(MemberIdentifiers.claims(profile("a@b.co", "+331234", "Card-7", "Guid-X"))).containsExactly(
                new MemberClaim(ClaimKind.EMAIL, "a@b.co"), new MemberClaim(ClaimKind.PHONE, "+331234"),
                new MemberClaim(ClaimKind.LOYALTY_CARD_NUMBER, "Card-7"),
                new MemberClaim(ClaimKind.EXTERNAL_ID, "Guid-X"));
        assertThat(MemberIdentifiers.claims(profile(null, null, null, null))).isEmpty();
    }

    @Test
    void looseEmailCheckAsOpenLoyalty() {
        assertThat(MemberIdentifiers.isEmail("john4@example.com")).isTrue();
        assertThat(MemberIdentifiers.isEmail("john4@example")).isFalse();
        assertThat(MemberIdentifiers.isEmail("john 4@example.com")).isFalse();
        assertThat(MemberIdentifiers.isEmail("a@b.c" + "c".repeat(260))).isFalse();
    }
}
