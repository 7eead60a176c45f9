package org.serverlessloyalty.tests.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.serverlessloyalty.local.template.CfnYaml;

/**
 * The repository's template.yaml as maps, short tags in their long forms ({@code !Ref x} →
 * {@code {Ref: x}}), read by the same reader the local stack uses.
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Map<String, Object> load(String yaml) {
        return CfnYaml.load(yaml, "test template");
    }

    public static Map<String, Object> loadTemplate() {
        try {
            return load(Files.readString(repositoryRoot().resolve("template.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
