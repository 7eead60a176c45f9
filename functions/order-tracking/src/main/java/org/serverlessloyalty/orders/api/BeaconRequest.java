package org.serverlessloyalty.orders.api;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The front-end order beacon, {@code GET /v1/resource/third-o?key&teaid&catid&ordid&ordts&sesid&cusid&procods&pris&quas}
 * (CitrusAd's open API). {@code procods}, {@code pris} and {@code quas} are parallel arrays sent by
 * repeating the parameter ({@code procods=a&procods=b}); a single comma-separated value is taken too.
 *
 * <p>API Gateway (payload 2.0) joins repeated parameters with commas in {@code queryStringParameters},
 * which would split a value holding a comma wrongly; so the raw query string is parsed here, and the
 * joined map is only a fallback when no raw query string came (some local tools).
 *
 * <p>{@code pris} are unit prices: a line's total is price × quantity and the order's total their sum.
 */
final class BeaconRequest {

    static final List<String> REQUIRED = List.of("key", "catid", "ordid", "ordts", "sesid", "procods", "pris", "quas");
    private static final List<String> SINGLE = List.of("key", "teaid", "catid", "ordid", "ordts", "sesid", "cusid");
    private static final int MAX_ITEMS = 200;

    private final Map<String, List<String>> parameters;
    private final FieldErrors errors;

    private BeaconRequest(Map<String, List<String>> parameters, FieldErrors errors) {
        this.parameters = parameters;
        this.errors = errors;
    }

    static BeaconRequest parse(String rawQueryString, Map<String, String> joinedParameters) {
        FieldErrors errors = FieldErrors.none();
        Map<String, List<String>> parameters = rawQueryString != null && !rawQueryString.isBlank()
                ? parseQuery(rawQueryString, errors)
                : fromJoined(joinedParameters);
        return new BeaconRequest(parameters, errors);
    }

    /** {@code a=1&b=x%20y&a=2} → {a: [1, 2], b: [x y]}; names and values URL-decoded. */
    static Map<String, List<String>> parseQuery(String raw, FieldErrors errors) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(URLDecoder.decode(rawValue, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                errors.add(PlainText.excerpt(rawName), "is not URL-encoded correctly");
            }
        }
        return parameters;
    }

    private static Map<String, List<String>> fromJoined(Map<String, String> joined) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (joined != null) {
            joined.forEach((name, value) -> parameters.put(name, new ArrayList<>(List.of(value))));
        }
        return parameters;
    }

    /** {@code key} when it was given once and not blank. */
    Optional<String> key() {
        List<String> values = parameters.getOrDefault("key", List.of());
        return values.size() == 1 && !values.get(0).isBlank() ? Optional.of(values.get(0).strip()) : Optional.empty();
    }

    /** The report for the store the key opened; 400 naming every offending parameter first. */
    OrderReport toReport(StoreCode store) {
        Map<String, String> single = new LinkedHashMap<>();
        for (String name : SINGLE) {
            List<String> values = parameters.getOrDefault(name, List.of());
            if (values.size() > 1) {
                errors.add(name, "must be given once");
            } else if (values.isEmpty() || values.get(0).isBlank()) {
                if (REQUIRED.contains(name)) {
                    errors.add(name, "is required");
                }
            } else if (values.get(0).strip().length() > OrderFields.MAX_TEXT) {
                errors.add(name, "must be at most " + OrderFields.MAX_TEXT + " characters");
            } else if (!PlainText.isClean(values.get(0).strip())) {
                errors.add(name, "must not contain control or format characters");
            } else {
                single.put(name, values.get(0).strip());
            }
        }
        String orderId = single.get("ordid");
        if (orderId != null && !OrderFields.isOrderId(orderId)) {
            errors.add("ordid", "must be 1-" + OrderFields.MAX_ID_LENGTH + " characters without spaces or '/'");
        }
        OffsetDateTime orderDate = single.containsKey("ordts")
                ? OrderFields.dateTime(single.get("ordts"), "ordts", errors)
                : null;

        List<String> products = list("procods");
        List<String> prices = list("pris");
        List<String> quantities = list("quas");
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        if (products != null && prices != null && quantities != null) {
            if (products.size() != prices.size() || prices.size() != quantities.size()) {
                String sizes = "procods, pris and quas must have the same length (" + products.size() + ", "
                        + prices.size() + ", " + quantities.size() + ")";
                errors.add("procods", sizes).add("pris", sizes).add("quas", sizes);
            } else {
                for (int i = 0; i < products.size(); i++) {
                    BigDecimal price = OrderFields.price(prices.get(i), "pris[" + i + "]", errors);
                    Integer quantity = OrderFields.quantity(quantities.get(i), "quas[" + i + "]", errors);
                    if (products.get(i).length() > 200) {
                        errors.add("procods[" + i + "]", "must be at most 200 characters");
                    } else if (!PlainText.isClean(products.get(i))) {
                        errors.add("procods[" + i + "]", "must not contain control or format characters");
                    }
                    if (price != null && quantity != null) {
                        BigDecimal lineTotal = OrderFields.normal(price.multiply(BigDecimal.valueOf(quantity)));
                        lines.add(new OrderLine(products.get(i), null, quantity, null, null, price, lineTotal, null));
                        total = total.add(lineTotal);
                    }
                }
            }
        }
        errors.throwIfAny();
        if (store == null) {
            throw ApiException.unauthorized();
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("catalogId", single.get("catid"));
        attributes.put("sessionId", single.get("sesid"));
        if (single.containsKey("teaid")) {
            attributes.put("teamId", single.get("teaid"));
        }
        return new OrderReport(store, orderId, OrderSource.BEACON, OrderStatus.PAID, single.get("cusid"), orderDate,
                OrderFields.normal(total), null, null, null, List.of(), lines, attributes);
    }

    /** A parallel array: the repeated parameter's values, or one value split at commas; null (recorded) when missing. */
    private List<String> list(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        List<String> entries = values.size() == 1
                ? Arrays.stream(values.get(0).split(",", -1)).map(String::strip).toList()
                : values.stream().map(String::strip).toList();
        if (values.isEmpty() || (entries.size() == 1 && entries.get(0).isEmpty())) {
            errors.add(name, "is required (one value per product)");
            return null;
        }
        if (entries.size() > MAX_ITEMS) {
            errors.add(name, "must have at most " + MAX_ITEMS + " values");
            return null;
        }
        boolean blank = false;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).isEmpty()) {
                errors.add(name + "[" + i + "]", "must not be empty");
                blank = true;
            }
        }
        return blank ? null : entries;
    }
}
