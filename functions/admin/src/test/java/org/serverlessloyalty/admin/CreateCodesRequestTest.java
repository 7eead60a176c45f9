package org.serverlessloyalty.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;

class CreateCodesRequestTest {

    private static final Store STORE = new Store(new StoreCode("13"), "Store 13", Currency.getInstance("EUR"),
            ZoneId.of("Europe/Paris"), Locale.FRENCH, true, null, Instant.EPOCH, Instant.EPOCH);

    private static final String TEMPLATE = "{'discountType':'VALUE','value':5}";

    private static JsonNode body(String json) {
        try {
            // The routes' own path: bounded numbers, no duplicate keys.
            return Json.parseObject(json.replace('\'', '"').getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static CreateCodesRequest parse(String json) {
        return CreateCodesRequest.parse(body(json), STORE);
    }

    private static ApiException refusal(String json) {
        var e = catchThrowableOfType(ApiException.class, () -> parse(json));
        assertThat(e).as("expected a 400").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e;
    }

    private static List<String> refusedFields(String json) {
        return refusal(json).fieldErrors().list().stream().map(FieldErrors.FieldError::field).toList();
    }

    private static String listedCodes(int count) {
        StringBuilder codes = new StringBuilder("{'codes':[");
        for (int i = 0; i < count; i++) {
            codes.append(i == 0 ? "" : ",").append("{'code':'C").append(i).append("','discountType':'VALUE','value':5}");
        }
        return codes.append("]}").toString();
    }

    // --- listed -------------------------------------------------------------------------------

    @Test
    void listedCodesAreNormalisedAndIndexed() {
        var listed = (CreateCodesRequest.Listed) parse("{'codes':[{'code':' summer ','discountType':'VALUE','value':5},"
                + "{'code':'winter','discountType':'PERCENT','value':10}]}");
        assertThat(listed.codes().keySet()).containsExactly(CodeValue.of("SUMMER"), CodeValue.of("WINTER"));
        assertThat(listed.indexes()).containsEntry(CodeValue.of("SUMMER"), 0).containsEntry(CodeValue.of("WINTER"), 1);
        assertThat(listed.codes().get(CodeValue.of("WINTER")).discountType()).isEqualTo(DiscountType.PERCENT);
    }

    @Test
    void anEmptyOrBlankListedCodeIsRefusedNamingItsIndex() {
        var e = refusal("{'codes':[{'code':'OK1','discountType':'VALUE','value':5},"
                + "{'code':'','discountType':'VALUE','value':5},{'code':'   ','discountType':'VALUE','value':5}]}");
        assertThat(e.fieldErrors().list()).extracting(FieldErrors.FieldError::field)
                .containsExactly("codes[1].code", "codes[2].code");
        assertThat(e.fieldErrors().list()).allSatisfy(f -> assertThat(f.message()).isEqualTo("must not be blank"));
    }

    @Test
    void aBlankCodeAmongValidOnesIsNeverSilentlyDropped() {
        assertThat(refusedFields("{'codes':[{'code':'\\t ','discountType':'VALUE','value':5}]}"))
                .containsExactly("codes[0].code");
    }

    @Test
    void aThousandListedCodesAreAccepted() {
        var listed = (CreateCodesRequest.Listed) parse(listedCodes(1_000));
        assertThat(listed.codes()).hasSize(1_000);
    }

    @Test
    void moreThanAThousandListedCodesAreRefused() {
        assertThat(refusedFields(listedCodes(1_001))).containsExactly("codes");
    }

    @Test
    void anEmptyListIsRefused() {
        assertThat(refusedFields("{'codes':[]}")).containsExactly("codes");
    }

    @Test
    void duplicatesDifferingOnlyByCaseOrWhitespaceAreRefusedNamingBothIndexes() {
        ApiException e = refusal("{'codes':[{'code':'abc','discountType':'VALUE','value':5},"
                + "{'code':'OTHER','discountType':'VALUE','value':5},"
                + "{'code':' ABC ','discountType':'VALUE','value':5}]}");
        assertThat(e.fieldErrors().list()).hasSize(1);
        var error = e.fieldErrors().list().get(0);
        assertThat(error.field()).isEqualTo("codes[2].code");
        assertThat(error.message()).contains("codes[0]").contains("ABC");
    }

    @Test
    void theDuplicateMessageNamesTheRequestIndexEvenAfterANonObjectEntry() {
        ApiException e = refusal("{'codes':['oops',{'code':'abc','discountType':'VALUE','value':5},"
                + "{'code':'ABC','discountType':'VALUE','value':5}]}");
        var duplicate = e.fieldErrors().list().stream().filter(f -> f.field().equals("codes[2].code")).findFirst()
                .orElseThrow();
        assertThat(duplicate.message()).contains("codes[1]").doesNotContain("codes[0]");
    }

    @Test
    void aCodeOutsideTheAlphabetIsNamed() {
        assertThat(refusedFields("{'codes':[{'code':'OK','discountType':'VALUE','value':5},"
                + "{'code':'not ok!','discountType':'VALUE','value':5}]}")).containsExactly("codes[1].code");
    }

    @Test
    void badTermsOfSeveralCodesAreAllNamed() {
        assertThat(refusedFields("{'codes':[{'code':'A','discountType':'VALUE','value':5.555},"
                + "{'discountType':'VALUE','value':5},{'code':'C','discountType':'BOGO'}]}"))
                .containsExactlyInAnyOrder("codes[0].value", "codes[1].code", "codes[2].discountType");
    }

    @Test
    void unknownFieldsOfAListedCodeAreNamed() {
        assertThat(refusedFields("{'codes':[{'code':'A','discountType':'VALUE','value':5,'colour':'red',"
                + "'discount':4}]}")).containsExactlyInAnyOrder("codes[0].colour", "codes[0].discount");
    }

    // --- listed vs generated ------------------------------------------------------------------

    @Test
    void listedAndGeneratedAreExclusive() {
        assertThat(refusedFields("{'codes':[{'code':'A','discountType':'VALUE','value':5}],"
                + "'generate':{'count':5},'template':" + TEMPLATE + "}")).containsExactly("body");
        assertThat(refusedFields("{'codes':[{'code':'A','discountType':'VALUE','value':5}],'template':" + TEMPLATE
                + "}")).containsExactly("body");
    }

    @Test
    void oneOfListedOrGeneratedIsRequired() {
        assertThat(refusedFields("{}")).containsExactly("body");
    }

    @Test
    void unknownTopLevelFieldsAreNamed() {
        assertThat(refusedFields("{'codes':[{'code':'A','discountType':'VALUE','value':5}],'dryRun':true}"))
                .containsExactly("dryRun");
    }

    // --- generated ----------------------------------------------------------------------------

    @Test
    void generateTakesCountPrefixLengthAndTemplate() {
        var generated = (CreateCodesRequest.Generated) parse("{'generate':{'count':1000,'prefix':' summer- ',"
                + "'length':11},'template':" + TEMPLATE + "}");
        assertThat(generated.count()).isEqualTo(1_000);
        assertThat(generated.prefix()).isEqualTo("SUMMER-");
        assertThat(generated.length()).isEqualTo(11);
        assertThat(generated.terms().discountType()).isEqualTo(DiscountType.VALUE);
    }

    @Test
    void generateDefaultsToNoPrefixAndTwelveRandomCharacters() {
        var generated = (CreateCodesRequest.Generated) parse("{'generate':{'count':5},'template':" + TEMPLATE + "}");
        assertThat(generated.prefix()).isEmpty();
        assertThat(generated.length()).isEqualTo(CreateCodesRequest.DEFAULT_LENGTH).isEqualTo(12);
    }

    @Test
    void tenThousandGeneratedCodesAreAccepted() {
        var generated = (CreateCodesRequest.Generated) parse("{'generate':{'count':10000},'template':" + TEMPLATE
                + "}");
        assertThat(generated.count()).isEqualTo(10_000);
    }

    @Test
    void moreThanTenThousandGeneratedCodesAreRefused() {
        assertThat(refusedFields("{'generate':{'count':10001},'template':" + TEMPLATE + "}"))
                .containsExactly("generate.count");
    }

    @Test
    void aCountIsRequiredAndAtLeastOne() {
        assertThat(refusedFields("{'generate':{},'template':" + TEMPLATE + "}")).containsExactly("generate.count");
        assertThat(refusedFields("{'generate':{'count':0},'template':" + TEMPLATE + "}"))
                .containsExactly("generate.count");
    }

    @Test
    void aRandomLengthBelowElevenIsRefused() {
        assertThat(refusedFields("{'generate':{'count':5,'length':" + (CodeGenerator.MIN_RANDOM_LENGTH - 1)
                + "},'template':" + TEMPLATE + "}")).containsExactly("generate.length");
        assertThat(CodeGenerator.MIN_RANDOM_LENGTH).isEqualTo(11);
    }

    @Test
    void aRandomLengthAboveTheMaximumIsRefused() {
        assertThat(refusedFields("{'generate':{'count':5,'length':33},'template':" + TEMPLATE + "}"))
                .containsExactly("generate.length");
    }

    @Test
    void aPrefixOutsideTheAlphabetOrTooLongIsRefused() {
        assertThat(refusedFields("{'generate':{'count':5,'prefix':'été'},'template':" + TEMPLATE + "}"))
                .containsExactly("generate.prefix");
        assertThat(refusedFields("{'generate':{'count':5,'prefix':'" + "P".repeat(21) + "'},'template':" + TEMPLATE
                + "}")).containsExactly("generate.prefix");
    }

    @Test
    void generateNeedsATemplateAndATemplateNeedsGenerate() {
        assertThat(refusedFields("{'generate':{'count':5}}")).containsExactly("template");
        assertThat(refusedFields("{'template':" + TEMPLATE + "}")).containsExactly("generate");
    }

    @Test
    void unknownFieldsOfGenerateAndTemplateAreNamed() {
        assertThat(refusedFields("{'generate':{'count':5,'size':3},'template':{'discountType':'VALUE','value':5,"
                + "'code':'A','colour':'red'}}"))
                .containsExactlyInAnyOrder("generate.size", "template.code", "template.colour");
    }

    @Test
    void badTemplateTermsAreNamedWithTheTemplatePath() {
        assertThat(refusedFields("{'generate':{'count':5},'template':{'discountType':'PERCENT','value':150}}"))
                .containsExactly("template.value");
    }
    // --- input bounds (hostile numbers, repeated fields, invisible characters) -----------------

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1e10000000", "1e3000000000", "-1e1000000000",
            "1e-1000000000", "1234567890123456789012345678901234567890123456789012345678901234567890"})
    void aHostileNumberIsRefusedNamingItsField(String number) {
        assertThat(refusedFields("{'codes':[{'code':'A','discountType':'VALUE','value':" + number + "}]}"))
                .containsExactly("codes[0].value");
        assertThat(refusedFields("{'generate':{'count':" + number + "},'template':" + TEMPLATE + "}"))
                .containsExactly("generate.count");
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        assertThat(refusedFields("{'codes':[{'code':'A','code':'B','discountType':'VALUE','value':5}]}"))
                .containsExactly("codes[0].code");
    }

    @Test
    void namesAndDescriptionsWithControlOrFormatCharactersAreRefused() {
        assertThat(refusedFields("{'codes':[{'code':'A','discountType':'VALUE','value':5,"
                + "'name':'Summer\\u0000','description':'10 %\\u202E','categories':['canoes\\u200B']}]}"))
                .containsExactly("codes[0].description", "codes[0].name", "codes[0].categories[0]");
    }

    @Test
    void aCodeWithAControlCharacterIsRefusedWithoutEchoingIt() {
        var e = refusal("{'codes':[{'code':'SUMMER\\u0000" + "X".repeat(200) + "','discountType':'VALUE','value':5}]}");
        assertThat(e.fieldErrors().list()).extracting(FieldErrors.FieldError::field).containsExactly("codes[0].code");
        assertThat(e.fieldErrors().list().get(0).message()).doesNotContain("XXXXXXXXXX");
    }
}
