package org.serverlessloyalty.local.dynamodb.persist;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Durable storage in a data directory: a snapshot ({@code snapshot-N.jsonl}, one mutation per line that
 * recreates the state) plus an append-only journal ({@code journal-N.jsonl}, one committed request per line,
 * so a transaction is all-or-nothing on replay). Each commit is written to the file with a single write call,
 * so it survives a kill of the process; the journal is fsynced every few milliseconds in the background
 * (and on close), bounding what a machine crash can lose. On open the snapshot and journal are replayed and
 * compacted into a new snapshot generation; a torn last journal line is ignored.
 *
 * <p>Not thread-safe: callers serialise {@link #append} and {@link #compact} (the database write lock does).
 */
public final class Persistence implements AutoCloseable {

    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d+)\\.jsonl");
    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d+)\\.jsonl");
    private static final String HEADER = "local-dynamodb-snapshot";

    private final ObjectMapper json = new ObjectMapper();
    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private long generation;
    private FileChannel journal;
    private long journalBytes;
    private volatile boolean dirty;

    private Persistence(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating if needed) the data directory, replaying its contents into {@code replay}. */
    public static Persistence open(Path dir, Consumer<Mutation> replay) {
        try {
            Files.createDirectories(dir);
            FileChannel lockChannel = FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("Data directory " + dir + " is in use by another LocalDynamoDb");
            }
            Persistence p = new Persistence(dir, lockChannel, lock);
            p.load(replay);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load(Consumer<Mutation> replay) throws IOException {
        long snapshotGen = -1;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                    continue;
                }
                Matcher m = SNAPSHOT.matcher(name);
                if (m.matches()) {
                    snapshotGen = Math.max(snapshotGen, Long.parseLong(m.group(1)));
                }
            }
        }
        generation = Math.max(0, snapshotGen);
        if (snapshotGen >= 0) {
            readSnapshot(dir.resolve("snapshot-" + snapshotGen + ".jsonl"), replay);
        }
        Path journalFile = dir.resolve("journal-" + generation + ".jsonl");
        if (Files.exists(journalFile)) {
            readJournal(journalFile, replay);
        }
    }

    private void readSnapshot(Path file, Consumer<Mutation> replay) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8),
                1 << 16)) {
            String header = r.readLine();
            if (header == null || !HEADER.equals(json.readTree(header).path("format").asText())) {
                throw new IllegalStateException("Not a snapshot: " + file);
            }
            String line;
            boolean complete = false;
            while ((line = r.readLine()) != null) {
                JsonNode n = json.readTree(line);
                if (n.has("end")) {
                    complete = true;
                    break;
                }
                replay.accept(Codec.decode(n));
            }
            if (!complete) {
                throw new IllegalStateException("Snapshot is truncated: " + file);
            }
        }
    }

    private void readJournal(Path file, Consumer<Mutation> replay) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int start = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            if (end == all.length) {
                break; // torn final line: the commit never completed
            }
            JsonNode line;
            try {
                line = json.readTree(all, start, end - start);
            } catch (IOException e) {
                throw new IllegalStateException("Corrupt journal line at byte " + start + " of " + file, e);
            }
            List<Mutation> batch = new ArrayList<>();
            for (JsonNode m : line.get("m")) {
                batch.add(Codec.decode(m));
            }
            batch.forEach(replay);
            start = end + 1;
        }
    }

    /** Writes a fresh snapshot of the state produced by {@code state}, starts a new journal, drops old files. */
    public void compact(Consumer<Consumer<Mutation>> state) {
        try {
            long next = generation + 1;
            Path tmp = dir.resolve("snapshot-" + next + ".jsonl.tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                Writer w = new BufferedWriter(new OutputStreamWriter(java.nio.channels.Channels.newOutputStream(ch),
                        StandardCharsets.UTF_8), 1 << 16);
                w.write(json.writeValueAsString(json.createObjectNode().put("format", HEADER).put("version", 1)
                        .put("generation", next)));
                w.write('\n');
                UncheckedWriter uw = new UncheckedWriter(w);
                state.accept(m -> uw.line(Codec.encode(m)));
                w.write("{\"end\":true}\n");
                w.flush();
                ch.force(true);
            }
            Files.move(tmp, dir.resolve("snapshot-" + next + ".jsonl"), StandardCopyOption.ATOMIC_MOVE);
            FileChannel newJournal = FileChannel.open(dir.resolve("journal-" + next + ".jsonl"), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            FileChannel oldJournal = journal;
            long oldGen = generation;
            journal = newJournal;
            journalBytes = 0;
            generation = next;
            if (oldJournal != null) {
                oldJournal.close();
            }
            Files.deleteIfExists(dir.resolve("journal-" + oldGen + ".jsonl"));
            Files.deleteIfExists(dir.resolve("snapshot-" + oldGen + ".jsonl"));
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class UncheckedWriter {
        private final Writer w;

        UncheckedWriter(Writer w) {
            this.w = w;
        }

        void line(ObjectNode n) {
            try {
                w.write(json.writeValueAsString(n));
                w.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported on every platform; the rename is still atomic
        }
    }

    /** Journals one committed request (all its mutations on one line). */
    public void append(List<Mutation> mutations) {
        if (mutations.isEmpty()) {
            return;
        }
        ObjectNode line = json.createObjectNode();
        ArrayNode arr = line.putArray("m");
        for (Mutation m : mutations) {
            arr.add(Codec.encode(m));
        }
        try {
            byte[] bytes = json.writeValueAsBytes(line);
            ByteBuffer buf = ByteBuffer.allocate(bytes.length + 1);
            buf.put(bytes).put((byte) '\n').flip();
            while (buf.hasRemaining()) {
                journal.write(buf);
            }
            journalBytes += bytes.length + 1;
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long journalBytes() {
        return journalBytes;
    }

    /** Forces journaled commits to disk; called periodically from a background thread and on close. */
    public void sync() {
        if (!dirty) {
            return;
        }
        dirty = false;
        try {
            FileChannel j = journal;
            if (j != null && j.isOpen()) {
                j.force(false);
            }
        } catch (IOException e) {
            dirty = true;
        }
    }

    @Override
    public void close() {
        try {
            if (journal != null) {
                journal.force(true);
                journal.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
