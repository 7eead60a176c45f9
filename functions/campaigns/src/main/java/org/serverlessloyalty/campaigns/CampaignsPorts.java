package org.serverlessloyalty.campaigns;

import java.time.Duration;
import java.util.function.Supplier;
import org.serverlessloyalty.shared.campaign.port.BoughtRewards;
import org.serverlessloyalty.shared.campaign.port.CampaignCatalogue;
import org.serverlessloyalty.shared.campaign.port.CampaignImages;
import org.serverlessloyalty.shared.campaign.port.CampaignPhotos;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.port.CashbackPayouts;
import org.serverlessloyalty.shared.campaign.port.PurchaseStore;
import org.serverlessloyalty.shared.points.port.CustomerTokenSecrets;
import org.serverlessloyalty.shared.transaction.service.LoyaltyServices;

/**
 * The adapters the campaigns function runs on: built once per instance by the handler's no-arg constructor, or given
 * by a test. The handler builds every service over these.
 *
 * @param loyalty   members, points, levels and segments (who a campaign is for, what a purchase spends)
 * @param campaigns the catalogue: definitions, pools, counters
 * @param catalogue issue 11 (h11-catalogue): the catalogue's writes, pool reads and categories
 * @param purchases    issue 11 h11-buy: where a purchase's one transaction is written
 * @param photos    issue 11 (media): photo and brand icon records
 * @param images    issue 11 (media): the private bucket the images are in
 * @param bought       issue 11 h11-bought: bought rewards after their purchase (lists, mark as used, delivery)
 * @param payouts      issue 11 h11-callback: the cashback callback's secret and the payout results
 */
public record CampaignsPorts(Supplier<String> adminKey, CustomerTokenSecrets secrets, Duration tokenLifetime,
                             LoyaltyServices.Ports loyalty, CampaignRepository campaigns,
                             // issue 11: h11-catalogue
                             CampaignCatalogue catalogue,
                             // issue 11: buy
                             PurchaseStore purchases,
                             // issue 11: media
                             CampaignPhotos photos, CampaignImages images,
                             // issue 11: h11-bought
                             BoughtRewards bought,
                             // issue 11: callback
                             CashbackPayouts payouts) {
}
