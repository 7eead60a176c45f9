package org.serverlessloyalty.shared.campaign.s3;

import java.util.Optional;
import org.serverlessloyalty.shared.campaign.port.CampaignImages;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Campaign images in the private media bucket (template.yaml {@code CampaignMediaBucket}, its name in
 * {@code MEDIA_BUCKET}). Encryption at rest is the bucket's default (SSE-S3, template.yaml), not a header of each put:
 * the local S3 refuses SSE headers it cannot honour, and the template is where the policy belongs.
 */
public final class S3CampaignImages implements CampaignImages {

    private final S3Client s3;
    private final String bucket;

    public S3CampaignImages(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String objectKey, byte[] bytes, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(objectKey).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<byte[]> get(String objectKey) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String objectKey) {
        s3.deleteObject(b -> b.bucket(bucket).key(objectKey));
    }
}
