package org.serverlessloyalty.shared.campaign.port;

import java.util.Optional;

/**
 * The private bucket campaign photos and brand icons are kept in (template.yaml {@code CampaignMediaBucket}; locally
 * the stack's in-process S3). Objects are written once under a new key and deleted; never overwritten.
 */
public interface CampaignImages {

    void put(String objectKey, byte[] bytes, String contentType);

    /** The object's bytes; empty when there is none. */
    Optional<byte[]> get(String objectKey);

    /** Deletes the object; deleting one that is not there is no error. */
    void delete(String objectKey);

    /**
     * For a function started without a bucket (a test wiring only the table): the other routes work, an image route
     * fails as a configuration error (500) rather than the whole function failing to start.
     */
    static CampaignImages unconfigured(String why) {
        return new CampaignImages() {
            @Override
            public void put(String objectKey, byte[] bytes, String contentType) {
                throw new IllegalStateException(why);
            }

            @Override
            public Optional<byte[]> get(String objectKey) {
                throw new IllegalStateException(why);
            }

            @Override
            public void delete(String objectKey) {
                throw new IllegalStateException(why);
            }
        };
    }
}
