package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * What the Content-Security-Policy would refuse, found in the console's files before a browser runs them: the
 * browser tests catch it only on the paths they take, this reads every line. HTML from strings (Trusted Types with
 * no policy throw), code from strings, inline styles and handlers, and addresses of other hosts.
 */
class ConsoleSourcesTest {

    private static final Path CONSOLE = CloudFormationYaml.repositoryRoot()
            .resolve("functions/admin/src/main/resources/console");

    /** Each pattern with why it is refused. */
    private static final Map<Pattern, String> REFUSED = Map.of(
            Pattern.compile("\\.(innerHTML|outerHTML)\\s*\\+?=(?!=)|insertAdjacentHTML|document\\.write|DOMParser|createContextualFragment"),
            "writes HTML from a string (Trusted Types throw)",
            Pattern.compile("\\beval\\s*\\(|new\\s+Function\\s*\\(|set(Timeout|Interval)\\s*\\(\\s*['\"`]"),
            "runs code from a string (script-src 'self' refuses it)",
            Pattern.compile("setAttribute\\s*\\(\\s*['\"]style['\"]|\\bstyle\\s*:\\s*['\"`{]|<style\\b|\\sstyle\\s*=\\s*['\"]"),
            "inline style (style-src 'self' refuses it: use a class)",
            Pattern.compile("\\son[a-z]+\\s*=\\s*['\"]"),
            "inline event handler in markup (script-src 'self' refuses it)",
            Pattern.compile("(https?:)?//(?!www\\.w3\\.org/2000/svg)[a-z0-9.-]+\\.[a-z]{2,}[/'\"`]", Pattern.CASE_INSENSITIVE),
            "an address on another host (the console needs nothing but its own)");

    @Test
    void noConsoleFileHoldsWhatThePolicyRefuses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CONSOLE)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(js|html|css|svg)$")).toList();
        }
        assertThat(files).as("console files").anySatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo("app.js"));
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            problems.addAll(problems(CONSOLE.relativize(file).toString(), Files.readString(file)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void eachRefusedKindIsFound() {
        assertThat(problems("bad.js", String.join("\n",
                "el.innerHTML = text;",
                "setTimeout('go()', 5);",
                "h('div', { style: 'color: red' });",
                "<button onclick=\"go()\">",
                "fetch('https://cdn.example.com/lib.js');",
                "document.createElementNS('http://www.w3.org/2000/svg', 'svg');",
                "if (a.innerHTML === b) {}")))
                .hasSize(5)
                .anyMatch(p -> p.contains("bad.js:1") && p.contains("HTML from a string"))
                .anyMatch(p -> p.contains("bad.js:2") && p.contains("code from a string"))
                .anyMatch(p -> p.contains("bad.js:3") && p.contains("inline style"))
                .anyMatch(p -> p.contains("bad.js:4") && p.contains("inline event handler"))
                .anyMatch(p -> p.contains("bad.js:5") && p.contains("another host"));
    }

    private static List<String> problems(String name, String text) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("//") || line.strip().startsWith("*") || line.strip().startsWith("/*")) {
                continue;
            }
            for (var refused : REFUSED.entrySet()) {
                Matcher m = refused.getKey().matcher(line);
                if (m.find()) {
                    problems.add(name + ":" + (i + 1) + " " + refused.getValue() + ": " + line.strip());
                }
            }
        }
        return problems;
    }
}
