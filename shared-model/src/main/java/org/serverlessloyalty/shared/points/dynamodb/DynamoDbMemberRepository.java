package org.serverlessloyalty.shared.points.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.platform.dynamodb.BatchReads;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.dynamodb.Transactions;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberCandidates;
import org.serverlessloyalty.shared.points.model.MemberClaim;
import org.serverlessloyalty.shared.points.model.MemberStep;
import org.serverlessloyalty.shared.points.port.MemberRepository;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Members in the single table (docs/dynamodb-design.md, "Members"). A plan becomes one TransactWriteItems; the
 * conditions below are the only place uniqueness and concurrent changes are decided.
 */
public final class DynamoDbMemberRepository implements MemberRepository {

    /** Items asked for per Query page: large enough for a few round trips per search, small enough to stop early. */
    private static final int PAGE = 500;
    private static final int BATCH_GET = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbMemberRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Member> find(StoreCode store, String memberId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(MemberKeys.member(store, memberId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(MemberItemMapper.fromItem(item));
    }

    @Override
    public Optional<String> holderOf(StoreCode store, MemberClaim claim) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(MemberKeys.claim(store, claim)).consistentRead(true)
                .projectionExpression(MemberItemMapper.MEMBER_ID)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.ofNullable(item.get(MemberItemMapper.MEMBER_ID)).map(AttributeValue::s);
    }

    @Override
    public PlanResult<MemberStep> execute(List<MemberStep> plan) {
        List<Transactions.Write<MemberStep>> writes = new ArrayList<>();
        for (MemberStep step : plan) {
            writes.add(new Transactions.Write<>(write(step), step));
        }
        return Transactions.execute(dynamoDb, writes);
    }

    private TransactWriteItem write(MemberStep step) {
        if (step instanceof MemberStep.PutMember put && put.expectedVersion() == null) {
            return TransactWriteItem.builder()
                    .put(p -> p.tableName(table).item(MemberItemMapper.toItem(put.member()))
                            .conditionExpression("attribute_not_exists(pk)"))
                    .build();
        }
        if (step instanceof MemberStep.PutMember put) {
            return TransactWriteItem.builder()
                    .put(p -> p.tableName(table).item(MemberItemMapper.toItem(put.member()))
                            .conditionExpression("#version = :expected")
                            .expressionAttributeNames(Map.of("#version", MemberItemMapper.VERSION))
                            .expressionAttributeValues(Map.of(":expected",
                                    AttributeValue.fromN(Long.toString(put.expectedVersion())))))
                    .build();
        }
        if (step instanceof MemberStep.Claim claim) {
            return TransactWriteItem.builder()
                    .put(p -> p.tableName(table)
                            .item(MemberItemMapper.claimItem(claim.store(), claim.claim(), claim.memberId()))
                            .conditionExpression("attribute_not_exists(pk)"))
                    .build();
        }
        MemberStep.Release release = (MemberStep.Release) step;
        return TransactWriteItem.builder()
                .delete(d -> d.tableName(table).key(MemberKeys.claim(release.store(), release.claim()))
                        // Never another member's: a claim is deleted only by the member holding it.
                        .conditionExpression("attribute_not_exists(pk) OR #member = :me")
                        .expressionAttributeNames(Map.of("#member", MemberItemMapper.MEMBER_ID))
                        .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(release.memberId()))))
                .build();
    }

    @Override
    public Candidates candidates(StoreCode store, MemberCandidates query, int limit) {
        if (query instanceof MemberCandidates.ByClaim claim && !claim.prefix()) {
            Optional<Member> member = holderOf(store, new MemberClaim(claim.kind(), claim.value()))
                    .flatMap(id -> find(store, id));
            return new Candidates(member.stream().toList(), false);
        }
        if (query instanceof MemberCandidates.ByClaim claim) {
            List<Map<String, AttributeValue>> claims = query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(MemberKeys.claimPartition(store, claim.kind())),
                            ":prefix", AttributeValue.fromS(claim.value())))
                    .projectionExpression(MemberItemMapper.MEMBER_ID)
                    .consistentRead(true), limit + 1);
            List<String> ids = claims.stream().limit(limit).map(c -> c.get(MemberItemMapper.MEMBER_ID).s()).toList();
            return new Candidates(members(store, ids), claims.size() > limit);
        }
        if (query instanceof MemberCandidates.ByName name) {
            return fromIndex(QueryRequest.builder().tableName(table)
                    .indexName(TableKeys.GSI2)
                    .keyConditionExpression("gsi2pk = :pk AND begins_with(gsi2sk, :prefix)")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(MemberKeys.namesPartition(store)),
                            ":prefix", AttributeValue.fromS(name.prefix()))), limit);
        }
        MemberCandidates.All all = (MemberCandidates.All) query;
        return fromIndex(QueryRequest.builder().tableName(table)
                .indexName(TableKeys.GSI1)
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MemberKeys.membersPartition(store))))
                .scanIndexForward(!all.newestFirst()), limit);
    }

    private Candidates fromIndex(QueryRequest.Builder request, int limit) {
        List<Map<String, AttributeValue>> items = query(request, limit + 1);
        return new Candidates(items.stream().limit(limit).map(MemberItemMapper::fromItem).toList(), items.size() > limit);
    }

    /** At most {@code max} items of a Query, page after page, stopping as soon as it has them. */
    private List<Map<String, AttributeValue>> query(QueryRequest.Builder request, int max) {
        return dynamoDb.queryPaginator(request.limit(Math.min(PAGE, max)).build()).items().stream()
                .limit(max)
                .toList();
    }

    /** The members with these ids (BatchGetItem, 100 keys a call), in the order of {@code ids}. */
    private List<Member> members(StoreCode store, List<String> ids) {
        Map<String, Member> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH_GET) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET)).stream()
                    .distinct().map(id -> MemberKeys.member(store, id)).toList();
            for (Map<String, AttributeValue> item : BatchReads.get(dynamoDb, table, keys)) {
                Member member = MemberItemMapper.fromItem(item);
                byId.put(member.memberId(), member);
            }
        }
        List<Member> ordered = new ArrayList<>();
        for (String id : ids) {
            Member member = byId.remove(id); // once, even if two claims of one search name it
            if (member != null) {
                ordered.add(member);
            }
        }
        return ordered;
    }
}
