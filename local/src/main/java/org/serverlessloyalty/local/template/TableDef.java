package org.serverlessloyalty.local.template;

import java.util.List;

/** An {@code AWS::DynamoDB::Table} (or {@code AWS::Serverless::SimpleTable}) as the local stack creates it. */
public record TableDef(String logicalId, String tableName, List<AttributeDef> attributes, KeySchema keySchema,
                       List<IndexDef> globalSecondaryIndexes, List<IndexDef> localSecondaryIndexes,
                       String billingMode, Long readCapacityUnits, Long writeCapacityUnits, String timeToLiveAttribute,
                       String streamViewType) {

    public TableDef {
        attributes = List.copyOf(attributes);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
    }

    /** {@code AttributeName} and {@code AttributeType} (S, N or B). */
    public record AttributeDef(String name, String type) {
    }

    /** The HASH key and the optional RANGE key (null when the key is the hash key alone). */
    public record KeySchema(String hashKey, String rangeKey) {
    }

    /** A secondary index: its keys and what it projects. */
    public record IndexDef(String name, KeySchema keySchema, String projectionType, List<String> nonKeyAttributes,
                           Long readCapacityUnits, Long writeCapacityUnits) {

        public IndexDef {
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }

    public boolean payPerRequest() {
        return !"PROVISIONED".equals(billingMode);
    }
}
