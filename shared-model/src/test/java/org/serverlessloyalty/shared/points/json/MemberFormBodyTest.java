package org.serverlessloyalty.shared.points.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.points.model.Address;
import org.serverlessloyalty.shared.points.model.Company;
import org.serverlessloyalty.shared.points.model.MemberPatch;
import org.serverlessloyalty.shared.points.model.MemberProfile;

/** Open Loyalty's customer forms as its clients send them: form-encoded, bracket fields, every value text. */
class MemberFormBodyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static JsonFields form(String body) {
        return OpenLoyaltyBody.parse(OpenLoyaltyBody.FORM, body.getBytes(StandardCharsets.UTF_8), "customer");
    }

    @Test
    void readsOpenLoyaltysRegisterExample() {
        JsonFields customer = form("customer[firstName]=John&customer[lastName]=Kowalski&customer[email]=john3%40example.com"
                + "&customer[phone]=000000004000&customer[birthDate]=1990-01-01&customer[address][street]=Street"
                + "&customer[address][postal]=00-000&customer[address][city]=Wroclaw"
                + "&customer[address][province]=Dolnoslaskie&customer[address][country]=Poland"
                + "&customer[company][nip]=111-222-33-44&customer[company][name]=Company+name"
                + "&customer[loyaltyCardNumber]=00000000000000002&customer[agreement1]=1&customer[agreement2]=1"
                + "&customer[agreement3]=0");
        var registration = MemberJson.parseRegistration(customer, ZoneId.of("Europe/Warsaw"), NOW);
        assertThat(customer.errors().list()).isEmpty();
        MemberProfile p = registration.profile();
        assertThat(p.email()).isEqualTo("john3@example.com");
        assertThat(p.phone()).isEqualTo("000000004000");
        assertThat(p.address()).isEqualTo(new Address("Street", null, null, "00-000", "Wroclaw", "Dolnoslaskie", "Poland"));
        assertThat(p.company()).isEqualTo(new Company("Company name", "111-222-33-44"));
        assertThat(p.agreement1()).isTrue();
        assertThat(p.agreement2()).isTrue();
        assertThat(p.agreement3()).as("\"0\" is false by Open Loyalty's checkbox rule").isFalse();
    }

    @Test
    void namesErrorsAsTheClientWroteThem() {
        JsonFields customer = form("customer[firstName]=John&customer[email]=nope&customer[address][floor]=2");
        assertThat(MemberJson.parseRegistration(customer, ZoneId.of("UTC"), NOW)).isNull();
        assertThat(customer.errors().list()).extracting(FieldErrors.FieldError::field).containsExactlyInAnyOrder(
                "customer[email]", "customer[address][floor]", "customer[lastName]");
    }

    @Test
    void anEmptyValueErasesAndAnAbsentOneStays() {
        JsonFields customer = form("customer[email]=john4%40example.com&customer[phone]=&customer[agreement2]=1");
        MemberPatch patch = MemberJson.parseUpdate(customer);
        assertThat(customer.errors().list()).isEmpty();
        assertThat(patch.given()).containsExactlyInAnyOrder("email", "phone", "agreement2");
        MemberProfile before = new MemberProfile("John", "Doe", null, "john@example.com", "+331234", null, null, null,
                null, null, List.of(), true, false, false);
        MemberProfile after = patch.applyTo(before);
        assertThat(after.email()).isEqualTo("john4@example.com");
        assertThat(after.phone()).isNull();
        assertThat(after.agreement1()).isTrue();
        assertThat(after.agreement2()).isTrue();
    }

    @Test
    void thePhoneOfOpenLoyaltysUpdateExampleIsAPhoneHere() {
        // Open Loyalty (libphonenumber) refuses +440000000; this engine takes any + and 3-20 digits.
        JsonFields customer = form("customer[phone]=%2B440000000");
        assertThat(MemberJson.parseUpdate(customer).values().phone()).isEqualTo("+440000000");
    }
}
