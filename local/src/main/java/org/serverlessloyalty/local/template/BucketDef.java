package org.serverlessloyalty.local.template;

/**
 * An {@code AWS::S3::Bucket} (issue 11, media): its name ({@code BucketName}, else the stack's name and the logical id
 * in lower case, as CloudFormation names unnamed buckets). The local stack creates it in its in-process S3; its
 * encryption, ownership and public access settings have no local effect (the local S3 serves only the functions).
 */
public record BucketDef(String logicalId, String bucketName) {
}
