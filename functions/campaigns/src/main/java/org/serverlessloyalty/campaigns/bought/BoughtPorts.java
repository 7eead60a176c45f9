package org.serverlessloyalty.campaigns.bought;

import org.serverlessloyalty.shared.campaign.port.BoughtRewards;
import org.serverlessloyalty.shared.campaign.port.CouponEventsDue;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.webhook.port.WebhookQueue;
import org.serverlessloyalty.shared.webhook.port.WebhookStore;

/**
 * What bought rewards run on (issue 11, h11-bought): the rewards, their coupon-created events' marks, the gift codes
 * those events describe, and the coupon-created webhook (its configuration, records and queue).
 */
public record BoughtPorts(BoughtRewards rewards, CouponEventsDue eventsDue, GiftCodeRepository giftCodes,
                          WebhookStore webhooks, WebhookQueue webhookQueue) {
}
