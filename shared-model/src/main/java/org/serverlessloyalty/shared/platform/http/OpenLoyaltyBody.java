package org.serverlessloyalty.shared.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way an Open Loyalty request body becomes fields to read. Open Loyalty's Symfony forms are named by a root
 * key ({@code store}, {@code customer}, {@code transfer}, {@code campaign}...) and its clients send them form-encoded
 * with bracket fields ({@code transfer[customer]=...&transfer[points]=9}) or as JSON with the same nesting, with or
 * without the root key ({@code {"transfer":{"points":9}}} or {@code {"points":9}}). All four give the same tree.
 *
 * <p>Which reader: a body whose first non-blank byte is <code>{</code> is JSON, whatever its {@code Content-Type}
 * says ({@code curl -d '{...}'} sends JSON labelled as a form); else {@code application/json} (or
 * {@code application/*+json}) is JSON, {@code application/x-www-form-urlencoded} or no {@code Content-Type} is a
 * form, and anything else, {@code multipart/form-data} included, is 415: no Open Loyalty body carries a file.
 */
public final class OpenLoyaltyBody {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    private OpenLoyaltyBody() {
    }

    /**
     * The request's body under {@code root} ("store", "customer", "transfer", "campaign", ...): form-encoded
     * bracket fields or JSON, with or without the root key, as one tree read through JsonFields whose error
     * paths are written as the client sent them ("transfer[points]", "campaign[levels][0]").
     * Empty body → an empty object. Malformed → 400 naming "body". Same bounds and hygiene as Json.parseObject
     * (numbers, duplicate keys, control characters, nesting, sizes) — reused, not duplicated. A body over
     * {@link ApiRequest#MAX_BODY_BYTES} is 413; a media type other than JSON or a form is 415.
     */
    public static JsonFields parse(ApiRequest request, String root) {
        return parse(request.mediaType().orElse(null), request.body(), root);
    }

    /** {@link #parse(ApiRequest, String)} for a body and its media type (null when the request names none). */
    public static JsonFields parse(String mediaType, byte[] body, String root) {
        ObjectNode tree = tree(mediaType, body);
        FieldErrors errors = FieldErrors.none();
        JsonNode wrapped = tree.get(root);
        if (wrapped == null || tree.size() != 1) {
            // Without the root key the fields are the body's own, named as sent: "points", "levels[0]".
            return JsonFields.openLoyalty(tree, "", errors);
        }
        if (!wrapped.isObject()) {
            throw ApiException.badRequest(FieldErrors.single(root, "must hold the " + root + "'s fields, as "
                    + root + "[field]=... or {\"" + root + "\":{...}}"));
        }
        return JsonFields.openLoyalty(wrapped, root, errors);
    }

    /**
     * A body holding several forms at once (issue 12: {@code earningRule[...]} and {@code transaction[...]}): each
     * root's fields, in the order asked, all recording into ONE {@link FieldErrors}, so a single 400 names every bad
     * field of every part. An absent root reads as empty fields under its name (its own required checks then name
     * them, {@code earningRule[type]}); a root that is not an object, or a key that is no root, is recorded. Unlike
     * {@link #parse}, the root keys are required: without them, which field belongs to which part would be a guess.
     */
    public static java.util.Map<String, JsonFields> parseEach(ApiRequest request, String... roots) {
        ObjectNode tree = tree(request.mediaType().orElse(null), request.body());
        FieldErrors errors = FieldErrors.none();
        java.util.Set<String> known = java.util.Set.of(roots);
        for (java.util.Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(name, "is not a known field: send " + String.join(" and ", roots) + " forms");
            }
        }
        java.util.Map<String, JsonFields> parts = new java.util.LinkedHashMap<>();
        for (String root : roots) {
            JsonNode wrapped = tree.get(root);
            if (wrapped != null && !wrapped.isObject()) {
                errors.add(root, "must hold the " + root + "'s fields, as " + root + "[field]=... or {\"" + root
                        + "\":{...}}");
                wrapped = null;
            }
            parts.put(root, JsonFields.openLoyalty(wrapped == null ? JsonNodeFactory.instance.objectNode() : wrapped,
                    root, errors));
        }
        return parts;
    }

    /**
     * The whole body as one tree, before the root key is looked at: what {@link #parse} reads the fields from, public
     * so that a tool holding bodies to a documented schema (the contract tests) reads them exactly as a handler does.
     * Empty or blank → an empty object; 400 and 415 as {@link #parse}.
     */
    public static ObjectNode tree(String mediaType, byte[] body) {
        if (isBlank(body)) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (readAs(mediaType, body).equals(JSON)) {
            // parseObject answers 400 naming "body" for anything but a JSON object.
            return (ObjectNode) Json.parseObject(body, PathStyle.BRACKETS);
        }
        return FormBody.parse(body);
    }

    /**
     * Which reader a body that is not blank gets, {@link #JSON} or {@link #FORM}, by the rule in this class's
     * comment; 415 for any other media type.
     */
    public static String readAs(String mediaType, byte[] body) {
        int first = 0;
        while (first < body.length && isBlank(body[first])) {
            first++;
        }
        String type = Optional.ofNullable(mediaType).map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        if ((first < body.length && body[first] == '{') || JSON.equals(type)
                || (type != null && type.startsWith("application/") && type.endsWith("+json"))) {
            return JSON;
        }
        if (type == null || FORM.equals(type)) {
            return FORM;
        }
        throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE",
                "Send the body as " + FORM + " or " + JSON,
                FieldErrors.single("Content-Type", "must be " + FORM + " or " + JSON));
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!isBlank(b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
