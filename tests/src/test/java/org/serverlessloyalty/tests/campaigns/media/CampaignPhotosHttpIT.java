package org.serverlessloyalty.tests.campaigns.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * A27 over HTTP on the local stack: photos and brand icon go to the template's bucket (the stack's in-process S3),
 * are served anonymously as raw images, and only images of at most 2 MB get in (checked by their bytes).
 */
class CampaignPhotosHttpIT {

    static final byte[] PNG = png(64);
    static final String ADMIN_KEY = "media-tests-admin-key";

    static LocalStack stack;
    static HttpClient http = HttpClient.newHttpClient();
    static String store;
    static String storeKey;
    static Campaign campaign;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey(ADMIN_KEY).seedDemo(false).accessLog(false));
        store = "media-" + UUID.randomUUID().toString().substring(0, 8);
        var created = send("POST", "/api/store", Map.of("Authorization", "Bearer " + ADMIN_KEY,
                "Content-Type", "application/json"), Json.write(Map.of("code", store, "name", "Media shop",
                "currency", "EUR", "timezone", "Europe/Paris", "locale", "en")).getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        storeKey = Json.MAPPER.readTree(created.body()).get("apiKey").asText();
        campaign = MediaCampaigns.write(stack.dynamoDbClient(), stack.tableName("LoyaltyTable"),
                MediaCampaigns.giftCode(new StoreCode(store), "Mug", List.of("level-1")));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void uploadedPhotoIsServedAnonymouslyAsTheSameBytesFromThePrivateBucket() throws Exception {
        var uploaded = upload("/photo", "photo[file]", "C:\\fakepath\\Mug.png", "image/png", PNG);
        assertThat(uploaded.statusCode()).as(text(uploaded)).isEqualTo(200);
        JsonNode photo = Json.MAPPER.readTree(uploaded.body());
        assertThat(photo.get("orginalName").asText()).isEqualTo("Mug.png");
        assertThat(photo.get("mimeType").asText()).isEqualTo("image/png");
        String photoId = photo.get("photoId").asText();

        var served = send("GET", path("/photo/" + photoId), Map.of(), null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("content-type")).contains("image/png");
        assertThat(served.body()).isEqualTo(PNG);
        // It is an object of the template's bucket, under the store and campaign.
        var bucket = stack.model().buckets().get(0).bucketName();
        assertThat(stack.s3Engine().orElseThrow().blobStore().blobExists(bucket, photo.get("path").asText())).isTrue();

        var removed = send("DELETE", path("/photo/" + photoId), admin(), null);
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(send("GET", path("/photo/" + photoId), Map.of(), null).statusCode()).isEqualTo(404);
        assertThat(stack.s3Engine().orElseThrow().blobStore().blobExists(bucket, photo.get("path").asText())).isFalse();
        assertThat(send("DELETE", path("/photo/" + photoId), admin(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAScriptNamedLikeAPngNamingTheField() throws Exception {
        var refused = upload("/photo", "photo[file]", "x.png", "image/png",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused)).contains("photo[file]").contains("not an image");
    }

    @Test
    void refusesAnImageOverTwoMegabytesNamingTheField() throws Exception {
        var refused = upload("/photo", "photo[file]", "big.png", "image/png", png(2 * 1024 * 1024 + 1));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused)).contains("photo[file]").contains("2 MB");
    }

    @Test
    void photoOfACampaignThatDoesNotExistIsNotFoundAndNothingIsStored() throws Exception {
        String other = "/api/" + store + "/campaign/" + UUID.randomUUID() + "/photo";
        var refused = send("POST", other, multipartHeaders(), multipart("photo[file]", "a.png", "image/png", PNG));
        assertThat(refused.statusCode()).isEqualTo(404);
        var bucket = stack.model().buckets().get(0).bucketName();
        assertThat(stack.s3Engine().orElseThrow().blobStore().list(bucket,
                org.jclouds.blobstore.options.ListContainerOptions.Builder.prefix("campaign_photos/" + store + "/"
                        + other.split("/")[4]).recursive())).isEmpty();
    }

    @Test
    void uploadNeedsTheStoresAdminWhileReadingNeedsNoCredential() throws Exception {
        var anonymous = send("POST", path("/photo"), Map.of("Content-Type", "multipart/form-data; boundary=b"),
                multipart("photo[file]", "a.png", "image/png", PNG));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void brandIconIsReplacedByTheNextUploadAndTheOldImageDeleted() throws Exception {
        assertThat(send("GET", path("/brand_icon"), Map.of(), null).statusCode()).isEqualTo(404);
        byte[] gif = "GIF89a-first".getBytes(StandardCharsets.US_ASCII);
        assertThat(upload("/brand_icon", "brand_icon[file]", "icon.gif", "image/gif", gif).statusCode()).isEqualTo(204);
        var first = send("GET", path("/brand_icon"), Map.of(), null);
        assertThat(first.body()).isEqualTo(gif);
        assertThat(first.headers().firstValue("content-type")).contains("image/gif");

        assertThat(upload("/brand_icon", "brand_icon[file]", "icon.png", "image/png", PNG).statusCode()).isEqualTo(204);
        assertThat(send("GET", path("/brand_icon"), Map.of(), null).body()).isEqualTo(PNG);
        var bucket = stack.model().buckets().get(0).bucketName();
        assertThat(stack.s3Engine().orElseThrow().blobStore().list(bucket,
                org.jclouds.blobstore.options.ListContainerOptions.Builder.prefix("campaign_brand_icons/" + store + "/"
                        + campaign.id().value() + "/").recursive())).hasSize(1);

        assertThat(send("DELETE", path("/brand_icon"), admin(), null).statusCode()).isEqualTo(204);
        assertThat(send("GET", path("/brand_icon"), Map.of(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void theCampaignObjectListsItsPhotosAndSaysWhetherItHasABrandIcon() throws Exception {
        Campaign other = MediaCampaigns.write(stack.dynamoDbClient(), stack.tableName("LoyaltyTable"),
                MediaCampaigns.giftCode(new StoreCode(store), "Cap", List.of("level-1")));
        String base = "/api/" + store + "/campaign/" + other.id().value();
        JsonNode before = Json.MAPPER.readTree(send("GET", base, admin(), null).body());
        assertThat(before.get("hasPhoto").asBoolean()).isFalse();
        assertThat(before.get("brandIcon").asBoolean()).isFalse();
        assertThat(before.get("photos")).isEmpty();

        var uploaded = send("POST", base + "/photo", multipartHeaders(), multipart("photo[file]", "cap.png", "image/png",
                PNG));
        String photoId = Json.MAPPER.readTree(uploaded.body()).get("photoId").asText();
        send("POST", base + "/brand_icon", multipartHeaders(), multipart("brand_icon[file]", "b.png", "image/png", PNG));

        var read = send("GET", base, admin(), null);
        assertThat(read.statusCode()).as(text(read)).isEqualTo(200);
        JsonNode after = Json.MAPPER.readTree(read.body());
        assertThat(after.get("hasPhoto").asBoolean()).isTrue();
        assertThat(after.get("brandIcon").asBoolean()).isTrue();
        assertThat(after.get("photos")).singleElement().satisfies(p -> {
            assertThat(p.get("photoId").asText()).isEqualTo(photoId);
            assertThat(p.get("orginalName").asText()).isEqualTo("cap.png");
        });
    }

    // ---- helpers

    static String path(String rest) {
        return "/api/" + store + "/campaign/" + campaign.id().value() + rest;
    }

    static Map<String, String> admin() {
        return Map.of("Authorization", "Bearer " + storeKey);
    }

    static Map<String, String> multipartHeaders() {
        return Map.of("Authorization", "Bearer " + storeKey, "Content-Type",
                "multipart/form-data; boundary=----media-boundary");
    }

    static HttpResponse<byte[]> upload(String rest, String field, String filename, String type, byte[] content)
            throws Exception {
        return send("POST", path(rest), multipartHeaders(), multipart(field, filename, type, content));
    }

    static byte[] multipart(String field, String filename, String type, byte[] content) {
        var out = new ByteArrayOutputStream();
        String head = "------media-boundary\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n"
                + "------media-boundary\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n------media-boundary--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static HttpResponse<byte[]> send(String method, String path, Map<String, String> headers, byte[] body)
            throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(stack.baseUri() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A PNG signature followed by filler: the checks read the signature, never decode the image. */
    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 7);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }
}
