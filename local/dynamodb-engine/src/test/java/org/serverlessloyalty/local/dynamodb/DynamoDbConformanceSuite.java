package org.serverlessloyalty.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.serverlessloyalty.local.dynamodb.Sdk.b;
import static org.serverlessloyalty.local.dynamodb.Sdk.bool;
import static org.serverlessloyalty.local.dynamodb.Sdk.item;
import static org.serverlessloyalty.local.dynamodb.Sdk.l;
import static org.serverlessloyalty.local.dynamodb.Sdk.m;
import static org.serverlessloyalty.local.dynamodb.Sdk.n;
import static org.serverlessloyalty.local.dynamodb.Sdk.ns;
import static org.serverlessloyalty.local.dynamodb.Sdk.nul;
import static org.serverlessloyalty.local.dynamodb.Sdk.s;
import static org.serverlessloyalty.local.dynamodb.Sdk.ss;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Behaviour every DynamoDB implementation must show, written once against the AWS SDK v2 and run against
 * the local engine and (when Docker is available) LocalStack. Each test uses fresh tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DynamoDbConformanceSuite {

    private static final AtomicInteger TABLE_COUNTER = new AtomicInteger();

    protected DynamoDbClient ddb;

    /** The endpoint under test; called once before the tests. */
    protected abstract URI endpoint();

    /** Whether ConsumedCapacity figures are checked (DynamoDB's billing rules). */
    protected boolean checksCapacity() {
        return true;
    }

    @BeforeAll
    void connect() {
        ddb = Sdk.client(endpoint());
    }

    @AfterAll
    void disconnect() {
        if (ddb != null) {
            ddb.close();
        }
    }

    // ------------------------------------------------------------------ table helpers

    protected static String uniqueName(String prefix) {
        return prefix + "-" + TABLE_COUNTER.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    }

    /** A table with pk (S) and sk (S) and a GSI "gsi1" on gpk (S) / gsk (N) projecting ALL. */
    protected String createMainTable() {
        String name = uniqueName("main");
        ddb.createTable(t -> t.tableName(name)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
                        attr("gpk", ScalarAttributeType.S), attr("gsk", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi1")
                        .keySchema(key("gpk", KeyType.HASH), key("gsk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        ddb.waiter().waitUntilTableExists(r -> r.tableName(name));
        return name;
    }

    /** A table with only a partition key pk (S). */
    protected String createSimpleTable() {
        String name = uniqueName("simple");
        ddb.createTable(t -> t.tableName(name)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        ddb.waiter().waitUntilTableExists(r -> r.tableName(name));
        return name;
    }

    protected static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    protected static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    protected Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return ddb.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }

    // ------------------------------------------------------------------ tables

    @Test
    void createAndDescribeTableWithGsi() {
        String table = createMainTable();
        TableDescription d = ddb.describeTable(r -> r.tableName(table)).table();
        assertThat(d.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(d.tableName()).isEqualTo(table);
        assertThat(d.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(d.tableArn()).contains(":table/" + table);
        assertThat(d.globalSecondaryIndexes()).hasSize(1);
        assertThat(d.globalSecondaryIndexes().get(0).indexName()).isEqualTo("gsi1");
        assertThat(d.globalSecondaryIndexes().get(0).keySchema())
                .containsExactly(key("gpk", KeyType.HASH), key("gsk", KeyType.RANGE));
        assertThat(d.globalSecondaryIndexes().get(0).projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(ddb.listTables().tableNames()).contains(table);
    }

    @Test
    void creatingAnExistingTableFailsWithResourceInUse() {
        String table = createSimpleTable();
        assertThatThrownBy(() -> ddb.createTable(t -> t.tableName(table)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)))
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void missingTablesRaiseResourceNotFound() {
        String missing = uniqueName("missing");
        assertThatThrownBy(() -> ddb.describeTable(r -> r.tableName(missing)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ddb.getItem(r -> r.tableName(missing).key(item("pk", s("a")))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName(missing).item(item("pk", s("a")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deleteTableRemovesIt() {
        String table = createSimpleTable();
        ddb.deleteTable(r -> r.tableName(table));
        ddb.waiter().waitUntilTableNotExists(r -> r.tableName(table));
        assertThat(ddb.listTables().tableNames()).doesNotContain(table);
        assertThatThrownBy(() -> ddb.describeTable(r -> r.tableName(table))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void timeToLiveIsRecorded() {
        String table = createSimpleTable();
        assertThat(ddb.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
        ddb.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
        var d = ddb.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        assertThat(d.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(d.attributeName()).isEqualTo("expiresAt");
    }

    // ------------------------------------------------------------------ items

    @Test
    void putGetRoundTripsEveryAttributeType() {
        String table = createSimpleTable();
        Map<String, AttributeValue> nested = item("inner", s("x"), "num", n("7"));
        Map<String, AttributeValue> written = item("pk", s("all-types"), "s", s("text é ✓"), "n", n("1.50"),
                "neg", n("-0.0100"), "big", n("12345678901234567890123456789012345678"), "b", b((byte) 1, (byte) 2, (byte) 255),
                "t", bool(true), "f", bool(false), "nul", nul(), "m", m(nested), "l", l(s("a"), n("2"), bool(false)),
                "ss", ss("x", "y"), "ns", ns("1", "2.5"), "emptyString", s(""));
        ddb.putItem(r -> r.tableName(table).item(written));
        Map<String, AttributeValue> read = get(table, item("pk", s("all-types")));
        assertThat(read.get("s").s()).isEqualTo("text é ✓");
        assertThat(read.get("n").n()).isEqualTo("1.5");
        assertThat(read.get("neg").n()).isEqualTo("-0.01");
        assertThat(read.get("big").n()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(read.get("b").b().asByteArray()).containsExactly(1, 2, 255);
        assertThat(read.get("t").bool()).isTrue();
        assertThat(read.get("f").bool()).isFalse();
        assertThat(read.get("nul").nul()).isTrue();
        assertThat(read.get("m").m()).containsEntry("inner", s("x")).containsEntry("num", n("7"));
        assertThat(read.get("l").l()).containsExactly(s("a"), n("2"), bool(false));
        assertThat(read.get("ss").ss()).containsExactlyInAnyOrder("x", "y");
        assertThat(read.get("ns").ns()).containsExactlyInAnyOrder("1", "2.5");
        assertThat(read.get("emptyString").s()).isEmpty();
        assertThat(read).hasSize(written.size());
    }

    @Test
    void getMissingItemReturnsNoItem() {
        String table = createSimpleTable();
        var response = ddb.getItem(r -> r.tableName(table).key(item("pk", s("nope"))));
        assertThat(response.hasItem()).isFalse();
    }

    @Test
    void projectionExpressionSelectsNestedPathsAndListElements() {
        String table = createSimpleTable();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("p"), "a", s("A"), "b", s("B"),
                "m", m(item("x", n(1), "y", n(2))), "l", l(s("l0"), s("l1"), s("l2")))));
        Map<String, AttributeValue> got = ddb.getItem(r -> r.tableName(table).key(item("pk", s("p")))
                .projectionExpression("a, m.y, l[2], #missing").expressionAttributeNames(Map.of("#missing", "nothere"))).item();
        assertThat(got).containsOnlyKeys("a", "m", "l");
        assertThat(got.get("m").m()).containsOnlyKeys("y");
        assertThat(got.get("l").l()).containsExactly(s("l2"));
    }

    @Test
    void putWithReturnValuesAllOldReturnsReplacedItem() {
        String table = createSimpleTable();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n(1))));
        var response = ddb.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n(2))).returnValues(ReturnValue.ALL_OLD));
        assertThat(response.attributes()).containsEntry("v", n(1));
        assertThat(get(table, item("pk", s("k")))).containsEntry("v", n(2));
    }

    @Test
    void deleteItemRemovesAndReturnsOldItem() {
        String table = createSimpleTable();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n(1))));
        var response = ddb.deleteItem(r -> r.tableName(table).key(item("pk", s("k"))).returnValues(ReturnValue.ALL_OLD));
        assertThat(response.attributes()).containsEntry("v", n(1));
        assertThat(get(table, item("pk", s("k")))).isEmpty();
    }

    @Test
    void updateExpressionsCoverSetArithmeticIfNotExistsListAppendRemoveAddDelete() {
        String table = createSimpleTable();
        Map<String, AttributeValue> key = item("pk", s("u"));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("u"), "count", n(10), "gone", s("x"),
                "tags", ss("b", "c"), "oldTags", ss("a", "z"), "list", l(n(1)), "doc", m(item("nest", m(item("v", n(1))))))));
        UpdateItemResponse response = ddb.updateItem(r -> r.tableName(table).key(key)
                .updateExpression("SET #c = #c + :five, balance = if_not_exists(balance, :zero) - :one, "
                        + "#l = list_append(#l, :more), doc.nest.v = :two, created = if_not_exists(created, :now) "
                        + "REMOVE gone ADD visits :one, tags :newTags DELETE oldTags :a")
                .expressionAttributeNames(Map.of("#c", "count", "#l", "list"))
                .expressionAttributeValues(item(":five", n(5), ":zero", n(0), ":one", n(1), ":more", l(n(2), n(3)),
                        ":two", n(2), ":now", s("2024"), ":newTags", ss("d"), ":a", ss("a")))
                .returnValues(ReturnValue.ALL_NEW));
        Map<String, AttributeValue> after = response.attributes();
        assertThat(after.get("count")).isEqualTo(n(15));
        assertThat(after.get("balance")).isEqualTo(n(-1));
        assertThat(after.get("list").l()).containsExactly(n(1), n(2), n(3));
        assertThat(after.get("doc").m().get("nest").m().get("v")).isEqualTo(n(2));
        assertThat(after.get("created")).isEqualTo(s("2024"));
        assertThat(after).doesNotContainKey("gone");
        assertThat(after.get("visits")).isEqualTo(n(1));
        assertThat(after.get("tags").ss()).containsExactlyInAnyOrder("b", "c", "d");
        assertThat(after.get("oldTags").ss()).containsExactly("z");
        assertThat(get(table, key)).isEqualTo(after);

        // DELETE removing the last members removes the attribute; REMOVE of a list element shifts the rest.
        ddb.updateItem(r -> r.tableName(table).key(key).updateExpression("DELETE tags :all REMOVE #l[0]")
                .expressionAttributeNames(Map.of("#l", "list"))
                .expressionAttributeValues(item(":all", ss("b", "c", "d"))));
        Map<String, AttributeValue> later = get(table, key);
        assertThat(later).doesNotContainKey("tags");
        assertThat(later.get("list").l()).containsExactly(n(2), n(3));
    }

    @Test
    void updateReturnValuesUpdatedOldAndNew() {
        String table = createSimpleTable();
        Map<String, AttributeValue> key = item("pk", s("r"));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("r"), "a", n(1), "b", n(1))));
        var old = ddb.updateItem(r -> r.tableName(table).key(key).updateExpression("SET a = :v, c = :v")
                .expressionAttributeValues(item(":v", n(9))).returnValues(ReturnValue.UPDATED_OLD)).attributes();
        assertThat(old).containsExactly(Map.entry("a", n(1)));
        var updatedNew = ddb.updateItem(r -> r.tableName(table).key(key).updateExpression("SET a = :v")
                .expressionAttributeValues(item(":v", n(10))).returnValues(ReturnValue.UPDATED_NEW)).attributes();
        assertThat(updatedNew).containsExactly(Map.entry("a", n(10)));
        var allOld = ddb.updateItem(r -> r.tableName(table).key(key).updateExpression("REMOVE b")
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        assertThat(allOld).containsEntry("b", n(1)).containsEntry("a", n(10)).containsEntry("c", n(9));
    }

    @Test
    void updateOfMissingItemCreatesIt() {
        String table = createSimpleTable();
        ddb.updateItem(r -> r.tableName(table).key(item("pk", s("new"))).updateExpression("ADD uses :one")
                .expressionAttributeValues(item(":one", n(1))));
        assertThat(get(table, item("pk", s("new")))).isEqualTo(item("pk", s("new"), "uses", n(1)));
    }

    // ------------------------------------------------------------------ conditions

    static Stream<Arguments> conditions() {
        return Stream.of(
                Arguments.of("attribute_exists(num)", true),
                Arguments.of("attribute_exists(nothere)", false),
                Arguments.of("attribute_not_exists(nothere)", true),
                Arguments.of("attribute_not_exists(num)", false),
                Arguments.of("attribute_type(num, :typeN)", true),
                Arguments.of("attribute_type(str, :typeN)", false),
                Arguments.of("begins_with(str, :hel)", true),
                Arguments.of("begins_with(str, :xyz)", false),
                Arguments.of("contains(str, :ell)", true),
                Arguments.of("contains(tags, :red)", true),
                Arguments.of("contains(tags, :xyz)", false),
                Arguments.of("contains(lst, :ten)", true),
                Arguments.of("size(str) = :five", true),
                Arguments.of("size(tags) = :two", true),
                Arguments.of("size(lst) > :five", false),
                Arguments.of("num = :ten", true),
                Arguments.of("num = :nine", false),
                Arguments.of("num <> :ten", false),
                Arguments.of("num <> :nine", true),
                Arguments.of("num < :eleven", true),
                Arguments.of("num < :ten", false),
                Arguments.of("num <= :ten", true),
                Arguments.of("num > :nine", true),
                Arguments.of("num > :ten", false),
                Arguments.of("num >= :ten", true),
                Arguments.of("num BETWEEN :nine AND :eleven", true),
                Arguments.of("num BETWEEN :eleven AND :twelve", false),
                Arguments.of("num IN (:nine, :ten)", true),
                Arguments.of("num IN (:nine, :eleven)", false),
                Arguments.of("str < :world", true),
                Arguments.of("num = :ten AND str = :hello", true),
                Arguments.of("num = :nine OR str = :hello", true),
                Arguments.of("NOT num = :nine", true),
                Arguments.of("num = :ten OR num = :nine AND str = :world", true),
                Arguments.of("(num = :ten OR num = :nine) AND str = :world", false),
                Arguments.of("NOT (num = :ten AND str = :hello)", false),
                Arguments.of("doc.nest = :hello", true),
                Arguments.of("lst[1] = :ten", true),
                Arguments.of("lst[5] = :ten", false),
                Arguments.of("nothere = :ten", false),
                Arguments.of("nothere <> :ten", true),
                Arguments.of("num = :tenText", false),
                Arguments.of("#weird = :hello", true));
    }

    private static final Map<String, AttributeValue> CONDITION_VALUES = item(":typeN", s("N"), ":hel", s("hel"),
            ":xyz", s("xyz"), ":ell", s("ell"), ":red", s("red"), ":ten", n(10), ":five", n(5), ":two", n(2),
            ":nine", n(9), ":eleven", n(11), ":twelve", n(12), ":hello", s("hello"), ":world", s("world"),
            ":tenText", s("10"));

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("conditions")
    void conditionFunctionsAndComparators(String condition, boolean expected) {
        String table = conditionTable();
        Map<String, AttributeValue> values = new HashMap<>();
        Matcher m = Pattern.compile(":[A-Za-z]+").matcher(condition);
        while (m.find()) {
            values.put(m.group(), CONDITION_VALUES.get(m.group()));
        }
        values.put(":t", n(System.nanoTime()));
        Map<String, String> names = condition.contains("#weird") ? Map.of("#weird", "we-ird") : null;
        Runnable update = () -> ddb.updateItem(r -> r.tableName(table).key(item("pk", s("cond")))
                .updateExpression("SET touched = :t").conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values));
        if (expected) {
            update.run();
            assertThat(get(table, item("pk", s("cond")))).containsEntry("touched", values.get(":t"));
        } else {
            assertThatThrownBy(update::run).isInstanceOf(ConditionalCheckFailedException.class);
            assertThat(get(table, item("pk", s("cond")))).doesNotContainKey("touched");
        }
    }

    private String conditionTable;

    private synchronized String conditionTable() {
        if (conditionTable == null) {
            conditionTable = createSimpleTable();
        }
        ddb.putItem(r -> r.tableName(conditionTable).item(item("pk", s("cond"), "num", n(10), "str", s("hello"),
                "tags", ss("red", "blue"), "lst", l(s("x"), n(10), s("z")), "doc", m(item("nest", s("hello"))),
                "we-ird", s("hello"))));
        return conditionTable;
    }

    @Test
    void failedConditionRaisesConditionalCheckFailedWithOldItem() {
        String table = createSimpleTable();
        Map<String, AttributeValue> original = item("pk", s("c"), "v", n(1));
        ddb.putItem(r -> r.tableName(table).item(original));
        ConditionalCheckFailedException e = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> ddb.putItem(r -> r.tableName(table).item(item("pk", s("c"), "v", n(2)))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(e).isNotNull();
        assertThat(e.item()).isEqualTo(original);
        assertThat(e.statusCode()).isEqualTo(400);

        ConditionalCheckFailedException withoutItem = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> ddb.deleteItem(r -> r.tableName(table).key(item("pk", s("c")))
                        .conditionExpression("v = :two").expressionAttributeValues(item(":two", n(2)))));
        assertThat(withoutItem.hasItem()).isFalse();
        assertThat(get(table, item("pk", s("c")))).isEqualTo(original);
    }

    @Test
    void validationErrorsAreValidationExceptions() {
        String table = createMainTable();
        assertValidation(() -> ddb.putItem(r -> r.tableName(table).item(item("pk", s("only-pk")))), "Missing the key sk");
        assertValidation(() -> ddb.putItem(r -> r.tableName(table).item(item("pk", n(1), "sk", s("x")))), "Type mismatch");
        assertValidation(() -> ddb.putItem(r -> r.tableName(table).item(item("pk", s(""), "sk", s("x")))), "empty string");
        assertValidation(() -> ddb.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("x"), "gsk", s("not-a-number")))),
                "Type mismatch");
        assertValidation(() -> ddb.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("x"), "big", s("x".repeat(410_000))))),
                "Item size has exceeded the maximum allowed size");
        assertValidation(() -> ddb.getItem(r -> r.tableName(table).key(item("pk", s("a")))), "key element does not match the schema");
        assertValidation(() -> ddb.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("x")))
                .conditionExpression("attribute_exists(pk)").expressionAttributeValues(item(":unused", n(1)))), "unused");
        assertValidation(() -> ddb.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("x")))
                .conditionExpression("v = :undefined")), ":undefined");
        assertValidation(() -> ddb.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("x")))
                .conditionExpression("v = = :v").expressionAttributeValues(item(":v", n(1)))), "Syntax error");
        assertValidation(() -> ddb.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("x")))
                .conditionExpression("attribute_exists(name)")), "reserved keyword");
        assertValidation(() -> ddb.updateItem(r -> r.tableName(table).key(item("pk", s("a"), "sk", s("x")))
                .updateExpression("SET sk = :v").expressionAttributeValues(item(":v", s("y")))), "part of the key");
        assertValidation(() -> ddb.updateItem(r -> r.tableName(table).key(item("pk", s("a"), "sk", s("x")))
                .updateExpression("SET a = :v, a.b = :v").expressionAttributeValues(item(":v", s("y")))), "overlap");
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("x"), "txt", s("t"))));
        assertValidation(() -> ddb.updateItem(r -> r.tableName(table).key(item("pk", s("a"), "sk", s("x")))
                .updateExpression("SET txt = txt + :one").expressionAttributeValues(item(":one", n(1)))), "incorrect data type");
    }

    private static void assertValidation(Runnable call, String messageFragment) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).containsIgnoringCase(messageFragment);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    // ------------------------------------------------------------------ query and scan

    /** Puts pk=P / sk=item#00..item#(n-1), gpk=G, gsk=i, odd items with flag=true. */
    private void seedPartition(String table, String pk, int count) {
        for (int i = 0; i < count; i++) {
            int idx = i;
            ddb.putItem(r -> r.tableName(table).item(item("pk", s(pk), "sk", s(String.format("item#%02d", idx)),
                    "gpk", s("G-" + pk), "gsk", n(idx * 10), "flag", bool(idx % 2 == 1), "payload", s("p" + idx))));
        }
        ddb.putItem(r -> r.tableName(table).item(item("pk", s(pk), "sk", s("other#1"), "payload", s("o"))));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s(pk + "-neighbour"), "sk", s("item#00"))));
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("sk").s()).collect(Collectors.toList());
    }

    @Test
    void queryWithBeginsWithBetweenAndReverseOrder() {
        String table = createMainTable();
        seedPartition(table, "Q", 6);
        QueryResponse prefix = ddb.query(q -> q.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(item(":pk", s("Q"), ":prefix", s("item#"))));
        assertThat(sortKeys(prefix.items())).containsExactly("item#00", "item#01", "item#02", "item#03", "item#04", "item#05");
        assertThat(prefix.count()).isEqualTo(6);

        QueryResponse between = ddb.query(q -> q.tableName(table)
                .keyConditionExpression("#p = :pk AND sk BETWEEN :lo AND :hi").expressionAttributeNames(Map.of("#p", "pk"))
                .expressionAttributeValues(item(":pk", s("Q"), ":lo", s("item#02"), ":hi", s("item#04")))
                .scanIndexForward(false));
        assertThat(sortKeys(between.items())).containsExactly("item#04", "item#03", "item#02");

        QueryResponse lessThan = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk AND sk < :hi")
                .expressionAttributeValues(item(":pk", s("Q"), ":hi", s("item#02"))));
        assertThat(sortKeys(lessThan.items())).containsExactly("item#00", "item#01");

        QueryResponse all = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(item(":pk", s("Q"))));
        assertThat(all.count()).isEqualTo(7);
        assertThat(sortKeys(all.items()).get(6)).isEqualTo("other#1");
    }

    @Test
    void queryPaginatesWithLimitAndExclusiveStartKey() {
        String table = createMainTable();
        seedPartition(table, "P", 5);
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int calls = 0;
        do {
            Map<String, AttributeValue> esk = start;
            QueryResponse page = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                    .expressionAttributeValues(item(":pk", s("P"), ":p", s("item#"))).limit(2).exclusiveStartKey(esk));
            seen.addAll(sortKeys(page.items()));
            pageSizes.add(page.count());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertThat(start).containsOnlyKeys("pk", "sk");
            }
            calls++;
        } while (start != null && calls < 10);
        assertThat(seen).containsExactly("item#00", "item#01", "item#02", "item#03", "item#04");
        assertThat(pageSizes.subList(0, 3)).containsExactly(2, 2, 1);

        // The SDK paginator walks the same pages.
        List<String> viaPaginator = ddb.queryPaginator(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(item(":pk", s("P"))).limit(3).scanIndexForward(false))
                .items().stream().map(i -> i.get("sk").s()).collect(Collectors.toList());
        assertThat(viaPaginator).containsExactly("other#1", "item#04", "item#03", "item#02", "item#01", "item#00");
    }

    @Test
    void queryLimitCountsItemsBeforeTheFilter() {
        String table = createMainTable();
        seedPartition(table, "F", 6);
        QueryResponse page = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .filterExpression("flag = :t").expressionAttributeValues(item(":pk", s("F"), ":t", bool(true))).limit(4));
        assertThat(page.scannedCount()).isEqualTo(4);
        assertThat(sortKeys(page.items())).containsExactly("item#01", "item#03");
        assertThat(page.lastEvaluatedKey()).containsEntry("sk", s("item#03"));

        QueryResponse count = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .filterExpression("flag = :t").expressionAttributeValues(item(":pk", s("F"), ":t", bool(true)))
                .select(Select.COUNT));
        assertThat(count.count()).isEqualTo(3);
        assertThat(count.scannedCount()).isEqualTo(7);
        assertThat(count.hasItems()).isFalse();

        assertValidation(() -> ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .filterExpression("sk = :sk").expressionAttributeValues(item(":pk", s("F"), ":sk", s("x")))), "primary key");
    }

    @Test
    void queryOnGlobalSecondaryIndex() {
        String table = createMainTable();
        seedPartition(table, "I", 4);
        QueryResponse r = ddb.query(q -> q.tableName(table).indexName("gsi1")
                .keyConditionExpression("gpk = :g AND gsk >= :min").expressionAttributeValues(item(":g", s("G-I"), ":min", n(10)))
                .scanIndexForward(false));
        assertThat(r.items()).extracting(i -> i.get("gsk").n()).containsExactly("30", "20", "10");
        assertThat(r.items().get(0)).containsKeys("pk", "sk", "payload");

        QueryResponse paged = ddb.query(q -> q.tableName(table).indexName("gsi1")
                .keyConditionExpression("gpk = :g").expressionAttributeValues(item(":g", s("G-I"))).limit(1));
        assertThat(paged.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "gpk", "gsk");
        QueryResponse next = ddb.query(q -> q.tableName(table).indexName("gsi1").exclusiveStartKey(paged.lastEvaluatedKey())
                .keyConditionExpression("gpk = :g").expressionAttributeValues(item(":g", s("G-I"))).limit(1));
        assertThat(next.items().get(0).get("gsk")).isEqualTo(n(10));

        assertValidation(() -> ddb.query(q -> q.tableName(table).indexName("gsi1").consistentRead(true)
                .keyConditionExpression("gpk = :g").expressionAttributeValues(item(":g", s("G-I")))), "Consistent reads");
        assertValidation(() -> ddb.query(q -> q.tableName(table).indexName("nope")
                .keyConditionExpression("gpk = :g").expressionAttributeValues(item(":g", s("G-I")))), "index");
    }

    @Test
    void gsiFollowsUpdatesAndDeletes() {
        String table = createMainTable();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("1"), "gpk", s("g"), "gsk", n(1))));
        ddb.updateItem(r -> r.tableName(table).key(item("pk", s("a"), "sk", s("1")))
                .updateExpression("SET gsk = :v").expressionAttributeValues(item(":v", n(5))));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("b"), "sk", s("1"), "gpk", s("g"), "gsk", n(3))));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("c"), "sk", s("1"), "gpk", s("g"), "gsk", n(4))));
        ddb.deleteItem(r -> r.tableName(table).key(item("pk", s("c"), "sk", s("1"))));
        ddb.updateItem(r -> r.tableName(table).key(item("pk", s("b"), "sk", s("1"))).updateExpression("REMOVE gpk"));
        QueryResponse r = ddb.query(q -> q.tableName(table).indexName("gsi1").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(item(":g", s("g"))));
        assertThat(r.items()).extracting(i -> i.get("pk").s() + "/" + i.get("gsk").n()).containsExactly("a/5");
    }

    @Test
    void scanWithFilterAndPagination() {
        String table = createMainTable();
        seedPartition(table, "S1", 3);
        seedPartition(table, "S2", 3);
        ScanResponse filtered = ddb.scan(r -> r.tableName(table).filterExpression("flag = :t")
                .expressionAttributeValues(item(":t", bool(true))));
        assertThat(filtered.count()).isEqualTo(2);
        assertThat(filtered.scannedCount()).isEqualTo(10);
        List<Map<String, AttributeValue>> all = ddb.scanPaginator(r -> r.tableName(table).limit(3)).items().stream()
                .collect(Collectors.toList());
        assertThat(all).hasSize(10);
        assertThat(all.stream().map(i -> i.get("pk").s() + "/" + i.get("sk").s()).distinct().count()).isEqualTo(10);
    }

    @Test
    void parallelScanSegmentsPartitionTheTable() {
        String table = createSimpleTable();
        for (int i = 0; i < 40; i++) {
            int idx = i;
            ddb.putItem(r -> r.tableName(table).item(item("pk", s("item-" + idx))));
        }
        List<String> seen = new ArrayList<>();
        for (int segment = 0; segment < 4; segment++) {
            int seg = segment;
            ddb.scanPaginator(r -> r.tableName(table).segment(seg).totalSegments(4).limit(7)).items()
                    .forEach(i -> seen.add(i.get("pk").s()));
        }
        assertThat(seen).hasSize(40).doesNotHaveDuplicates();
        assertValidation(() -> ddb.scan(r -> r.tableName(table).segment(4).totalSegments(4)), "Segment");
    }

    @Test
    void pagesStopAtOneMegabyte() {
        String table = createMainTable();
        String payload = "x".repeat(100_000);
        for (int i = 0; i < 25; i++) {
            int idx = i;
            ddb.putItem(r -> r.tableName(table).item(item("pk", s("big"), "sk", s(String.format("%02d", idx)), "d", s(payload))));
        }
        QueryResponse first = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(item(":pk", s("big"))));
        assertThat(first.count()).isBetween(9, 11);
        assertThat(first.lastEvaluatedKey()).isNotEmpty();
        long total = ddb.queryPaginator(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(item(":pk", s("big")))).items().stream().count();
        assertThat(total).isEqualTo(25);
    }

    @Test
    void queryOnLocalSecondaryIndexAndKeysOnlyGlobalIndex() {
        String table = uniqueName("lsi");
        ddb.createTable(t -> t.tableName(table)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
                        attr("rank", ScalarAttributeType.N), attr("cat", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex.builder()
                        .indexName("byRank").keySchema(key("pk", KeyType.HASH), key("rank", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCat")
                        .keySchema(key("cat", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        ddb.waiter().waitUntilTableExists(r -> r.tableName(table));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s("a"), "rank", n(3), "cat", s("c"), "extra", s("e1"))));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s("b"), "rank", n(1), "cat", s("c"), "extra", s("e2"))));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s("c"), "extra", s("unranked"))));
        QueryResponse byRank = ddb.query(q -> q.tableName(table).indexName("byRank").consistentRead(true)
                .keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", s("p"))));
        assertThat(sortKeys(byRank.items())).containsExactly("b", "a");
        assertThat(byRank.items().get(0)).containsOnlyKeys("pk", "sk", "rank");
        QueryResponse fetched = ddb.query(q -> q.tableName(table).indexName("byRank").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", s("p"))));
        assertThat(fetched.items().get(0)).containsEntry("extra", s("e2"));
        QueryResponse byCat = ddb.query(q -> q.tableName(table).indexName("byCat")
                .keyConditionExpression("cat = :c").expressionAttributeValues(item(":c", s("c"))));
        assertThat(byCat.count()).isEqualTo(2);
        assertThat(byCat.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("pk", "sk", "cat"));
        assertValidation(() -> ddb.query(q -> q.tableName(table).indexName("byCat").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("cat = :c").expressionAttributeValues(item(":c", s("c")))), "ALL_ATTRIBUTES");
    }

    // ------------------------------------------------------------------ batches

    @Test
    void batchWriteAndBatchGet() {
        String table = createSimpleTable();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("doomed"))));
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", s("k" + i), "v", n(i))).build()).build());
        }
        writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(item("pk", s("doomed"))).build()).build());
        var written = ddb.batchWriteItem(r -> r.requestItems(Map.of(table, writes)));
        assertThat(written.unprocessedItems()).isEmpty();

        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 24; i += 2) {
            keys.add(item("pk", s("k" + i)));
        }
        keys.add(item("pk", s("doomed")));
        BatchGetItemResponse got = ddb.batchGetItem(r -> r.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
        assertThat(got.unprocessedKeys()).isEmpty();
        assertThat(got.responses().get(table)).hasSize(12)
                .allSatisfy(i -> assertThat(Integer.parseInt(i.get("v").n()) % 2).isZero());

        List<WriteRequest> tooMany = new ArrayList<>(writes);
        tooMany.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", s("extra"))).build()).build());
        assertValidation(() -> ddb.batchWriteItem(r -> r.requestItems(Map.of(table, tooMany))), "Too many items");
    }

    // ------------------------------------------------------------------ transactions

    @Test
    void transactWriteItemsAppliesAllActions() {
        String table = createSimpleTable();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("counter"), "n", n(1))));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("old"))));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("guard"), "open", bool(true))));
        ddb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s("new"), "v", s("x")))
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(item("pk", s("counter")))
                        .updateExpression("ADD n :one").expressionAttributeValues(item(":one", n(1)))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(item("pk", s("old")))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(item("pk", s("guard")))
                        .conditionExpression("#o = :t").expressionAttributeNames(Map.of("#o", "open"))
                        .expressionAttributeValues(item(":t", bool(true)))).build()));
        assertThat(get(table, item("pk", s("new")))).containsEntry("v", s("x"));
        assertThat(get(table, item("pk", s("counter")))).containsEntry("n", n(2));
        assertThat(get(table, item("pk", s("old")))).isEmpty();
    }

    @Test
    void transactWriteItemsCancellationReportsReasonsInOrderAndWritesNothing() {
        String table = createSimpleTable();
        Map<String, AttributeValue> existing = item("pk", s("taken"), "owner", s("alice"));
        ddb.putItem(r -> r.tableName(table).item(existing));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("counter"), "n", n(5))));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("limits"), "n", n(5))));
        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
                () -> ddb.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().update(u -> u.tableName(table).key(item("pk", s("counter")))
                                .updateExpression("ADD n :one").expressionAttributeValues(item(":one", n(1)))).build(),
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s("taken"), "owner", s("bob")))
                                .conditionExpression("attribute_not_exists(pk)")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s("fresh")))).build(),
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(item("pk", s("limits")))
                                .conditionExpression("n > :ten").expressionAttributeValues(item(":ten", n(10)))).build())));
        assertThat(e).isNotNull();
        List<CancellationReason> reasons = e.cancellationReasons();
        assertThat(reasons).extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed", "None", "ConditionalCheckFailed");
        assertThat(reasons.get(1).item()).isEqualTo(existing);
        assertThat(reasons.get(1).message()).isEqualTo("The conditional request failed");
        assertThat(reasons.get(3).hasItem()).isFalse();
        assertThat(get(table, item("pk", s("counter")))).containsEntry("n", n(5));
        assertThat(get(table, item("pk", s("taken")))).isEqualTo(existing);
        assertThat(get(table, item("pk", s("fresh")))).isEmpty();
    }

    @Test
    void transactionWithTwoOperationsOnOneItemIsRejected() {
        String table = createSimpleTable();
        assertValidation(() -> ddb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s("same")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(item("pk", s("same")))).build())),
                "multiple operations on one item");
        assertThat(get(table, item("pk", s("same")))).isEmpty();
    }

    @Test
    void transactGetItemsReturnsItemsInRequestOrder() {
        String table = createSimpleTable();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1), "w", n(2))));
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("c"), "v", n(3))));
        var responses = ddb.transactGetItems(r -> r.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s("c")))).build(),
                TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s("b")))).build(),
                TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s("a"))).projectionExpression("v")).build()))
                .responses();
        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).item()).containsEntry("v", n(3));
        assertThat(responses.get(1).hasItem() && !responses.get(1).item().isEmpty()).isFalse();
        assertThat(responses.get(2).item()).isEqualTo(item("v", n(1)));
    }

    // ------------------------------------------------------------------ concurrency

    private static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentConditionalAddsAllowExactlyOneWinner() throws Exception {
        String table = createSimpleTable();
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("coupon"), "uses", n(0))));
        List<Boolean> outcomes = runConcurrently(50, () -> {
            try {
                ddb.updateItem(r -> r.tableName(table).key(item("pk", s("coupon")))
                        .updateExpression("ADD uses :one").conditionExpression("uses < :max")
                        .expressionAttributeValues(item(":one", n(1), ":max", n(1))));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
        assertThat(outcomes.stream().filter(b -> b).count()).isEqualTo(1);
        assertThat(get(table, item("pk", s("coupon")))).containsEntry("uses", n(1));
    }

    @Test
    void concurrentTransactionsRespectTheLimit() throws Exception {
        String table = createSimpleTable();
        int max = 7;
        ddb.putItem(r -> r.tableName(table).item(item("pk", s("budget"), "used", n(0))));
        AtomicInteger ids = new AtomicInteger();
        List<Boolean> outcomes = runConcurrently(50, () -> {
            String redemption = "redemption-" + ids.incrementAndGet();
            try {
                ddb.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().update(u -> u.tableName(table).key(item("pk", s("budget")))
                                .updateExpression("SET used = used + :one").conditionExpression("used < :max")
                                .expressionAttributeValues(item(":one", n(1), ":max", n(max)))).build(),
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s(redemption)))
                                .conditionExpression("attribute_not_exists(pk)")).build()));
                return true;
            } catch (TransactionCanceledException e) {
                return false;
            }
        });
        assertThat(outcomes.stream().filter(b -> b).count()).isEqualTo(max);
        assertThat(get(table, item("pk", s("budget")))).containsEntry("used", n(max));
        long redemptions = ddb.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream()
                .filter(i -> i.get("pk").s().startsWith("redemption-")).count();
        assertThat(redemptions).isEqualTo(max);
    }

    // ------------------------------------------------------------------ capacity

    @Test
    void consumedCapacityFollowsDynamoDbBillingRules() {
        assumeTrue(checksCapacity(), "capacity figures are not modelled by this implementation");
        String table = createSimpleTable();
        // Sizes: "pk"(2) + value, "d"(1) + value.
        Map<String, AttributeValue> small = item("pk", s("k1"), "d", s("x".repeat(1000)));   // 2+2+1+1000 = 1005 B
        Map<String, AttributeValue> medium = item("pk", s("k2"), "d", s("x".repeat(2000)));  // 2005 B
        Map<String, AttributeValue> large = item("pk", s("k3"), "d", s("x".repeat(5000)));   // 5005 B

        assertThat(ddb.putItem(r -> r.tableName(table).item(small).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits()).isEqualTo(1.0);
        ConsumedCapacity put2 = ddb.putItem(r -> r.tableName(table).item(medium)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(put2.capacityUnits()).isEqualTo(2.0);
        assertThat(put2.tableName()).isEqualTo(table);
        assertThat(ddb.putItem(r -> r.tableName(table).item(large).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits()).isEqualTo(5.0);

        assertThat(readUnits(table, "k1", false)).isEqualTo(0.5);
        assertThat(readUnits(table, "k1", true)).isEqualTo(1.0);
        assertThat(readUnits(table, "k3", false)).isEqualTo(1.0);
        assertThat(readUnits(table, "k3", true)).isEqualTo(2.0);
        assertThat(readUnits(table, "missing", false)).isEqualTo(0.5);

        // Overwrite: max(old, new) size. 5005 B -> 1005 B costs 5 units.
        assertThat(ddb.putItem(r -> r.tableName(table).item(item("pk", s("k3"), "d", s("x".repeat(1000))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(5.0);
        // Update growing 1005 B to 3005 B: 3 units.
        assertThat(ddb.updateItem(r -> r.tableName(table).key(item("pk", s("k1"))).updateExpression("SET e = :e")
                .expressionAttributeValues(item(":e", s("y".repeat(1999))))   // + 1 + 1999 = 3005 B
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(3.0);
        // Delete of a 2005 B item: 2 units; of a missing item: 1 unit.
        assertThat(ddb.deleteItem(r -> r.tableName(table).key(item("pk", s("k2")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(2.0);
        assertThat(ddb.deleteItem(r -> r.tableName(table).key(item("pk", s("k2")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(1.0);

        // Transactions count double: a 1005 B put costs 2, a transactional read of a 3005 B item costs 2.
        var tx = ddb.transactWriteItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s("k4"), "d", s("x".repeat(1000))))).build()));
        assertThat(tx.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(2.0));
        var tg = ddb.transactGetItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                TransactGetItem.builder().get(g -> g.tableName(table).key(item("pk", s("k1")))).build()));
        assertThat(tg.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(2.0));

        // BatchGetItem rounds per item: k1 (3005 B) + k4 (1005 B) eventually consistent = 0.5 + 0.5.
        var bg = ddb.batchGetItem(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(item("pk", s("k1")), item("pk", s("k4"))).build())));
        assertThat(bg.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(1.0));
    }

    private double readUnits(String table, String pk, boolean consistent) {
        return ddb.getItem(r -> r.tableName(table).key(item("pk", s(pk))).consistentRead(consistent)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    }

    @Test
    void queryCapacitySumsItemSizesAndRoundsOnce() {
        assumeTrue(checksCapacity(), "capacity figures are not modelled by this implementation");
        String table = createMainTable();
        for (int i = 0; i < 3; i++) {
            int idx = i;
            // "pk"(2)+"q"(1) + "sk"(2)+"s0"(2) + "d"(1)+1500 = 1508 B each; 3 items = 4524 B -> 2 units strong.
            ddb.putItem(r -> r.tableName(table).item(item("pk", s("q"), "sk", s("s" + idx), "d", s("x".repeat(1500)))));
        }
        QueryResponse strong = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk").consistentRead(true)
                .expressionAttributeValues(item(":pk", s("q"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(strong.consumedCapacity().capacityUnits()).isEqualTo(2.0);
        QueryResponse eventual = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(item(":pk", s("q"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        // Filtered-out items are still read and billed.
        QueryResponse filtered = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .filterExpression("attribute_exists(nothing)").consistentRead(true)
                .expressionAttributeValues(item(":pk", s("q"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(filtered.count()).isZero();
        assertThat(filtered.consumedCapacity().capacityUnits()).isEqualTo(2.0);
        // An empty result still costs the minimum.
        QueryResponse empty = ddb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(item(":pk", s("none"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(empty.consumedCapacity().capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void indexWritesAreReportedWithIndexesDetail() {
        assumeTrue(checksCapacity(), "capacity figures are not modelled by this implementation");
        String table = createMainTable();
        var projected = ddb.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("1"), "gpk", s("g"), "gsk", n(1)))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(projected.capacityUnits()).isEqualTo(2.0);
        assertThat(projected.table().capacityUnits()).isEqualTo(1.0);
        assertThat(projected.globalSecondaryIndexes()).containsOnlyKeys("gsi1");
        assertThat(projected.globalSecondaryIndexes().get("gsi1").capacityUnits()).isEqualTo(1.0);
        // Changing the index sort key moves the entry: a delete plus a put on the index.
        var moved = ddb.updateItem(r -> r.tableName(table).key(item("pk", s("a"), "sk", s("1")))
                .updateExpression("SET gsk = :v").expressionAttributeValues(item(":v", n(2)))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(moved.globalSecondaryIndexes().get("gsi1").capacityUnits()).isEqualTo(2.0);
        assertThat(moved.capacityUnits()).isEqualTo(3.0);
        // An item outside the index costs nothing there.
        var unindexed = ddb.putItem(r -> r.tableName(table).item(item("pk", s("b"), "sk", s("1")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(unindexed.capacityUnits()).isEqualTo(1.0);
        assertThat(unindexed.hasGlobalSecondaryIndexes() && !unindexed.globalSecondaryIndexes().isEmpty()).isFalse();
        // A query on the index bills the index.
        var q = ddb.query(r -> r.tableName(table).indexName("gsi1").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(item(":g", s("g"))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertThat(q.capacityUnits()).isEqualTo(0.5);
        assertThat(q.globalSecondaryIndexes().get("gsi1").capacityUnits()).isEqualTo(0.5);
    }

    /** Helper for subclasses: a LinkedHashMap copy. */
    protected static Map<String, AttributeValue> copy(Map<String, AttributeValue> m) {
        return new LinkedHashMap<>(m);
    }
}
