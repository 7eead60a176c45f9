package org.serverlessloyalty.local.dynamodb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.serverlessloyalty.local.dynamodb.error.ApiException;

class WireTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void roundTripsEveryTypeInCanonicalForm() throws Exception {
        String in = "{\"s\":{\"S\":\"x\"},\"n\":{\"N\":\"01.50\"},\"b\":{\"B\":\"AQL/\"},\"t\":{\"BOOL\":true},"
                + "\"z\":{\"NULL\":true},\"m\":{\"M\":{\"k\":{\"L\":[{\"S\":\"v\"},{\"N\":\"2\"}]}}},"
                + "\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1.0\",\"2\"]},\"bs\":{\"BS\":[\"AQ==\"]}}";
        String out = JSON.writeValueAsString(Wire.writeMap(Wire.readMap(json(in))));
        assertThat(out).isEqualTo(in.replace("01.50", "1.5").replace("\"1.0\"", "\"1\""));
    }

    @Test
    void rejectsMalformedValues() {
        assertThatThrownBy(() -> Wire.read(json("{}"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("Supplied AttributeValue is empty");
        assertThatThrownBy(() -> Wire.read(json("{\"S\":\"a\",\"N\":\"1\"}"))).hasMessageContaining("more than one datatypes");
        assertThatThrownBy(() -> Wire.read(json("{\"SS\":[]}"))).hasMessageContaining("An string set  may not be empty");
        assertThatThrownBy(() -> Wire.read(json("{\"SS\":[\"a\",\"a\"]}"))).hasMessageContaining("contains duplicates");
        assertThatThrownBy(() -> Wire.read(json("{\"NS\":[\"1\",\"1.0\"]}"))).hasMessageContaining("contains duplicates");
        assertThatThrownBy(() -> Wire.read(json("{\"NULL\":false}"))).hasMessageContaining("Null attribute value types must have the value of true");
        assertThatThrownBy(() -> Wire.read(json("{\"N\":\"x\"}"))).hasMessageContaining("cannot be converted into a number");
    }

    private static JsonNode jsonUnchecked(String s) {
        try {
            return json(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void setEqualityIgnoresOrder() {
        assertThat(Wire.read(jsonUnchecked("{\"SS\":[\"a\",\"b\"]}"))).isEqualTo(Wire.read(jsonUnchecked("{\"SS\":[\"b\",\"a\"]}")));
        assertThat(Wire.read(jsonUnchecked("{\"L\":[{\"S\":\"a\"},{\"S\":\"b\"}]}")))
                .isNotEqualTo(Wire.read(jsonUnchecked("{\"L\":[{\"S\":\"b\"},{\"S\":\"a\"}]}")));
    }
}
