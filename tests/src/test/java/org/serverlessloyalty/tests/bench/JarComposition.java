package org.serverlessloyalty.tests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a shaded jar is made of: the compressed bytes of its entries, grouped by the dependency jar
 * each entry comes from (found by asking this JVM's class loader, whose classpath holds the same
 * dependencies through the function modules).
 */
final class JarComposition {

    record Part(String origin, long compressedBytes, int entries) {
    }

    private JarComposition() {
    }

    static List<Part> of(Path jar) {
        ClassLoader loader = JarComposition.class.getClassLoader();
        Map<String, long[]> byOrigin = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(entry -> {
                long[] sums = byOrigin.computeIfAbsent(origin(loader, entry), k -> new long[2]);
                sums[0] += entry.getCompressedSize();
                sums[1]++;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byOrigin.entrySet().stream()
                .map(e -> new Part(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
                .sorted(Comparator.comparingLong(Part::compressedBytes).reversed())
                .toList();
    }

    private static String origin(ClassLoader loader, ZipEntry entry) {
        String name = entry.getName();
        if (name.startsWith("META-INF/services/") || name.endsWith("Log4j2Plugins.dat")) {
            return "(merged by the shade transformers)";
        }
        URL url = loader.getResource(name);
        if (url == null) {
            return "(not on the test classpath)";
        }
        String text = url.toString();
        if (text.startsWith("jar:")) {
            String file = text.substring(0, text.indexOf("!/"));
            return file.substring(file.lastIndexOf('/') + 1);
        }
        // A reactor module's target/classes: name it by its module folder.
        String path = text.substring(0, text.length() - name.length());
        Path classes = Path.of(path.replaceFirst("^file:", ""));
        return classes.getParent().getParent().getFileName() + " (this repository)";
    }
}
