package org.serverlessloyalty.tests.template;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.tests.contract.OpenApiContract;
import org.serverlessloyalty.tests.e2e.HttpApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds every event file of events/ to the function template.yaml routes it to, as
 * {@code sam local invoke} would, on the local stack (so queued orders are really applied), and
 * expects success, answered as docs/openapi.yaml documents it. The key placeholders in the files are
 * replaced by the keys the store got.
 */
class EventsIT {

    private static final String ADMIN_KEY = "local-admin-key";
    private static final String API_KEY_PLACEHOLDER = "sl_demo_replacewiththedemostorekeyprintedbythestack";
    private static final String PUBLISHABLE_PLACEHOLDER = "pk_demo_replacewiththedemopublishablekeyprintedbythestack";
    private static final ObjectMapper EVENTS = Json.MAPPER.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The order a user would play them in: the store first, reads of orders once they are applied, rotation last. */
    private static final List<String> ORDER = List.of(
            "admin/CreateStore.json", "admin/CreateStore-form.json", "admin/CreateGiftCodes.json",
            "admin/CreateGiftCodes-generate.json", "admin/Info.json", "admin/HealthCheck.json", "admin/Console.json",
            "admin/ConsoleFile.json", "admin/ListStores.json",
            "admin/GetStore.json", "admin/UpdateStore.json", "admin/UpdateStore-form.json", "admin/GetGiftCode.json",
            "admin/ListGiftCodes.json", "admin/PutCouponWebhook.json",
            "admin/GetCouponWebhook.json", "admin/RotateCouponWebhookSecret.json",
            "admin/ListCouponWebhookDeliveries.json", "admin/RedriveCouponWebhookDeliveries.json",
            "giftcode-validate/Validate.json",
            "order-tracking/CiblerOrder.json", "order-tracking/CitrusAdOrders.json", "order-tracking/Beacon.json",
            "admin/GetOrder.json", "order-tracking/CitrusAdOrder.json", "admin/VoidGiftCode.json",
            "admin/VoidGiftCodeBatch.json",
            // Members: the events' member (John) registered, read, changed, deactivated and active again.
            "points/RegisterCustomer.json", "points/RegisterCustomer-form.json", "points/SellerRegisterCustomer.json",
            "points/SellerRegisterCustomer-form.json", "points/GetCustomer.json", "points/UpdateCustomer.json",
            "points/UpdateCustomer-form.json", "points/ListCustomers.json", "points/DeactivateCustomer.json",
            "points/ActivateCustomer.json", "points/SellerDeactivateCustomer.json", "points/SellerActivateCustomer.json",
            "points/IssueCustomerToken.json", "points/IssueCustomerToken-form.json",
            // issue 10: h10-rules
            "points/rules/CreateEarningRule.json", "points/rules/CreateEarningRule-form.json",
            "points/rules/ListEarningRules.json", "points/rules/GetEarningRule.json",
            "points/rules/ReplaceEarningRule.json", "points/rules/ReplaceEarningRule-form.json",
            "points/rules/ActivateEarningRule-form.json", "points/rules/ActivateEarningRule.json",
            "points/rules/SellerListEarningRules.json", "points/rules/SellerGetEarningRule.json",
            "points/rules/CustomerEarningRules.json",
            // issue 12: a draft rule's points on a basket (nothing saved)
            "points/rules/SimulateEarningRule.json", "points/rules/SimulateEarningRule-form.json",
            // Points, in a store whose adds are locked (set just before): the first add is activated to be spent.
            "points/AddPoints.json", "points/ActivatePointsTransfer.json", "points/AddPoints-form.json",
            "points/SpendPoints.json", "points/SpendPoints-form.json", "points/BlockPoints.json",
            "points/BlockPoints-form.json", "points/AdminP2pPointsTransfer.json",
            "points/AdminP2pPointsTransfer-form.json", "points/CustomerP2pPointsTransfer.json",
            "points/CustomerP2pPointsTransfer-form.json", "points/ImportPointsTransfers.json",
            "points/ImportPointsTransfers-json.json", "points/ListPointsTransfers.json",
            "points/ListOwnPointsTransfers.json", "points/PointsHistogram.json", "points/GetCustomerStatus.json",
            "points/SellerGetCustomerStatus.json", "points/GetOwnCustomerStatus.json",
            // issue 10: h10-events
            "points/event-earning/UseCustomEvent.json", "points/event-earning/UseOwnCustomEvent.json",
            "points/event-earning/EarnByGeolocation.json", "points/event-earning/EarnByGeolocation-form.json",
            "points/event-earning/EarnByQrCode.json", "points/event-earning/EarnByQrCode-form.json",
            "points/event-earning/InviteCustomer.json", "points/event-earning/InviteCustomer-form.json",
            "points/event-earning/ListInvitations.json",
            "points/ExpirePointsTransfer.json", "points/CancelPointsTransfer.json",
            // issue 10: h10-levels. A level (its id then in the later events), John assigned to it and released; a
            // segment (likewise), John put in it and taken out.
            "points/levels/CreateLevel.json", "points/levels/CreateLevel-form.json", "points/levels/UpdateLevel.json",
            "points/levels/UpdateLevel-form.json", "points/levels/GetLevel.json", "points/levels/SellerGetLevel.json",
            "points/levels/ListLevels.json", "points/levels/SellerListLevels.json", "points/levels/ActivateLevel.json",
            "points/levels/ActivateLevel-form.json", "points/levels/ListCustomerLevels.json",
            "points/levels/AssignCustomerLevel.json", "points/levels/AssignCustomerLevel-form.json",
            "points/levels/ListLevelCustomers.json", "points/levels/RemoveCustomerManualLevel.json",
            "points/levels/CreateSegment.json", "points/levels/CreateSegment-form.json",
            "points/levels/UpdateSegment.json", "points/levels/UpdateSegment-form.json", "points/levels/GetSegment.json",
            "points/levels/ListSegments.json", "points/levels/AddSegmentCustomers.json",
            "points/levels/AddSegmentCustomers-form.json", "points/levels/ListSegmentCustomers.json",
            "points/levels/RemoveSegmentCustomer.json",
            // issue 10: h10-tx. A sale matched to John (by his e-mail), its return (returns turned on just before),
            // sales for nobody that each assign event gives John, then reads, simulations and labels.
            "points/transaction/RegisterTransaction.json", "points/transaction/RegisterTransaction-return.json",
            "points/transaction/RegisterTransaction-form.json",
            "points/transaction/RegisterTransaction-for-assign-form.json",
            "points/transaction/RegisterTransaction-for-seller.json",
            "points/transaction/RegisterTransaction-for-seller-form.json",
            "points/transaction/RegisterTransaction-for-own.json",
            "points/transaction/RegisterTransaction-for-own-form.json",
            "points/transaction/AssignTransaction.json", "points/transaction/AssignTransaction-form.json",
            "points/transaction/SellerAssignTransaction.json", "points/transaction/SellerAssignTransaction-form.json",
            "points/transaction/AssignOwnTransaction.json", "points/transaction/AssignOwnTransaction-form.json",
            "points/transaction/ListTransactions.json", "points/transaction/SellerListTransactions.json",
            "points/transaction/ListOwnTransactions.json", "points/transaction/GetTransaction.json",
            "points/transaction/GetOwnTransaction.json", "points/transaction/SimulateTransaction.json",
            "points/transaction/SimulateTransaction-form.json", "points/transaction/ReplaceTransactionLabels.json",
            "points/transaction/ReplaceTransactionLabels-form.json",
            "points/transaction/AppendOwnTransactionLabels.json",
            "points/transaction/AppendOwnTransactionLabels-form.json",
            "points/transaction/ListTransactionItemLabels.json",
            // issue 11: h11-catalogue. Categories, then a campaign for the level above (its id then in the later
            // events), replaced, its pool appended, deactivated and active again, and the lists.
            "campaigns/catalogue/CreateCampaignCategory.json", "campaigns/catalogue/CreateCampaignCategory-form.json",
            "campaigns/catalogue/ListCampaignCategories.json", "campaigns/catalogue/GetCampaignCategory.json",
            "campaigns/catalogue/ReplaceCampaignCategory.json", "campaigns/catalogue/ReplaceCampaignCategory-form.json",
            "campaigns/catalogue/ActivateCampaignCategory-form.json",
            "campaigns/catalogue/ActivateCampaignCategory.json", "campaigns/catalogue/CreateCampaign.json",
            "campaigns/catalogue/CreateCampaign-form.json", "campaigns/catalogue/GetCampaign.json",
            "campaigns/catalogue/ListCampaigns.json", "campaigns/catalogue/ReplaceCampaign.json",
            "campaigns/catalogue/ReplaceCampaign-form.json", "campaigns/catalogue/LoadCampaignCoupons.json",
            "campaigns/catalogue/LoadCampaignCoupons-form.json", "campaigns/catalogue/DeactivateCampaign.json",
            "campaigns/catalogue/ActivateCampaign.json", "campaigns/catalogue/ListActiveCampaigns.json",
            "campaigns/catalogue/ListCampaignVisibleCustomers.json", "campaigns/catalogue/ListPublicCampaigns.json",
            "campaigns/catalogue/SellerListCampaigns.json", "campaigns/catalogue/SellerGetCampaign.json",
            // issue 11: media. Photos and the brand icon of the campaign CreateCampaign made.
            "campaigns/media/AddCampaignPhoto.json", "campaigns/media/GetCampaignPhoto.json",
            "campaigns/media/RemoveCampaignPhoto.json", "campaigns/media/SetCampaignBrandIcon.json",
            "campaigns/media/GetCampaignBrandIcon.json", "campaigns/media/RemoveCampaignBrandIcon.json",
            // issue 11: media. Cashback for John through a cashback campaign seeded for every level of the store.
            "campaigns/media/SimulateCashback.json", "campaigns/media/SimulateCashback-form.json",
            "campaigns/media/RedeemCashback.json", "campaigns/media/RedeemCashback-form.json",
            "campaigns/media/CustomerRedeemCashback.json", "campaigns/media/CustomerRedeemCashback-form.json",
            // issue 11: buy. John buys from a campaign for the segment he is in (seeded before the first, below).
            "campaigns/buy/AdminAvailableCampaigns.json", "campaigns/buy/SellerAvailableCampaigns.json",
            "campaigns/buy/CustomerAvailableCampaigns.json", "campaigns/buy/AdminValidateCampaigns.json",
            "campaigns/buy/CustomerValidateCampaigns.json", "campaigns/buy/AdminBuyCampaign.json",
            "campaigns/buy/AdminBuyCampaign-form.json", "campaigns/buy/SellerBuyCampaign.json",
            "campaigns/buy/SellerBuyCampaign-form.json", "campaigns/buy/CustomerBuyCampaign.json",
            "campaigns/buy/CustomerBuyCampaign-form.json",
            // issue 11: callback. The store's callback secret, then PayTM reporting that RedeemCashback's payout failed
            // (signed with that secret, now): John gets its point back.
            "campaigns/callback/RotateCashbackCallbackSecret.json", "campaigns/callback/CashbackCallback.json",
            // issue 11: h11-bought (a reward of the demo member is written first: BoughtRewardSeed)
            "campaigns/bought/ListCustomerBoughtCampaigns.json",
            "campaigns/bought/SellerListCustomerBoughtCampaigns.json", "campaigns/bought/ListOwnBoughtCampaigns.json",
            "campaigns/bought/ListBoughtCampaigns.json", "campaigns/bought/MarkCouponsUsed.json",
            "campaigns/bought/MarkOwnCouponsUsed.json", "campaigns/bought/MarkOwnCouponsUsed-form.json",
            "campaigns/bought/MarkCouponsUsed-form.json", "campaigns/bought/ChangeCouponDeliveryStatus.json",
            "campaigns/bought/ChangeCouponDeliveryStatus-form.json", "campaigns/bought/ExportBoughtCampaigns.json",
            "points/RotateCustomerTokenSecret.json", "points/AnonymizeCustomer.json",
            "admin/RotateStoreApiKey.json");
    /** The customer token in the points events: replaced by the one the token event got. */
    private static final String TOKEN_PLACEHOLDER = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJhNmIzMzYwMC1lNDk5LTUyOTEtYWNmMS03NzhmYjJmZDhlNDUifQ.c2lnbmF0dXJl";
    /** The transfer id in the points events: replaced by the transfer each acts on (below). */
    private static final String TRANSFER_PLACEHOLDER = "0196b5a2-3c40-7000-8a1b-2c3d4e5f6a7b";
    /** issue 10: h10-tx. The transaction id in the transaction events: replaced by the one the first got. */
    private static final String TRANSACTION_PLACEHOLDER = "5f0c2b7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    /** issue 10: h10-rules. The earning rule id in the rule events: replaced by the rule CreateEarningRule made. */
    private static final String RULE_PLACEHOLDER = "3f1e0c52-6f0b-4c1e-9d1a-1c2b3d4e5f60";
    /** issue 10: h10-levels. The level and segment ids in the events: replaced by those CreateLevel/CreateSegment got. */
    private static final String LEVEL_PLACEHOLDER = "11111111-2222-4333-8444-555555555555";
    private static final String SEGMENT_PLACEHOLDER = "66666666-7777-4888-8999-aaaaaaaaaaaa";
    /** issue 11: h11-catalogue. The campaign and category ids in the campaign events: replaced by those created. */
    private static final String CAMPAIGN_PLACEHOLDER = "3062c881-93f3-496b-9669-4238c0a62be8";
    /** issue 11: buy. The campaign the buy events buy from: replaced by one with a pool big enough for all of them. */
    private static final String BUY_CAMPAIGN_PLACEHOLDER = "7c0a1b2c-3d4e-4f50-8a6b-7c8d9e0f1a2b";
    private static final String CATEGORY_PLACEHOLDER = "7a0c1e2d-3b4f-4a5b-8c6d-7e8f9a0b1c2d";
    /** issue 11: media. The photo id in the media events: replaced by the one AddCampaignPhoto got. */
    private static final String PHOTO_PLACEHOLDER = "08ae48fd-04b0-4a08-a2a7-fcfca3c4caf5";
    /** issue 11: callback. The cashback id in the callback's orderId: replaced by the one RedeemCashback got. */
    private static final String CASHBACK_PLACEHOLDER = "0c9b1a2e-5d4f-4e3a-9b8c-7d6e5f4a3b2c";
    /** Reads of orders the consumer applies asynchronously: retried until the order is there. */
    private static final Set<String> EVENTUAL = Set.of("admin/GetOrder.json", "order-tracking/CitrusAdOrder.json");

