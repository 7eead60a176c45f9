package org.serverlessloyalty.campaigns;

import java.time.Duration;
import java.util.function.Supplier;
import org.serverlessloyalty.campaigns.bought.BoughtPorts;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.points.port.CustomerTokenSecrets;
import org.serverlessloyalty.shared.transaction.service.LoyaltyServices;

/**
 * The adapters the campaigns function runs on: built once per instance by the handler's no-arg constructor, or given
 * by a test. The handler builds every service over these.
 *
 * @param loyalty   members, points, levels and segments (who a campaign is for, what a purchase spends)
 * @param campaigns the catalogue: definitions, pools, counters
 * @param bought    issue 11, h11-bought: bought rewards after their purchase (lists, mark as used, delivery) and
 *                  their coupon-created events
 */
public record CampaignsPorts(Supplier<String> adminKey, CustomerTokenSecrets secrets, Duration tokenLifetime,
                             LoyaltyServices.Ports loyalty, CampaignRepository campaigns,
                             // issue 11: h11-bought
                             BoughtPorts bought) {
}
