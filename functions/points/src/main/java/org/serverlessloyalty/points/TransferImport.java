package org.serverlessloyalty.points;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.RequestHash;
import org.serverlessloyalty.shared.platform.idempotency.StoredAnswer;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.json.PointsJson;
import org.serverlessloyalty.shared.points.model.ImportRow;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.points.rules.MemberIds;
import org.serverlessloyalty.shared.points.rules.PointsAmounts;
import org.serverlessloyalty.shared.points.service.PointsTransfers;

/**
 * B8, {@code POST /points/transfer/import}: adds and spends in bulk, as CSV ({@code text/csv}: a line
 * {@code customer,type,points,comment} each, an optional header line of those names) or JSON
 * ({@code {"transfers":[{"customer","type","points","comment"}]}}). Open Loyalty takes an XML file; its format
 * is not documented, so it is not guessed at here (415 names the two types taken).
 *
 * <p>The whole file is checked first: a bad row is a 400 naming each bad field ({@code transfers[3].points}, rows
 * counted from 0 without the header) and nothing is written. Then each row is one write of its own, answered as
 * Open Loyalty does, per item: {@code success} with its {@code pointsTransferId}, or {@code error} with Open
 * Loyalty's message ({@code not enough points}). With an {@code Idempotency-Key}, each row runs once under a key
 * derived from it and the row's place, and the whole answer is recorded under the key itself: an import cut short
 * is finished by sending it again, and a finished one answers the same items again.
 */
final class TransferImport {

    static final int MAX_ROWS = 100;
    static final String ROWS = "transfers";
    static final String CSV = "text/csv";
    private static final Set<String> FIELDS = Set.of("customer", "type", "points", "comment");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final PointsTransfers transfers;
    private final TransferAnswers answers;
    private final BusinessMetrics metrics;

    TransferImport(PointsTransfers transfers, TransferAnswers answers, BusinessMetrics metrics) {
        this.transfers = transfers;
        this.answers = answers;
        this.metrics = metrics;
    }

    ApiResponse importTransfers(ApiRequest request, Caller caller) {
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        List<ImportRow> rows = rows(request);
        StoreZone zone = TransferRoutes.zone(caller);
        List<String> hashParts = new ArrayList<>();
        hashParts.add(request.routeKey());
        rows.forEach(row -> hashParts.addAll(java.util.Arrays.asList(rowHash(row))));
        var scope = new IdempotencyScope(zone.code().value(), request.routeKey());
        Idempotency.Result<List<Map<String, Object>>> result = answers.idempotency().run(scope, key, RequestHash.of(hashParts.toArray(String[]::new)),
                items -> TransferAnswers.stored(ApiResponse.ok(body(items))),
                (Claim<List<Map<String, Object>>> whole) -> run(request, zone, key, rows));
        if (result instanceof Idempotency.Result.Fresh<List<Map<String, Object>>> fresh) {
            return ApiResponse.ok(body(fresh.result()));
        }
        if (result instanceof Idempotency.Result.Replayed<List<Map<String, Object>>> replayed) {
            return TransferAnswers.replay(replayed.answer());
        }
        throw TransferAnswers.keyReused();
    }

