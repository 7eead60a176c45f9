package org.serverlessloyalty.shared.campaign.model;

/**
 * The texts of a campaign in one locale ({@code translations[<locale>][…]}); the markdown fields are rendered to HTML
 * only when a read asks {@code format=html}. {@code name} is required for the default locale (1.A.1).
 */
public record CampaignTranslation(String locale, String name, String shortDescription, String conditionsDescription,
                                  String usageInstruction, String brandDescription, String brandName) {
}
