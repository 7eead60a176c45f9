package org.serverlessloyalty.local.dynamodb.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.table.IndexDef;
import org.serverlessloyalty.local.dynamodb.table.KeyDef;
import org.serverlessloyalty.local.dynamodb.table.TableDef;

class PersistenceTest {

    private static final TableDef DEF = new TableDef("t", "id-1", 1700000000.5,
            Map.of("pk", AttrValue.Type.S, "g", AttrValue.Type.N), new KeyDef("pk", AttrValue.Type.S), null,
            List.of(new IndexDef("gi", false, new KeyDef("g", AttrValue.Type.N), null, IndexDef.ProjectionType.INCLUDE,
                    List.of("x"), 0, 0)), "PAY_PER_REQUEST", 0, 0, "exp");

    private static Map<String, AttrValue> item(String pk, long v) {
        return Map.of("pk", AttrValue.s(pk), "v", AttrValue.n(BigDecimal.valueOf(v)));
    }

    private static List<Mutation> open(Path dir) {
        List<Mutation> replayed = new ArrayList<>();
        Persistence.open(dir, replayed::add).close();
        return replayed;
    }

    @Test
    void journaledCommitsAreReplayedInOrder(@TempDir Path dir) {
        Persistence p = Persistence.open(dir, m -> { });
        p.compact(sink -> { });
        p.append(List.of(new Mutation.CreateTable(DEF)));
        p.append(List.of(new Mutation.PutItem("t", item("a", 1)), new Mutation.PutItem("t", item("b", 2))));
        p.append(List.of(new Mutation.DeleteItem("t", Map.of("pk", AttrValue.s("a"))), new Mutation.UpdateTtl("t", null)));
        p.close();
        List<Mutation> replayed = open(dir);
        assertThat(replayed).containsExactly(new Mutation.CreateTable(DEF), new Mutation.PutItem("t", item("a", 1)),
                new Mutation.PutItem("t", item("b", 2)), new Mutation.DeleteItem("t", Map.of("pk", AttrValue.s("a"))),
                new Mutation.UpdateTtl("t", null));
    }

    @Test
    void aTornLastLineIsIgnoredButACorruptMiddleLineFails(@TempDir Path dir) throws IOException {
        Persistence p = Persistence.open(dir, m -> { });
        p.compact(sink -> { });
        p.append(List.of(new Mutation.CreateTable(DEF)));
        p.close();
        Path journal = journal(dir);
        Files.writeString(journal, "{\"m\":[{\"op\":\"drop\",\"t\":\"t\"}", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(open(dir)).containsExactly(new Mutation.CreateTable(DEF));

        Files.writeString(journal, "garbage\n{\"m\":[]}\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        assertThatThrownBy(() -> open(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("Corrupt journal");
    }

    @Test
    void compactionWritesANewGenerationAndDropsOldFiles(@TempDir Path dir) throws IOException {
        Persistence p = Persistence.open(dir, m -> { });
        p.compact(sink -> { });
        p.append(List.of(new Mutation.CreateTable(DEF), new Mutation.PutItem("t", item("a", 1))));
        p.compact(sink -> {
            sink.accept(new Mutation.CreateTable(DEF));
            sink.accept(new Mutation.PutItem("t", item("a", 1)));
        });
        p.append(List.of(new Mutation.PutItem("t", item("b", 2))));
        p.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("LOCK", "journal-2.jsonl", "snapshot-2.jsonl");
        }
        assertThat(open(dir)).containsExactly(new Mutation.CreateTable(DEF), new Mutation.PutItem("t", item("a", 1)),
                new Mutation.PutItem("t", item("b", 2)));
    }

    @Test
    void aDirectoryCanOnlyBeOpenedOnce(@TempDir Path dir) {
        Persistence p = Persistence.open(dir, m -> { });
        try {
            assertThatThrownBy(() -> Persistence.open(dir, m -> { })).isInstanceOf(IllegalStateException.class);
        } finally {
            p.close();
        }
        open(dir);
    }

    private static Path journal(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
    }
}