    /** Each row once: under its own key (derived from the import's key and the row's place) when keyed. */
    private List<Map<String, Object>> run(ApiRequest request, StoreZone zone, Optional<IdempotencyKey> key,
                                          List<ImportRow> rows) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            String place = Integer.toString(i);
            // Rows are told apart by their place: the same row twice in a file is two transfers.
            Optional<IdempotencyKey> rowKey = key.map(k -> new IdempotencyKey(RequestHash.of(k.value(), place)));
            var scope = new IdempotencyScope(zone.code().value(), request.routeKey() + " row");
            Idempotency.Result<TransferOutcome> result = answers.idempotency().<TransferOutcome>run(scope, rowKey,
                    RequestHash.of(rowHash(row)), outcome -> new StoredAnswer(200, Json.write(item(row, outcome))),
                    claim -> transfers.importRow(zone, row, claim));
            if (result instanceof Idempotency.Result.Fresh<TransferOutcome> fresh) {
                Map<String, Object> item = item(row, fresh.result());
                if ("success".equals(item.get("status"))) {
                    metrics.count(row.type() == TransferType.ADDING ? "PointsAdded" : "PointsSpent", 1);
                }
                items.add(item);
            } else if (result instanceof Idempotency.Result.Replayed<TransferOutcome> replayed) {
                items.add(Json.MAPPER.convertValue(Json.parseObject(replayed.answer().body().getBytes(
                        StandardCharsets.UTF_8)), LINKED_MAP));
            } else {
                throw TransferAnswers.keyReused();
            }
        }
        return items;
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>> LINKED_MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    private static String[] rowHash(ImportRow row) {
        return new String[] {row.memberId(), row.type().openLoyaltyName(), row.points().toPlainString(),
                row.comment()};
    }

    /** One item of Open Loyalty's answer. */
    private static Map<String, Object> item(ImportRow row, TransferOutcome outcome) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (outcome instanceof TransferOutcome.Done done) {
            item.put("status", "success");
            item.put("processImportResult", Map.of("object", Map.of("pointsTransferId", done.id().value())));
        } else if (outcome instanceof TransferOutcome.Refused refused) {
            item.put("status", "error");
            item.put("message", refused.refusal().message());
        } else {
            throw new IllegalStateException("An import row answered " + outcome);
        }
        item.put("identifier", row.identifier());
        return item;
    }

    private static Map<String, Object> body(List<Map<String, Object>> items) {
        long success = items.stream().filter(i -> "success".equals(i.get("status"))).count();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("totalProcessed", items.size());
        body.put("totalSuccess", success);
        body.put("totalFailed", items.size() - success);
        return body;
    }

    /** The file's rows, every one valid, or a 400 naming each bad field. */
    private static List<ImportRow> rows(ApiRequest request) {
        String type = request.mediaType().orElse("");
        JsonNode tree;
        if (type.equals(CSV)) {
            tree = csv(request.body());
        } else if (type.equals("application/json")) {
            tree = Json.parseObject(request.body());
        } else {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Send the import as " + CSV + " or application/json",
                    FieldErrors.single("Content-Type", "must be " + CSV + " or application/json"));
        }
        FieldErrors errors = FieldErrors.none();
        JsonFields body = JsonFields.root(tree, errors);
        body.rejectUnknown(Set.of(ROWS));
        body.require(ROWS);
        List<JsonFields> entries = body.objects(ROWS, MAX_ROWS);
        List<ImportRow> rows = new ArrayList<>();
        if (entries != null && entries.isEmpty()) {
            errors.add(ROWS, "must hold at least one transfer");
        }
        for (JsonFields entry : entries == null ? List.<JsonFields>of() : entries) {
            if (entry == null) {
                continue;
            }
            ImportRow row = row(entry);
            if (row != null) {
                rows.add(row);
            }
        }
        errors.throwIfAny();
        return rows;
    }

    private static ImportRow row(JsonFields entry) {
        int before = entry.errors().size();
        entry.rejectUnknown(FIELDS);
        String memberId = null;
        String customer = entry.identifier("customer", 64);
        if (customer == null) {
            entry.require("customer");
        } else {
            memberId = MemberIds.parse(customer).orElse(null);
            if (memberId == null) {
                entry.errors().add(entry.path("customer"), "This is not a valid UUID.");
            }
        }
        TransferType type = null;
        String typeName = entry.string("type", 20);
        if (typeName == null) {
            entry.require("type");
        } else if (typeName.toLowerCase(Locale.ROOT).equals("adding")) {
            type = TransferType.ADDING;
        } else if (typeName.toLowerCase(Locale.ROOT).equals("spending")) {
            type = TransferType.SPENDING;
        } else {
            entry.errors().add(entry.path("type"), "must be adding or spending");
        }
        BigDecimal points = null;
        if (!entry.has("points")) {
            entry.errors().add(entry.path("points"), PointsAmounts.REQUIRED);
        } else {
            points = entry.decimal("points", null, PointsAmounts.MAXIMUM, 2);
            if (points != null) {
                PointsAmounts.checkAtLeastOne("points", points)
                        .ifPresent(r -> entry.errors().add(entry.path("points"), r.message()));
            }
        }
        String comment = entry.string("comment", TransferRoutes.MAX_COMMENT);
        if (entry.errors().size() > before) {
            return null;
        }
        String identifier = memberId + "/(" + type.openLoyaltyName() + " " + PointsJson.number(new Points(points)) + ")";
        return new ImportRow(identifier, type, memberId, points, comment == null || comment.isBlank() ? null : comment);
    }

    /**
     * CSV as RFC 4180 writes it (comma-separated, {@code "quoted, with ""quotes"""}), into the JSON form's tree: a
     * number stays a number, so both forms are checked alike. A first line naming the columns is a header.
     */
    static ObjectNode csv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(FieldErrors.single("body", "must be UTF-8 text"));
        }
        List<List<String>> lines = parseCsv(text);
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        ArrayNode rows = tree.putArray(ROWS);
        List<String> columns = List.of("customer", "type", "points", "comment");
        boolean first = true;
        for (List<String> line : lines) {
            if (line.size() == 1 && line.get(0).isBlank()) {
                continue;
            }
            if (first && line.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList().contains("customer")) {
                first = false;
                columns = line.stream().map(String::strip).toList();
                continue;
            }
            first = false;
            ObjectNode row = rows.addObject();
            for (int i = 0; i < line.size(); i++) {
                String name = i < columns.size() ? columns.get(i) : "column" + (i + 1);
                String value = line.get(i).strip();
                if (value.isEmpty()) {
                    continue;
                }
                if (NUMBER.matcher(value).matches() && value.length() <= Json.MAX_NUMBER_CHARS) {
                    row.put(name, new BigDecimal(value));
                } else {
                    row.put(name, value);
                }
            }
        }
        return tree;
    }

    private static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw ApiException.badRequest(FieldErrors.single("body", "has a quoted value that never ends"));
        }
        if (cell.length() > 0 || !line.isEmpty()) {
            line.add(cell.toString());
            lines.add(line);
        }
        return lines;
    }
}
