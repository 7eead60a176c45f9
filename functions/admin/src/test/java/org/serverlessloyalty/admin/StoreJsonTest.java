package org.serverlessloyalty.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;

class StoreJsonTest {

    private static final byte[] HASH = {1, 2, 3};
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Store EXISTING = new Store(new StoreCode("13"), "Old name", Currency.getInstance("EUR"),
            ZoneId.of("Europe/Paris"), Locale.FRENCH, true, HASH, CREATED, CREATED);
    private static final Store INACTIVE = new Store(new StoreCode("13"), "Old name", Currency.getInstance("EUR"),
            ZoneId.of("Europe/Paris"), Locale.FRENCH, false, HASH, CREATED, CREATED);

    /** The routes' own path: JSON as Open Loyalty bodies are read (bounded numbers, no duplicate keys). */
    private static JsonFields body(String json) {
        return OpenLoyaltyBody.parse(OpenLoyaltyBody.JSON, json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "store");
    }

    /** An Open Loyalty client's form-encoded body. */
    private static JsonFields form(String form) {
        return OpenLoyaltyBody.parse(OpenLoyaltyBody.FORM, form.getBytes(StandardCharsets.UTF_8), "store");
    }

    private static List<String> fieldsOf(ApiException e) {
        assertThat(e).as("expected a 400").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e.fieldErrors().list().stream().map(FieldErrors.FieldError::field).toList();
    }

    private static List<String> newRefused(String json) {
        return fieldsOf(catchThrowableOfType(ApiException.class, () -> StoreJson.parseNew(body(json))));
    }

    private static List<String> updateRefused(String json) {
        return fieldsOf(catchThrowableOfType(ApiException.class, () -> StoreJson.parseUpdate(body(json), EXISTING)));
    }

    private static List<String> formRefused(String form) {
        return fieldsOf(catchThrowableOfType(ApiException.class, () -> StoreJson.parseNew(form(form))));
    }

