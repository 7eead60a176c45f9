package org.serverlessloyalty.shared.giftcode.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;

/** Shopper-facing messages for each refusal, in the languages the engine speaks. */
public final class Messages {

    public static final List<String> LANGUAGES = List.of("fr", "en");

    private static final Map<ValidationReason, String> FR = new EnumMap<>(Map.of(
            ValidationReason.NOT_FOUND, "Ce code n'existe pas",
            ValidationReason.VOIDED, "Ce code a été annulé",
            ValidationReason.NOT_YET_ACTIVE, "Ce code n'est pas encore actif",
            ValidationReason.EXPIRED, "Ce code a expiré",
            ValidationReason.USAGE_EXHAUSTED, "Ce code a atteint son nombre maximal d'utilisations",
            ValidationReason.CUSTOMER_LIMIT_REACHED, "Vous avez déjà utilisé ce code le nombre de fois autorisé",
            ValidationReason.NOT_COMBINABLE, "Ce code ne peut pas être combiné avec les codes déjà appliqués",
            ValidationReason.THRESHOLD_NOT_REACHED, "Le montant minimum de commande pour ce code n'est pas atteint",
            ValidationReason.NO_ELIGIBLE_ITEM, "Aucun article du panier n'est éligible à ce code"));

    private static final Map<ValidationReason, String> EN = new EnumMap<>(Map.of(
            ValidationReason.NOT_FOUND, "This code does not exist",
            ValidationReason.VOIDED, "This code has been cancelled",
            ValidationReason.NOT_YET_ACTIVE, "This code is not active yet",
            ValidationReason.EXPIRED, "This code has expired",
            ValidationReason.USAGE_EXHAUSTED, "This code has reached its maximum number of uses",
            ValidationReason.CUSTOMER_LIMIT_REACHED, "You have already used this code as many times as allowed",
            ValidationReason.NOT_COMBINABLE, "This code cannot be combined with the codes already applied",
            ValidationReason.THRESHOLD_NOT_REACHED, "The minimum order amount for this code is not reached",
            ValidationReason.NO_ELIGIBLE_ITEM, "No item in the cart is eligible for this code"));

    private Messages() {
    }

    public static String of(ValidationReason reason, String language) {
        return ("fr".equals(language) ? FR : EN).get(reason);
    }

    /**
     * The language to answer in: the best supported one in {@code Accept-Language} (by q-value),
     * else the store's locale, else English.
     */
    public static String language(String acceptLanguage, Locale storeLocale) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                for (Locale.LanguageRange range : ranges) {
                    if (range.getWeight() <= 0) {
                        continue;
                    }
                    String tag = range.getRange();
                    String language = tag.equals("*") ? null : tag.split("-")[0].toLowerCase(Locale.ROOT);
                    if (language != null && LANGUAGES.contains(language)) {
                        return language;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header must not break checkout: fall back to the store's language.
            }
        }
        String storeLanguage = storeLocale == null ? "" : storeLocale.getLanguage();
        return LANGUAGES.contains(storeLanguage) ? storeLanguage : "en";
    }
}
