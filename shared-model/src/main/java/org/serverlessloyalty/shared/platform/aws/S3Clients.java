package org.serverlessloyalty.shared.platform.aws;

import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * S3 clients built like {@link AwsClients}'s (issue 11, media: campaign photos). A class of its own because the S3
 * SDK is only in the jars of the functions that use it (the campaigns function): the others never load this class.
 */
public final class S3Clients {

    /** Optional endpoint override for S3 (the local stack's in-process S3); unset on AWS. */
    public static final String S3_ENDPOINT = "S3_ENDPOINT";

    private S3Clients() {
    }

    /**
     * With an endpoint override (the local stack's s3proxy) buckets are addressed by path (127.0.0.1 has no bucket
     * host names), and bodies are sent whole with their SHA-256 signed rather than as aws-chunked with a trailing
     * CRC (the SDK's default since 2.30, which s3proxy 2.6 does not decode). On AWS the defaults stay.
     */
    public static S3Client s3() {
        var builder = AwsClients.configure(S3Client.builder(), S3_ENDPOINT);
        if (LambdaEnvironment.get(S3_ENDPOINT).isPresent()) {
            builder.forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        }
        return builder.build();
    }
}
