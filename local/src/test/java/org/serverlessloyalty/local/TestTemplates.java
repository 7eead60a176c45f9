package org.serverlessloyalty.local;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.serverlessloyalty.local.template.Template;

/** The repository's template.yaml and the small templates under src/test/resources/templates. */
public final class TestTemplates {

    private TestTemplates() {
    }

    /** The real template.yaml, found above the module directory. */
    public static Path realTemplate() {
        return Template.findUpwards(Path.of("")).orElseThrow(() -> new IllegalStateException("template.yaml not found"));
    }

    public static Path testTemplate(String name) {
        try {
            var url = TestTemplates.class.getResource("/templates/" + name);
            if (url == null) {
                throw new IllegalStateException("No test template " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