    @Test
    void parsesAFlatNewStore() {
        Store s = StoreJson.parseNew(body("{'code':'13','name':' Boutique ','currency':'eur',"
                + "'timezone':'Pacific/Honolulu','locale':'fr_CA','active':false}"));
        assertThat(s.code()).isEqualTo(new StoreCode("13"));
        assertThat(s.name()).isEqualTo("Boutique");
        assertThat(s.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(s.timezone()).isEqualTo(ZoneId.of("Pacific/Honolulu"));
        assertThat(s.locale()).isEqualTo(Locale.CANADA_FRENCH);
        assertThat(s.active()).isFalse();
        assertThat(s.apiKeyHash()).isNull();
    }

    @Test
    void parsesANewStoreWrappedInStore() {
        Store s = StoreJson.parseNew(body("{'store':{'code':'shop-B','name':'B','currency':'JPY',"
                + "'timezone':'Asia/Tokyo'}}"));
        assertThat(s.code()).isEqualTo(new StoreCode("shop-B"));
        assertThat(s.currency().getCurrencyCode()).isEqualTo("JPY");
    }

    @Test
    void aNewStoreDefaultsToActiveAndEnglish() {
        Store s = StoreJson.parseNew(body("{'code':'13','name':'B','currency':'EUR','timezone':'UTC'}"));
        assertThat(s.active()).isTrue();
        assertThat(s.locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void everyMissingRequiredFieldIsNamed() {
        assertThat(newRefused("{'locale':'fr'}")).containsExactlyInAnyOrder("code", "name", "currency");
        assertThat(newRefused("")).containsExactlyInAnyOrder("code", "name", "currency");
    }

    @Test
    void aNewStoreWithoutTimezoneOrLocaleTakesUtcAndEnglish() {
        Store s = StoreJson.parseNew(body("{'code':'13','name':'B','currency':'EUR'}"));
        assertThat(s.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(s.locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void anOpenLoyaltyFormCreatesTheStoreWithTheDefaultsForWhatItDoesNotSend() {
        Store s = StoreJson.parseNew(form("store[code]=ol-13&store[name]=Boutique+%C3%A9t%C3%A9&store[currency]=EUR"
                + "&store[active]=1"));
        assertThat(s.code()).isEqualTo(new StoreCode("ol-13"));
        assertThat(s.name()).isEqualTo("Boutique été");
        assertThat(s.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(s.active()).isTrue();
        assertThat(s.timezone()).isEqualTo(StoreJson.DEFAULT_TIMEZONE);
        assertThat(s.locale()).isEqualTo(StoreJson.DEFAULT_LOCALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "'0'", "null"})
    void anOpenLoyaltyFormCreatesAnInactiveStoreWithItsFalseValues(String value) {
        assertThat(StoreJson.parseNew(form("store[code]=13&store[name]=B&store[currency]=EUR&store[active]=" + value))
                .active()).isFalse();
    }

    @Test
    void anOpenLoyaltyFormMayCarryThisEnginesTimezoneAndLocale() {
        Store s = StoreJson.parseNew(form("store[code]=13&store[name]=B&store[currency]=JPY"
                + "&store[timezone]=Asia%2FTokyo&store[locale]=ja"));
        assertThat(s.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(s.locale()).isEqualTo(Locale.JAPANESE);
    }

    @Test
    void aFormsErrorsAreNamedAsTheClientSentThem() {
        assertThat(formRefused("store[code]=13%23x&store[currency]=XYZ&store[colour]=red"))
                .containsExactlyInAnyOrder("store[code]", "store[name]", "store[currency]", "store[colour]");
        assertThat(formRefused("code=13&currency=XYZ&name=B")).containsExactly("currency");
    }

    @Test
    void anOpenLoyaltyFormUpdatesOnlyWhatItCarries() {
        Store s = StoreJson.parseUpdate(form("store[name]=store_name&store[active]=0"), EXISTING);
        assertThat(s.name()).isEqualTo("store_name");
        assertThat(s.active()).isFalse();
        assertThat(s.timezone()).isEqualTo(EXISTING.timezone());
        assertThat(s.currency()).isEqualTo(EXISTING.currency());
    }

    @Test
    void badCurrencyTimezoneLocaleAndCodeAreEachNamedAtOnce() {
        assertThat(newRefused("{'code':'13#x','name':'B','currency':'XYZ','timezone':'Mars/Olympus',"
                + "'locale':'fr FR'}")).containsExactlyInAnyOrder("code", "currency", "timezone", "locale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "EURO", "E", "123"})
    void aCurrencyThatIsNotIso4217IsNamed(String currency) {
        assertThat(newRefused("{'code':'13','name':'B','currency':'" + currency + "','timezone':'UTC'}"))
                .containsExactly("currency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "Paris", "CET+25", "Europe/Paris!"})
    void aTimezoneThatIsNotIanaIsNamed(String zone) {
        assertThat(newRefused("{'code':'13','name':'B','currency':'EUR','timezone':'" + zone + "'}"))
                .containsExactly("timezone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr FR", "12345", "f", "fr-!!", "en--GB"})
    void aLocaleThatIsNotALanguageTagIsNamed(String locale) {
        assertThat(newRefused("{'code':'13','name':'B','currency':'EUR','timezone':'UTC','locale':'" + locale
                + "'}")).containsExactly("locale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13#x", "a b", "shop_1", ""})
    void aStoreCodeOutsideItsAlphabetIsNamed(String code) {
        assertThat(newRefused("{'code':'" + code + "','name':'B','currency':'EUR','timezone':'UTC'}"))
                .containsExactly("code");
    }

    @Test
    void aBlankNameIsNamed() {
        assertThat(newRefused("{'code':'13','name':'   ','currency':'EUR','timezone':'UTC'}"))
                .containsExactly("name");
    }

    @Test
    void errorsOfAWrappedBodyCarryTheStorePath() {
        assertThat(newRefused("{'store':{'code':'13','name':'B','currency':'XYZ','timezone':'UTC','x':1}}"))
                .containsExactlyInAnyOrder("store[currency]", "store[x]");
    }

    @Test
    void aWrapperThatIsNotAnObjectIsNamed() {
        assertThat(newRefused("{'store':'13'}")).containsExactly("store");
    }

    @Test
    void aNullStoreWrapperIsA400NamingStore() {
        assertThat(newRefused("{'store':null}")).contains("store");
        assertThat(updateRefused("{'store':null}")).contains("store");
    }

    @Test
    void unknownFieldsAreNamed() {
        assertThat(newRefused("{'code':'13','name':'B','currency':'EUR','timezone':'UTC','apiKey':'sl_13_x'}"))
                .containsExactly("apiKey");
    }

    @Test
    void anUpdateChangesOnlyTheFieldsItCarries() {
        Store s = StoreJson.parseUpdate(body("{'timezone':'America/New_York','active':false}"), EXISTING);
        assertThat(s.timezone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(s.active()).isFalse();
        assertThat(s.code()).isEqualTo(EXISTING.code());
        assertThat(s.name()).isEqualTo("Old name");
        assertThat(s.currency()).isEqualTo(EXISTING.currency());
        assertThat(s.locale()).isEqualTo(Locale.FRENCH);
        assertThat(s.apiKeyHash()).isSameAs(HASH);
        assertThat(s.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void anUpdateMayRepeatTheCodeButNotChangeIt() {
        assertThat(StoreJson.parseUpdate(body("{'code':'13','name':'New'}"), EXISTING).name()).isEqualTo("New");
        assertThat(updateRefused("{'code':'14'}")).containsExactly("code");
    }

    @Test
    void anUpdateNamesEveryBadField() {
        assertThat(updateRefused("{'currency':'XYZ','timezone':'Nowhere/City','locale':'12345','active':[]}"))
                .containsExactlyInAnyOrder("currency", "timezone", "locale", "active");
    }

    @Test
    void activeFollowsOpenLoyaltysCheckboxRuleInJsonToo() {
        assertThat(StoreJson.parseUpdate(body("{'active':'yes'}"), INACTIVE).active()).isTrue();
        assertThat(StoreJson.parseUpdate(body("{'active':'false'}"), EXISTING).active()).isFalse();
        assertThat(StoreJson.parseUpdate(body("{'active':0}"), EXISTING).active()).isFalse();
        assertThat(StoreJson.parseUpdate(body("{'name':'x'}"), EXISTING).active()).as("absent: unchanged").isTrue();
    }

    @Test
    void aStoreCodeSentAsAJsonNumberIsItsDigits() {
        assertThat(StoreJson.parseNew(body("{'store':{'code':13,'name':'B','currency':'EUR'}}")).code())
                .isEqualTo(new StoreCode("13"));
    }

    @Test
    void toJsonShowsTheSettingsAndTheKeyOnlyWhenGiven() {
        var json = StoreJson.toJson(EXISTING);
        assertThat(json).containsEntry("code", "13").containsEntry("currency", "EUR")
                .containsEntry("timezone", "Europe/Paris").containsEntry("locale", "fr").containsEntry("active", true)
                .doesNotContainKey("apiKey").doesNotContainKey("apiKeyHash");
        assertThat(StoreJson.toJson(EXISTING, "sl_13_secret", "pk_13_secret")).containsEntry("apiKey", "sl_13_secret")
                .containsEntry("publishableKey", "pk_13_secret");
    }
    @Test
    void aNameWithControlOrFormatCharactersIsRefused() {
        assertThat(newRefused("{'code':'13','name':'Shop\\u0000','currency':'EUR','timezone':'Europe/Paris'}"))
                .containsExactly("name");
        assertThat(updateRefused("{'name':'\\u202Epohs'}")).containsExactly("name");
    }

    @Test
    void aRepeatedFieldIsRefused() {
        assertThat(updateRefused("{'name':'A','name':'B'}")).containsExactly("name");
    }
}
