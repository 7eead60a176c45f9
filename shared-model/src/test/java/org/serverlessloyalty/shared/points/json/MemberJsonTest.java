package org.serverlessloyalty.shared.points.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.points.model.Address;
import org.serverlessloyalty.shared.points.model.Gender;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberPatch;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;

class MemberJsonTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static JsonFields fields(String json, FieldErrors errors) {
        return JsonFields.root(Json.parseObject(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), errors);
    }

    private static List<String> fieldsNamed(FieldErrors errors) {
        return errors.list().stream().map(FieldErrors.FieldError::field).toList();
    }

    @Test
    void readsOpenLoyaltysFullRegistration() {
        FieldErrors errors = FieldErrors.none();
        var registration = MemberJson.parseRegistration(fields("""
                {"firstName":"John","lastName":"Kowalski","email":"john3@example.com","phone":"000000004000",
                 "gender":"male","birthDate":"1990-01-01","address":{"street":"Street","postal":"00-000","city":"Wroclaw",
                 "province":"Dolnoslaskie","country":"Poland"},"company":{"nip":"111-222-33-44","name":"Company name"},
                 "loyaltyCardNumber":"00000000000000002","labels":"vip:gold;source:shop","agreement1":true,
                 "agreement2":1,"agreement3":false,"externalId":"bbc47c1f","createdAt":"2017-01-01 14:15:16"}
                """, errors), PARIS, NOW);
        assertThat(errors.list()).isEmpty();
        MemberProfile p = registration.profile();
        assertThat(p.gender()).isEqualTo(Gender.MALE);
        assertThat(p.birthDate()).isEqualTo(LocalDate.parse("1990-01-01"));
        assertThat(p.address()).isEqualTo(new Address("Street", null, null, "00-000", "Wroclaw", "Dolnoslaskie", "Poland"));
        assertThat(p.labels()).containsExactly(new Label("vip", "gold"), new Label("source", "shop"));
        assertThat(p.agreement1()).isTrue();
        assertThat(p.agreement2()).isTrue();
        assertThat(registration.createdAt()).isEqualTo(Instant.parse("2017-01-01T13:15:16Z"));
    }

    @Test
    void namesEveryBadAndMissingFieldAtOnce() {
        FieldErrors errors = FieldErrors.none();
        var registration = MemberJson.parseRegistration(fields("""
                {"firstName":"J","email":"not-an-email","phone":"call me","gender":"other","birthDate":"yesterday",
                 "labels":"novalue","company":{"name":"Acme"},"password":"secret","createdAt":"2099-01-01"}
                """, errors), PARIS, NOW);
        assertThat(registration).isNull();
        assertThat(fieldsNamed(errors)).containsExactlyInAnyOrder("password", "gender", "email", "phone", "birthDate",
                "company.nip", "labels", "createdAt", "lastName");
    }

    @Test
    void aPhoneGivenAsANumberIsReadAsItsDigits() {
        FieldErrors errors = FieldErrors.none();
        var registration = MemberJson.parseRegistration(fields(
                "{\"firstName\":\"A\",\"lastName\":\"B\",\"phone\":48111222333}", errors), PARIS, NOW);
        assertThat(errors.list()).isEmpty();
        assertThat(registration.profile().phone()).isEqualTo("48111222333");
    }

    @Test
    void anUpdateGivesOnlyItsFieldsAndAnEmptyValueErases() {
        FieldErrors errors = FieldErrors.none();
        MemberPatch patch = MemberJson.parseUpdate(fields(
                "{\"email\":\"john4@example.com\",\"phone\":\"\",\"agreement2\":true,\"address\":{\"city\":\"Lyon\"}}",
                errors));
        assertThat(errors.list()).isEmpty();
        MemberProfile before = new MemberProfile("John", "Doe", Gender.MALE, "john@example.com", "+331234", null,
                new Address("Rue", "1", null, "69000", "Paris", null, "FR"), null, "C1", null, List.of(), true, false,
                false);
        MemberProfile after = patch.applyTo(before);
        assertThat(after.email()).isEqualTo("john4@example.com");
        assertThat(after.phone()).isNull();
        assertThat(after.agreement2()).isTrue();
        assertThat(after.agreement1()).as("not given: unchanged").isTrue();
        assertThat(after.address()).as("replaced whole").isEqualTo(new Address(null, null, null, null, "Lyon", null, null));
        assertThat(after.firstName()).isEqualTo("John");
        assertThat(after.loyaltyCardNumber()).isEqualTo("C1");
    }

    @Test
    void anUpdateCannotEraseANameNorSetTheCreationDate() {
        FieldErrors errors = FieldErrors.none();
        assertThat(MemberJson.parseUpdate(fields("{\"firstName\":\"\",\"createdAt\":\"2017-01-01\"}", errors))).isNull();
        assertThat(fieldsNamed(errors)).containsExactlyInAnyOrder("firstName", "createdAt");
    }

    @Test
    void theSameRegistrationHashesTheSameAndAnotherDoesNot() {
        FieldErrors errors = FieldErrors.none();
        var a = MemberJson.parseRegistration(fields("{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@b.co\"}",
                errors), PARIS, NOW);
        var b = MemberJson.parseRegistration(fields("{\"email\":\"a@b.co\",\"lastName\":\"B\",\"firstName\":\"A\"}",
                errors), PARIS, NOW);
        var c = MemberJson.parseRegistration(fields("{\"email\":\"a@b.co\",\"lastName\":\"B\",\"firstName\":\"C\"}",
                errors), PARIS, NOW);
        assertThat(MemberJson.requestHash(a)).isEqualTo(MemberJson.requestHash(b)).isNotEqualTo(MemberJson.requestHash(c));
    }

    @Test
    void answersTheCustomerAsOpenLoyaltyWithItsDatesInTheStoreZone() {
        MemberProfile p = new MemberProfile("Jane", "Doe", Gender.FEMALE, "jane@example.com", null,
                LocalDate.parse("1990-09-11"), null, null, "47834433524", "guid-1", List.of(new Label("vip", "gold")),
                true, false, false);
        Member m = new Member(new StoreCode("13"), "00000000-0000-474c-b092-b0dd880c07e1", MemberStatus.ACTIVE, p,
                Instant.parse("2016-08-08T08:53:14Z"), Instant.parse("2016-08-08T08:53:14Z"), 1, null);
        Map<String, Object> json = MemberJson.toJson(m, PARIS);
        assertThat(json).containsEntry("customerId", "00000000-0000-474c-b092-b0dd880c07e1")
                .containsEntry("active", true)
                .containsEntry("status", Map.of("type", "active"))
                .containsEntry("birthDate", "1990-09-11T00:00:00+0200")
                .containsEntry("createdAt", "2016-08-08T10:53:14+0200")
                .containsEntry("address", Map.of())
                .containsEntry("externalId", "guid-1")
                .containsEntry("agreement1", true)
                .doesNotContainKey("phone");
        assertThat(json.get("labels")).isEqualTo(List.of(Map.of("key", "vip", "value", "gold")));
    }
}
