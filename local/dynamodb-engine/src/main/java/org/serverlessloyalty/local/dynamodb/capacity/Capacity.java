package org.serverlessloyalty.local.dynamodb.capacity;

/**
 * DynamoDB's capacity unit arithmetic. Reads: one unit per started 4 KB (at least one), half for eventually
 * consistent reads, double for transactional reads. Writes: one unit per started 1 KB (at least one), double
 * for transactional writes. A Query or Scan sums the sizes of all items it evaluated and rounds once.
 */
public final class Capacity {

    public static final int READ_UNIT_BYTES = 4096;
    public static final int WRITE_UNIT_BYTES = 1024;

    private Capacity() {
    }

    public static double readUnits(long bytes, boolean consistent) {
        long units = Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
        return consistent ? units : units / 2.0;
    }

    public static double transactionalReadUnits(long bytes) {
        return 2.0 * Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
    }

    public static double writeUnits(long bytes) {
        return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
    }

    public static double transactionalWriteUnits(long bytes) {
        return 2.0 * writeUnits(bytes);
    }
}