    private static LocalStack stack;
    private static TemplateModel template;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey(ADMIN_KEY).seedDemo(false));
        template = new TemplateModel(CloudFormationYaml.loadTemplate());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyEventFileSucceedsOnTheFunctionItsRouteNames() throws Exception {
        Path events = CloudFormationYaml.repositoryRoot().resolve("events");
        Set<String> files = new TreeSet<>();
        try (var walk = Files.walk(events)) {
            // events/<function>/X.json, and events/points/<area>/X.json (issue 10's areas), events/campaigns/<area>/
            // X.json (issue 11's).
            walk.filter(p -> p.toString().endsWith(".json") && (p.getParent().getParent().equals(events)
                            || p.getParent().getParent().equals(events.resolve("points"))
                            // issue 11: events/campaigns/<area>/X.json
                            || p.getParent().getParent().equals(events.resolve("campaigns"))))
                    .forEach(p -> files.add(events.relativize(p).toString().replace('\\', '/')));
        }
        assertThat(files).as("every event file is played, in a stated order").containsExactlyInAnyOrderElementsOf(ORDER);

        String apiKey = API_KEY_PLACEHOLDER;
        String publishableKey = PUBLISHABLE_PLACEHOLDER;
        String token = TOKEN_PLACEHOLDER;
        // The transfers the change events act on: the activated (then expired) add, and the locked one cancelled.
        Map<String, String> transfers = new HashMap<>();
        String transaction = TRANSACTION_PLACEHOLDER;
        String rule = RULE_PLACEHOLDER;
        String level = LEVEL_PLACEHOLDER;
        String segment = SEGMENT_PLACEHOLDER;
        // issue 11: h11-catalogue
        String campaign = CAMPAIGN_PLACEHOLDER;
        String category = CATEGORY_PLACEHOLDER;
        // issue 11: media
        String photo = PHOTO_PLACEHOLDER;
        // issue 11: buy
        String buyCampaign = BUY_CAMPAIGN_PLACEHOLDER;
        // issue 11: callback
        String cashbackId = CASHBACK_PLACEHOLDER;
        String callbackSecret = null;
        for (String name : ORDER) {
            if (name.equals("campaigns/media/SimulateCashback.json")) {
                // issue 11: media. A cashback campaign (pointValue 2) for every level of the store and the segment.
                var levels = new HttpApiClient(stack.baseUri()).call("GET", "/api/demo/level",
                        Map.of("Authorization", "Bearer " + ADMIN_KEY), null);
                List<String> levelIds = new java.util.ArrayList<>();
                levels.json().get("levels").forEach(l -> levelIds.add(l.get("id").asText()));
                var cashback = new org.serverlessloyalty.shared.campaign.model.Campaign(
                        new org.serverlessloyalty.shared.store.model.StoreCode("demo"),
                        org.serverlessloyalty.shared.campaign.model.CampaignId.newId(),
                        org.serverlessloyalty.shared.campaign.model.RewardType.CASHBACK, true,
                        Map.of("en", new org.serverlessloyalty.shared.campaign.model.CampaignTranslation("en",
                                "Cashback", null, null, null, null, null)), false, false, false, levelIds,
                        List.of(segment), List.of(), List.of(), null, null, null, null, null,
                        org.serverlessloyalty.shared.campaign.model.CampaignWindow.ALWAYS,
                        org.serverlessloyalty.shared.campaign.model.CampaignWindow.ALWAYS, null, true, true, null,
                        null, null, null, java.math.BigDecimal.valueOf(2), null, null, null, false,
                        java.time.Instant.now(), 1);
                stack.dynamoDbClient().putItem(b -> b.tableName(stack.tableName("LoyaltyTable")).item(
                        org.serverlessloyalty.shared.campaign.dynamodb.CampaignItemMapper.definition(cashback)));
                // John back in the segment (RemoveSegmentCustomer took him out), so the campaign targets him (C30).
                var joined = new HttpApiClient(stack.baseUri()).call("POST", "/api/demo/segment/" + segment
                        + "/customers", Map.of("Authorization", "Bearer " + ADMIN_KEY, "Content-Type",
                        "application/json"), "{\"customers\":[\"a6b33600-e499-5291-acf1-778fb2fd8e45\"]}");
                assertThat(joined.status()).as(joined.body()).isBetween(200, 204);
                // And 10 points to redeem: adds are locked in this store (set before AddPoints), so activated at once.
                var added = new HttpApiClient(stack.baseUri()).call("POST", "/api/demo/points/transfer/add",
                        Map.of("Authorization", "Bearer " + ADMIN_KEY, "Content-Type", "application/json"),
                        "{\"transfer\":{\"customer\":\"a6b33600-e499-5291-acf1-778fb2fd8e45\",\"points\":10}}");
                assertThat(added.status()).as(added.body()).isEqualTo(200);
                var activated = new HttpApiClient(stack.baseUri()).call("POST", "/api/demo/points/transfer/"
                        + added.json().get("pointsTransferId").asText() + "/activate",
                        Map.of("Authorization", "Bearer " + ADMIN_KEY), null);
                assertThat(activated.status()).as(activated.body()).isBetween(200, 204);
            }
            if (name.equals("campaigns/buy/AdminAvailableCampaigns.json")) {
                // issue 11: buy. Twelve codes at 1 point for the segment John is in, and 20 points to buy them with.
                StringBuilder codes = new StringBuilder();
                for (int i = 1; i <= 12; i++) {
                    codes.append(i == 1 ? "" : ",").append("\"BUY-").append(i).append('"');
                }
                var created = new HttpApiClient(stack.baseUri()).call("POST", "/api/demo/campaign",
                        Map.of("Authorization", "Bearer " + ADMIN_KEY, "Content-Type", "application/json"),
                        "{\"campaign\":{\"reward\":\"discount_code\",\"translations\":{\"en\":{\"name\":\"Buy events\"}},"
                                + "\"active\":true,\"costInPoints\":1,\"rewardValue\":5,\"target\":\"segment\","
                                + "\"segments\":[\"" + segment + "\"],\"unlimited\":true,\"singleCoupon\":false,"
                                + "\"daysInactive\":0,\"daysValid\":30,\"coupons\":[" + codes + "],"
                                + "\"campaignActivity\":{\"allTimeActive\":true},"
                                + "\"campaignVisibility\":{\"allTimeVisible\":true}}}");
                assertThat(created.status()).as(created.body()).isEqualTo(200);
                buyCampaign = created.json().get("campaignId").asText();
                var added = new HttpApiClient(stack.baseUri()).call("POST", "/api/demo/points/transfer/add",
                        Map.of("Authorization", "Bearer " + ADMIN_KEY, "Content-Type", "application/json"),
                        "{\"transfer\":{\"customer\":\"a6b33600-e499-5291-acf1-778fb2fd8e45\",\"points\":20}}");
                assertThat(added.status()).as(added.body()).isEqualTo(200);
                var activated = new HttpApiClient(stack.baseUri()).call("POST", "/api/demo/points/transfer/"
                        + added.json().get("pointsTransferId").asText() + "/activate",
                        Map.of("Authorization", "Bearer " + ADMIN_KEY), null);
                assertThat(activated.status()).as(activated.body()).isBetween(200, 204);
            }
            if (name.equals("points/RegisterCustomer.json")) {
                // issue 10, h10-events: the event rules its events use, before the store's rules are first read.
                org.serverlessloyalty.tests.points.EventRuleSeed.seed(stack, "demo",
                        org.serverlessloyalty.tests.points.EventRuleSeed.eventFiles());
            }
            if (name.equals("campaigns/bought/ListCustomerBoughtCampaigns.json")) {
                // issue 11, h11-bought: the reward (and its gift code) the bought-reward events name.
                org.serverlessloyalty.tests.campaigns.BoughtRewardSeed.seed(stack, "demo");
            }
            if (name.equals("points/transaction/RegisterTransaction.json")) {
                // issue 10: h10-tx. Returns are a store setting (rule T2), off by default; set before the first
                // transaction, as a function reads a store's settings once per StoreCacheSeconds.
                var returns = new HttpApiClient(stack.baseUri()).call("PUT", "/api/store/demo",
                        Map.of("Authorization", "Bearer " + ADMIN_KEY, "Content-Type", "application/json"),
                        "{\"returns\":true}");
                assertThat(returns.status()).as(returns.body()).isEqualTo(204);
            }
            if (name.equals("points/AddPoints.json")) {
                // Lock added points (rule P6) before the first points action, so there is a pending one to activate.
                var locked = new HttpApiClient(stack.baseUri()).call("PUT", "/api/store/demo",
                        Map.of("Authorization", "Bearer " + ADMIN_KEY, "Content-Type", "application/json"),
                        "{\"allTimeNotLocked\":false,\"pointsDaysLocked\":3}");
                assertThat(locked.status()).as(locked.body()).isEqualTo(204);
            }
            String text = Files.readString(events.resolve(name))
                    .replace(API_KEY_PLACEHOLDER, apiKey).replace(PUBLISHABLE_PLACEHOLDER, publishableKey)
                    .replace(TOKEN_PLACEHOLDER, token)
                    .replace(TRANSFER_PLACEHOLDER, transfers.getOrDefault(name, TRANSFER_PLACEHOLDER))
                    .replace(TRANSACTION_PLACEHOLDER, transaction)
                    .replace(RULE_PLACEHOLDER, rule)
                    .replace(LEVEL_PLACEHOLDER, level).replace(SEGMENT_PLACEHOLDER, segment)
                    .replace(CAMPAIGN_PLACEHOLDER, campaign).replace(CATEGORY_PLACEHOLDER, category)
                    .replace(PHOTO_PLACEHOLDER, photo).replace(BUY_CAMPAIGN_PLACEHOLDER, buyCampaign)
                    .replace(CASHBACK_PLACEHOLDER, cashbackId);
            APIGatewayV2HTTPEvent event = EVENTS.readValue(text, APIGatewayV2HTTPEvent.class);
            if (name.equals("campaigns/callback/CashbackCallback.json")) {
                // issue 11: callback. Signed now with the secret the rotation showed, as the provider would.
                String now = Long.toString(java.time.Instant.now().getEpochSecond());
                Map<String, String> headers = new HashMap<>(event.getHeaders());
                headers.put("x-cashback-timestamp", now);
                headers.put("x-cashback-signature", "v1=" + org.serverlessloyalty.shared.campaign.rules.CallbackSignature
                        .sign(java.util.HexFormat.of().parseHex(callbackSecret), now,
                                event.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                event.setHeaders(headers);
            }
            if (event.getIsBase64Encoded() && event.getBody() != null && !name.startsWith("campaigns/media/")) {
                // issue 10: a form names the level, segment or transaction it acts on inside its base64 body.
                String form = new String(java.util.Base64.getDecoder().decode(event.getBody()),
                        java.nio.charset.StandardCharsets.UTF_8).replace(LEVEL_PLACEHOLDER, level)
                        .replace(SEGMENT_PLACEHOLDER, segment).replace(TRANSACTION_PLACEHOLDER, transaction);
                event.setBody(java.util.Base64.getEncoder().encodeToString(
                        form.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            String function = functionFor(name, event.getRouteKey());

            String[] route = event.getRouteKey().split(" ", 2);
            APIGatewayV2HTTPResponse response = stack.invoke(function, event);
            OpenApiContract.assertResponseMatches(route[0], route[1], response.getStatusCode(), response.getBody());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (EVENTUAL.contains(name) && response.getStatusCode() == 404 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                response = stack.invoke(function, EVENTS.readValue(text, APIGatewayV2HTTPEvent.class));
                OpenApiContract.assertResponseMatches(route[0], route[1], response.getStatusCode(), response.getBody());
            }
            assertThat(response.getStatusCode()).as(name + ": " + response.getBody()).isBetween(200, 299);

            if (name.equals("admin/CreateStore.json")) {
                JsonNode store = Json.MAPPER.readTree(response.getBody());
                apiKey = store.get("apiKey").asText();
                publishableKey = store.get("publishableKey").asText();
            }
            // issue 11: callback
            if (name.equals("campaigns/media/RedeemCashback.json")) {
                cashbackId = Json.MAPPER.readTree(response.getBody()).get("cashbackId").asText();
            }
            if (name.equals("campaigns/callback/RotateCashbackCallbackSecret.json")) {
                callbackSecret = Json.MAPPER.readTree(response.getBody()).get("secret").asText();
            }
            if (name.equals("campaigns/callback/CashbackCallback.json")) {
                JsonNode answered = Json.MAPPER.readTree(response.getBody());
                assertThat(answered.get("failed").asBoolean()).as(response.getBody()).isTrue();
                assertThat(answered.get("couponId").asText()).isEqualTo(cashbackId);
            }
            if (name.equals("campaigns/media/AddCampaignPhoto.json")) {
                photo = Json.MAPPER.readTree(response.getBody()).get("photoId").asText();
            }
            if (name.equals("points/levels/CreateLevel.json")) {
                level = Json.MAPPER.readTree(response.getBody()).get("id").asText();
            }
            // issue 11: h11-catalogue
            if (name.equals("campaigns/catalogue/CreateCampaign.json")) {
                campaign = Json.MAPPER.readTree(response.getBody()).get("campaignId").asText();
            }
            if (name.equals("campaigns/catalogue/CreateCampaignCategory.json")) {
                category = Json.MAPPER.readTree(response.getBody()).get("campaignCategoryId").asText();
            }
            if (name.equals("campaigns/catalogue/GetCampaign.json")) {
                JsonNode read = Json.MAPPER.readTree(response.getBody());
                assertThat(read.get("coupons").toString()).as(response.getBody()).isEqualTo("[\"TENOFF-1\",\"TENOFF-2\"]");
                // format=html: the markdown as HTML.
                assertThat(read.get("shortDescription").asText()).as(response.getBody())
                        .isEqualTo("<p><strong>10 EUR</strong> off your next order</p>\n");
                // The demo store speaks French: its category's French name (ReplaceCampaignCategory gave it one).
                assertThat(read.get("categoryNames").get(category).asText()).isEqualTo("Cadeaux");
            }
            if (name.equals("points/levels/CreateSegment.json")) {
                segment = Json.MAPPER.readTree(response.getBody()).get("segmentId").asText();
            }
            if (name.equals("points/levels/ListLevelCustomers.json")) {
                assertThat(Json.MAPPER.readTree(response.getBody()).get("total").asInt()).as(response.getBody())
                        .isEqualTo(1);
            }
            if (name.equals("points/transaction/RegisterTransaction.json")) {
                transaction = Json.MAPPER.readTree(response.getBody()).get("transactionId").asText();
            }
            if (name.equals("points/IssueCustomerToken.json")) {
                token = Json.MAPPER.readTree(response.getBody()).get("token").asText();
            }
            if (name.equals("points/rules/CreateEarningRule.json")) {
                rule = Json.MAPPER.readTree(response.getBody()).get("earningRuleId").asText();
            }
            if (name.equals("points/AddPoints.json")) {
                String added = Json.MAPPER.readTree(response.getBody()).get("pointsTransferId").asText();
                transfers.put("points/ActivatePointsTransfer.json", added);
                transfers.put("points/ExpirePointsTransfer.json", added);
            }
            if (name.equals("points/AddPoints-form.json")) {
                transfers.put("points/CancelPointsTransfer.json",
                        Json.MAPPER.readTree(response.getBody()).get("pointsTransferId").asText());
            }
            if (name.equals("points/ImportPointsTransfers.json")) {
                assertThat(Json.MAPPER.readTree(response.getBody()).get("totalFailed").asInt()).as(response.getBody())
                        .isZero();
            }
            if (name.equals("giftcode-validate/Validate.json")) {
                assertThat(Json.MAPPER.readTree(response.getBody()).get("canUse").asBoolean()).as(response.getBody()).isTrue();
            }
            if (name.equals("admin/ListGiftCodes.json")) {
                JsonNode listed = Json.MAPPER.readTree(response.getBody());
                assertThat(listed.get("codes")).as(response.getBody()).hasSize(20)
                        .allSatisfy(c -> assertThat(c.get("code").asText()).startsWith("MANO"));
            }
            if (name.equals("admin/VoidGiftCodeBatch.json")) {
                assertThat(Json.MAPPER.readTree(response.getBody()).get("voided").asInt()).as(response.getBody())
                        .isEqualTo(100);
            }
            if (name.equals("admin/GetOrder.json")) {
                JsonNode order = Json.MAPPER.readTree(response.getBody());
                assertThat(order.get("redemptions").get(0).get("outcome").asText()).isEqualTo("APPLIED");
            }
        }
    }

    /** The function whose template event declares this route; the file's folder must be its CodeUri's. */
    private static String functionFor(String file, String routeKey) {
        var route = template.routes().stream().filter(r -> r.routeKey().equals(routeKey)).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": no template route " + routeKey));
        var function = template.functions().stream().filter(f -> f.logicalId().equals(route.function()))
                .findFirst().orElseThrow();
        assertThat(Path.of(function.codeUri()).getFileName().toString()).as(file + " folder")
                .isEqualTo(file.substring(0, file.indexOf('/')));
        return function.logicalId();
    }
}
