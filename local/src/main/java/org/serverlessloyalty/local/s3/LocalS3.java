package org.serverlessloyalty.local.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * issue 11 (media): the template's S3 buckets on this machine: s3proxy in-process on 127.0.0.1, over jclouds'
 * in-memory blob store, or its file system one under {@code dataDir} so images survive a restart like the table.
 * It checks the functions' SigV4 signatures with the stack's local credentials, as S3 would check real ones.
 */
public final class LocalS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy, BlobStoreContext context, URI endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = endpoint;
    }

    /** Starts on {@code port} (0 = any free port); {@code dataDir} null = in memory. */
    public static LocalS3 start(int port, String accessKey, String secretKey, Path dataDir) {
        BlobStoreContext context;
        try {
            if (dataDir == null) {
                context = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
            } else {
                Files.createDirectories(dataDir);
                Properties properties = new Properties();
                properties.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
                context = ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot use " + dataDir + " for S3", e);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
            throw new IllegalStateException("Interrupted while starting s3proxy", e);
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("Cannot start s3proxy", e);
        }
        return new LocalS3(proxy, context, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    /** Creates the bucket unless it exists (a data directory keeps buckets across restarts). */
    public void ensureBucket(String name) {
        BlobStore store = context.getBlobStore();
        if (!store.containerExists(name)) {
            store.createContainerInLocation(null, name);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The blob store behind the proxy, for tests that look at what the functions stored. */
    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping: nothing to do about it
        } finally {
            context.close();
        }
    }
}
