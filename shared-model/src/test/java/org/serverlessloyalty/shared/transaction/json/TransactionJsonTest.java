package org.serverlessloyalty.shared.transaction.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.transaction.model.DocumentType;
import org.serverlessloyalty.shared.transaction.model.Transaction;

class TransactionJsonTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static JsonFields form(String body) {
        return OpenLoyaltyBody.parse(OpenLoyaltyBody.FORM, body.getBytes(StandardCharsets.UTF_8), "transaction");
    }

    @Test
    void readsTheDocumentationsRegisterExampleWithItsLocalDateInTheStoresZone() {
        JsonFields body = form("transaction[items][0][sku][code]=test0101&transaction[items][0][name]=Product+name"
                + "&transaction[items][0][quantity]=1&transaction[items][0][grossValue]=1500.00"
                + "&transaction[items][0][category]=Category+Name&transaction[items][0][maker]=Marker+name"
                + "&transaction[items][0][labels][0][key]=Label+key&transaction[items][0][labels][0][value]=Label+value"
                + "&transaction[customerData][name]=Firstname+Lastname&transaction[customerData][email]=t@wp.pl"
                + "&transaction[customerData][phone]=00000000000000&transaction[customerData][address][city]=Wroclaw"
                + "&transaction[transactionData][documentNumber]=214124124125"
                + "&transaction[transactionData][purchaseDate]=2019-02-20+09:28"
                + "&transaction[transactionData][documentType]=sell");
        Transaction t = TransactionJson.register(body, PARIS, NOW);
        assertThat(body.errors().list()).isEmpty();
        assertThat(t.documentNumber()).isEqualTo("214124124125");
        assertThat(t.documentType()).isEqualTo(DocumentType.SELL);
        assertThat(t.purchaseDate()).isEqualTo(Instant.parse("2019-02-20T08:28:00Z"));
        assertThat(t.grossValue()).isEqualByComparingTo("1500");
        assertThat(t.items().get(0).labels()).hasSize(1);
        assertThat(t.customerData().address()).containsEntry("city", "Wroclaw");
    }

    @Test
    void readsOpenLoyaltysOffsetWithoutAColon() {
        JsonFields body = form("transaction[purchaseDate]=2022-02-20T09:45:04%2B0100"
                + "&transaction[items][0][sku][code]=SKU1&transaction[items][0][name]=i&transaction[items][0][quantity]=1"
                + "&transaction[items][0][grossValue]=1&transaction[items][0][category]=aaa");
        Transaction t = TransactionJson.simulate(body, PARIS, NOW);
        assertThat(body.errors().list()).isEmpty();
        assertThat(t.purchaseDate()).isEqualTo(Instant.parse("2022-02-20T08:45:04Z"));
    }

    @Test
    void namesEveryBlankOrBadFieldAsSent() {
        JsonFields body = form("transaction[transactionData][documentType]=gift&transaction[items][0][name]="
                + "&transaction[items][0][grossValue]=abc&transaction[customerData][phone]=12a&transaction[colour]=red");
        TransactionJson.register(body, PARIS, NOW);
        FieldErrors errors = body.errors();
        assertThat(errors.list()).extracting(FieldErrors.FieldError::field).contains(
                "transaction[transactionData][documentType]", "transaction[transactionData][documentNumber]",
                "transaction[transactionData][purchaseDate]", "transaction[items][0][sku][code]",
                "transaction[items][0][name]", "transaction[items][0][quantity]",
                "transaction[items][0][grossValue]", "transaction[items][0][category]",
                "transaction[customerData][name]", "transaction[customerData][phone]", "transaction[colour]");
    }
}
