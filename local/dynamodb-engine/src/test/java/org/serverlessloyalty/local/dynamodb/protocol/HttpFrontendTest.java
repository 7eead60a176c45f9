package org.serverlessloyalty.local.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpFrontendTest {

    @Test
    void regionComesFromTheSigV4CredentialScope() {
        assertThat(HttpFrontend.region("AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-central-1/dynamodb/aws4_request, "
                + "SignedHeaders=host, Signature=abc")).isEqualTo("eu-central-1");
        assertThat(HttpFrontend.region(null)).isEqualTo("us-east-1");
        assertThat(HttpFrontend.region("Bearer xyz")).isEqualTo("us-east-1");
    }
}
