package org.serverlessloyalty.local.dynamodb.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

class CapacityTest {

    @Test
    void readUnitsRoundUpPerFourKilobytesWithAMinimumOfOne() {
        assertThat(Capacity.readUnits(0, true)).isEqualTo(1.0);
        assertThat(Capacity.readUnits(4096, true)).isEqualTo(1.0);
        assertThat(Capacity.readUnits(4097, true)).isEqualTo(2.0);
        assertThat(Capacity.readUnits(4097, false)).isEqualTo(1.0);
        assertThat(Capacity.readUnits(1, false)).isEqualTo(0.5);
        assertThat(Capacity.transactionalReadUnits(8193)).isEqualTo(6.0);
    }

    @Test
    void writeUnitsRoundUpPerKilobyteWithAMinimumOfOne() {
        assertThat(Capacity.writeUnits(0)).isEqualTo(1.0);
        assertThat(Capacity.writeUnits(1024)).isEqualTo(1.0);
        assertThat(Capacity.writeUnits(1025)).isEqualTo(2.0);
        assertThat(Capacity.transactionalWriteUnits(1025)).isEqualTo(4.0);
    }

    @Test
    void rendersTotalAndIndexDetail() {
        ConsumedCapacity total = new ConsumedCapacity(ConsumedCapacity.Mode.TOTAL);
        total.tableWrite("t", 1);
        total.indexWrite("t", "g", true, 2);
        assertThat(total.toJson("t").toString())
                .isEqualTo("{\"TableName\":\"t\",\"CapacityUnits\":3.0,\"WriteCapacityUnits\":3.0}");
        ConsumedCapacity indexes = new ConsumedCapacity(ConsumedCapacity.Mode.INDEXES);
        indexes.tableWrite("t", 1);
        indexes.indexWrite("t", "g", true, 2);
        ObjectNode json = indexes.toJson("t");
        assertThat(json.path("Table").path("CapacityUnits").asDouble()).isEqualTo(1.0);
        assertThat(json.path("GlobalSecondaryIndexes").path("g").path("CapacityUnits").asDouble()).isEqualTo(2.0);
        assertThat(new ConsumedCapacity(ConsumedCapacity.Mode.NONE).toJson("t")).isNull();
    }
}
