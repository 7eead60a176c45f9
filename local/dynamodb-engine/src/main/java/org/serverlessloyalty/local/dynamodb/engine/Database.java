package org.serverlessloyalty.local.dynamodb.engine;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Item;
import org.serverlessloyalty.local.dynamodb.persist.Mutation;
import org.serverlessloyalty.local.dynamodb.persist.Persistence;
import org.serverlessloyalty.local.dynamodb.table.PrimaryKey;
import org.serverlessloyalty.local.dynamodb.table.RowKey;
import org.serverlessloyalty.local.dynamodb.table.Table;
import org.serverlessloyalty.local.dynamodb.table.TableDef;

/**
 * The tables and the single read/write lock that makes every write (single item, batch or transaction)
 * atomic and isolated: writers hold the write lock for the whole check-and-write, readers the read lock.
 * Also owns persistence (journal + snapshots) and the background TTL sweep.
 */
public final class Database implements AutoCloseable {

    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;
    private static final long COMPACT_JOURNAL_BYTES = 64L * 1024 * 1024;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Table> tables = new TreeMap<>();
    private final Persistence persistence;
    private final ScheduledExecutorService background;

    public Database(Path dataDir, long ttlSweepMillis, long syncMillis) {
        if (dataDir != null) {
            persistence = Persistence.open(dataDir, this::replay);
            persistence.compact(this::dumpState);
        } else {
            persistence = null;
        }
        background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-dynamodb-background");
            t.setDaemon(true);
            return t;
        });
        background.scheduleWithFixedDelay(this::safeSweep, ttlSweepMillis, ttlSweepMillis, TimeUnit.MILLISECONDS);
        if (persistence != null) {
            background.scheduleWithFixedDelay(this::maintainPersistence, syncMillis, syncMillis, TimeUnit.MILLISECONDS);
        }
    }

    public Lock readLock() {
        return lock.readLock();
    }

    public Lock writeLock() {
        return lock.writeLock();
    }

    // ------------------------------------------------------------------ tables (call with a lock held)

    /** The table, or ResourceNotFoundException as DynamoDB reports it for item operations. */
    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw ApiException.tableNotFound();
        }
        return t;
    }

    /** The table, or ResourceNotFoundException worded as DynamoDB words it for table operations (Describe, Delete, TTL). */
    public Table tableForTableOperation(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return t;
    }

    public Table tableOrNull(String name) {
        return tables.get(name);
    }

    public Collection<Table> tables() {
        return tables.values();
    }

    /** Applies a mutation to the in-memory state (no journaling); used by replay and by table operations. */
    public void apply(Mutation m) {
        if (m instanceof Mutation.CreateTable c) {
            tables.put(c.def().name(), new Table(c.def()));
        } else if (m instanceof Mutation.DeleteTable d) {
            tables.remove(d.table());
        } else if (m instanceof Mutation.UpdateTtl u) {
            Table t = tables.get(u.table());
            if (t != null) {
                t.setDef(t.def().withTtlAttribute(u.attribute()));
            }
        } else if (m instanceof Mutation.PutItem p) {
            Table t = tables.get(p.table());
            if (t != null) {
                Item item = Item.of(new LinkedHashMap<>(p.item()));
                t.write(t.keyOf(item.attrs()), item);
            }
        } else if (m instanceof Mutation.DeleteItem d) {
            Table t = tables.get(d.table());
            if (t != null) {
                t.write(t.keyOf(d.key()), null);
            }
        }
    }

    private void replay(Mutation m) {
        apply(m);
    }

    /** Journals one committed request's mutations (call with the write lock held, after applying them). */
    public void journal(List<Mutation> mutations) {
        if (persistence != null && !mutations.isEmpty()) {
            persistence.append(mutations);
        }
    }

    private void dumpState(Consumer<Mutation> out) {
        for (Table t : tables.values()) {
            out.accept(new Mutation.CreateTable(t.def()));
            for (TreeMap<RowKey, Item> partition : t.items().partitions().values()) {
                for (Item item : partition.values()) {
                    out.accept(new Mutation.PutItem(t.def().name(), item.attrs()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ background work

    private void maintainPersistence() {
        try {
            persistence.sync();
            if (persistence.journalBytes() > COMPACT_JOURNAL_BYTES) {
                lock.writeLock().lock();
                try {
                    persistence.compact(this::dumpState);
                } finally {
                    lock.writeLock().unlock();
                }
            }
        } catch (RuntimeException e) {
            System.getLogger(Database.class.getName()).log(System.Logger.Level.WARNING, "journal sync failed", e);
        }
    }

    private void safeSweep() {
        try {
            sweepExpiredItems(System.currentTimeMillis() / 1000);
        } catch (RuntimeException e) {
            System.getLogger(Database.class.getName()).log(System.Logger.Level.WARNING, "TTL sweep failed", e);
        }
    }

    /**
     * Deletes items whose TTL attribute (a number of epoch seconds) lies in the past, as DynamoDB's TTL
     * process does (items more than five years past are left alone, as DynamoDB ignores them). Returns how
     * many items were deleted.
     */
    public int sweepExpiredItems(long nowSeconds) {
        record Candidate(String table, PrimaryKey key) {
        }
        List<Candidate> candidates = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (Table t : tables.values()) {
                String attr = t.def().ttlAttribute();
                if (attr == null) {
                    continue;
                }
                for (TreeMap<RowKey, Item> partition : t.items().partitions().values()) {
                    for (Item item : partition.values()) {
                        if (isExpired(item.get(attr), nowSeconds)) {
                            candidates.add(new Candidate(t.def().name(), t.keyOf(item.attrs())));
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        if (candidates.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        lock.writeLock().lock();
        try {
            List<Mutation> mutations = new ArrayList<>();
            for (Candidate c : candidates) {
                Table t = tables.get(c.table());
                if (t == null || t.def().ttlAttribute() == null) {
                    continue;
                }
                Item current = t.get(c.key());
                if (current != null && isExpired(current.get(t.def().ttlAttribute()), nowSeconds)) {
                    t.write(c.key(), null);
                    mutations.add(new Mutation.DeleteItem(c.table(), c.key().toAttributes(t.def())));
                    deleted++;
                }
            }
            journal(mutations);
        } finally {
            lock.writeLock().unlock();
        }
        return deleted;
    }

    private static boolean isExpired(AttrValue ttl, long nowSeconds) {
        if (ttl == null || ttl.type() != AttrValue.Type.N) {
            return false;
        }
        BigDecimal v = ttl.n();
        return v.compareTo(BigDecimal.valueOf(nowSeconds)) < 0
                && v.compareTo(BigDecimal.valueOf(nowSeconds - FIVE_YEARS_SECONDS)) >= 0;
    }

    @Override
    public void close() {
        // shutdown(), not shutdownNow(): interrupting a thread inside a FileChannel call closes the channel.
        background.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (persistence != null) {
            lock.writeLock().lock();
            try {
                persistence.compact(this::dumpState);
                persistence.close();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }
}
