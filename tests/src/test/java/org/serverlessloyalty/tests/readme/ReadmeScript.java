package org.serverlessloyalty.tests.readme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * README.md's shell examples as one bash script that checks them, following the convention the README states
 * under "These examples are tested":
 * <ul>
 *   <li>every fenced {@code bash} block runs, in README order, in one bash shell; a block fenced
 *       {@code ```bash skip-readme-test} does not (building, deploying), must not call {@code $API}, and is
 *       listed as skipped;</li>
 *   <li>every {@code curl} states the HTTP status it answers in a comment, at the end of its last line
 *       ({@code curl ... # 204}) or on the line after it ({@code # 201 {"code":"13",...}}); JSON after the status
 *       names fields the answer must have (see {@link ExpectedAnswer}); a {@code json} block right after a bash
 *       block is the answer of that block's last {@code curl}, checked the same way;</li>
 *   <li>{@code API=} and {@code ADMIN=} lines take the stack's URL and admin key; a variable set to a value
 *       containing {@code ...} takes the field its comment quotes from the latest answer that has it
 *       ({@code KEY=sl_13_...   # "apiKey" of the answer above}).</li>
 * </ul>
 * Each {@code curl} becomes {@code readme_curl <step> <status> ...}, which shows and records the status and body
 * and retries a read answered 404 for a while (orders apply asynchronously). A wrong status does not stop the
 * script, so one run reports every example that drifted; the test compares them afterwards.
 */
final class ReadmeScript {

    static final String SKIP_MARKER = "skip-readme-test";

    /** A curl of the README: its number, README line, command text and what it must answer. */
    record Step(int number, int line, String command, int expectedStatus, List<ExpectedAnswer> expectations) {
    }

    /** A block not run, for the test's report. */
    record Skipped(int line, String firstLine) {
    }

    private record Block(int line, String info, String text) {
    }

    private record Edit(int start, int end, String replacement) {
    }

    /** One shell command of a block (offsets into the block's text), or a comment line when {@code command} is null. */
    private record Piece(int start, int end, String command, String plain, String comment, int line) {

        boolean isCommentLine() {
            return command == null;
        }
    }

    private static final Pattern FENCE = Pattern.compile("^```(.*)$");
    private static final Pattern STATUS = Pattern.compile("^\\s*(\\d{3})(?!\\w)(.*)$", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(\\S*)$");
    private static final Pattern QUOTED_FIELD = Pattern.compile("\"([A-Za-z0-9_]+)\"");
    private static final Pattern CURL_WORD = Pattern.compile("(?<![\\w./-])curl(?=\\s|$)");

    private final List<Step> steps = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();

    private ReadmeScript() {
    }

    List<Step> steps() {
        return steps;
    }

    List<Skipped> skipped() {
        return skipped;
    }

    /** The script to run with bash; {@code stateDir} receives {@code NNNN.status} and {@code NNNN.body} per step. */
    String bash(String stateDir) {
        return PRELUDE.replace("@STATE_DIR@", singleQuoted(stateDir)) + body;
    }

    /** Parses README text; throws IllegalArgumentException naming the README line where the convention is broken. */
    static ReadmeScript parse(String markdown, String apiUrl, String adminKey) {
        ReadmeScript script = new ReadmeScript();
        List<Block> blocks = blocks(markdown);
        Block previous = null;
        int previousEndLine = -1;
        List<Step> previousSteps = List.of();
        for (Block block : blocks) {
            String[] info = block.info().strip().split("\\s+");
            String language = info[0];
            boolean adjacent = previous != null && onlyBlankLinesBetween(markdown, previousEndLine, block.line() - 1);
            if (language.equals("json") && adjacent && !previousSteps.isEmpty()) {
                Step last = previousSteps.get(previousSteps.size() - 1);
                last.expectations().add(ExpectedAnswer.of(block.text(), block.line()));
            }
            previousSteps = List.of();
            if (language.equals("bash")) {
                if (info.length > 2 || info.length == 2 && !info[1].equals(SKIP_MARKER)) {
                    throw new IllegalArgumentException("README line " + (block.line() - 1) + ": ```" + block.info()
                            + " - a bash block is run, or fenced ```bash " + SKIP_MARKER);
                }
                if (info.length == 2) {
                    if (block.text().contains("$API") || block.text().contains("${API}")) {
                        throw new IllegalArgumentException("README line " + block.line() + ": a " + SKIP_MARKER
                                + " block calls $API; examples of the API must run");
                    }
                    script.skipped.add(new Skipped(block.line(), block.text().lines().findFirst().orElse("")));
                } else {
                    previousSteps = script.add(block, apiUrl, adminKey);
                }
            }
            previous = block;
            previousEndLine = block.line() + (int) block.text().lines().count();
        }
        return script;
    }

    private static boolean onlyBlankLinesBetween(String markdown, int afterLine, int beforeLine) {
        List<String> lines = markdown.lines().toList();
        for (int line = afterLine + 1; line < beforeLine; line++) {
            if (line >= 1 && line <= lines.size() && !lines.get(line - 1).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Fenced blocks; {@code line} is the README line number of the first line inside the fence. */
    private static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int first = i + 1;
            int close = first;
            while (close < lines.size() && !lines.get(close).equals("```")) {
                close++;
            }
            if (close == lines.size()) {
                throw new IllegalArgumentException("README line " + (i + 1) + ": unclosed ``` fence");
            }
            StringBuilder text = new StringBuilder();
            for (int j = first; j < close; j++) {
                text.append(lines.get(j)).append('\n');
            }
            blocks.add(new Block(first + 1, open.group(1), text.toString()));
            i = close;
        }
        return blocks;
    }

    private List<Step> add(Block block, String apiUrl, String adminKey) {
        String text = block.text();
        List<Piece> pieces = pieces(text, block.line());
        List<Edit> edits = new ArrayList<>();
        List<Step> added = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            if (piece.isCommentLine()) {
                continue;
            }
            Matcher curls = CURL_WORD.matcher(piece.plain());
            int curlCount = 0;
            while (curls.find()) {
                curlCount++;
                if (curls.start() != 0) {
                    throw new IllegalArgumentException("README line " + piece.line()
                            + ": put each curl at the start of its own command, so its status can be checked");
                }
            }
            if (curlCount == 1) {
                Matcher status = piece.comment() == null ? null : STATUS.matcher(piece.comment());
                if (status == null || !status.matches()) {
                    Piece next = p + 1 < pieces.size() ? pieces.get(p + 1) : null;
                    status = next != null && next.isCommentLine() ? STATUS.matcher(next.comment()) : null;
                    if (status == null || !status.matches()) {
                        throw new IllegalArgumentException("README line " + piece.line() + ": this curl documents no"
                                + " status; end its last line with # <status>, or put # <status> on the next line");
                    }
                }
                int number = steps.size() + 1;
                List<ExpectedAnswer> expectations = new ArrayList<>();
                String rest = status.group(2);
                int json = firstJson(rest);
                if (json >= 0) {
                    expectations.add(ExpectedAnswer.of(rest.substring(json), piece.line()));
                }
                Step step = new Step(number, piece.line(), piece.command(), Integer.parseInt(status.group(1)), expectations);
                steps.add(step);
                added.add(step);
                List<String> waits = expectations.stream().flatMap(e -> e.waitPatterns().stream())
                        .filter(w -> !w.contains("'")).toList();
                StringBuilder call = new StringBuilder("readme_curl " + number + " " + step.expectedStatus() + " "
                        + waits.size());
                waits.forEach(w -> call.append(" '").append(w).append('\''));
                edits.add(new Edit(piece.start(), piece.start() + "curl".length(), call.toString()));
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(piece.command());
            if (assignment.matches()) {
                String name = assignment.group(1);
                String replacement;
                if (name.equals("API")) {
                    replacement = "API=" + singleQuoted(apiUrl);
                } else if (name.equals("ADMIN")) {
                    replacement = "ADMIN=" + singleQuoted(adminKey);
                } else if (assignment.group(2).contains("...")) {
                    Matcher field = piece.comment() == null ? null : QUOTED_FIELD.matcher(piece.comment());
                    if (field == null || !field.find()) {
                        throw new IllegalArgumentException("README line " + piece.line() + ": " + name + "="
                                + assignment.group(2) + " is to be filled in; its comment must quote the answer's"
                                + " field it comes from, e.g. # \"apiKey\" of the answer above");
                    }
                    replacement = name + "=$(readme_field " + field.group(1) + ") || readme_fail "
                            + singleQuoted("line " + piece.line() + ": no answer so far has a \"" + field.group(1)
                            + "\" field for " + name);
                } else {
                    continue;
                }
                edits.add(new Edit(piece.start(), piece.end(), replacement));
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder rewritten = new StringBuilder(text);
        for (Edit edit : edits) {
            rewritten.replace(edit.start(), edit.end(), edit.replacement());
        }
        body.append("\n# ---- README.md line ").append(block.line()).append('\n').append(rewritten);
        return added;
    }

    private static int firstJson(String text) {
        int brace = text.indexOf('{');
        int bracket = text.indexOf('[');
        if (brace < 0) {
            return bracket;
        }
        return bracket < 0 ? brace : Math.min(brace, bracket);
    }

    /**
     * Splits a block into commands (quotes, backslash-newline continuations and trailing comments understood) and
     * comment lines. Enough of bash for examples; heredocs are not supported.
     */
    private static List<Piece> pieces(String text, int firstLine) {
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        int line = firstLine;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == ';') {
                i++;
                continue;
            }
            if (c == '\n') {
                i++;
                line++;
                continue;
            }
            if (c == '#') {
                int end = lineEnd(text, i);
                pieces.add(new Piece(i, end, null, null, text.substring(i + 1, end), line));
                i = end;
                continue;
            }
            int start = i;
            int startLine = line;
            StringBuilder plain = new StringBuilder();
            String comment = null;
            boolean single = false;
            boolean dbl = false;
            int end = -1;
            while (i < n) {
                c = text.charAt(i);
                if (single || dbl) {
                    if (c == '\n') {
                        line++;
                    }
                    if (dbl && c == '\\' && i + 1 < n) {
                        line += text.charAt(i + 1) == '\n' ? 1 : 0;
                        plain.append("__");
                        i += 2;
                        continue;
                    }
                    if (single && c == '\'' || dbl && c == '"') {
                        single = false;
                        dbl = false;
                    }
                    plain.append(c == '\n' ? '\n' : '_');
                    i++;
                    continue;
                }
                if (c == '\\' && i + 1 < n) {
                    line += text.charAt(i + 1) == '\n' ? 1 : 0;
                    plain.append(' ').append(' ');
                    i += 2;
                    continue;
                }
                if (c == '#' && (i == start || Character.isWhitespace(text.charAt(i - 1)))) {
                    end = i;
                    int eol = lineEnd(text, i);
                    comment = text.substring(i + 1, eol);
                    i = eol;
                    break;
                }
                if (c == '\n') {
                    break;
                }
                single = c == '\'';
                dbl = c == '"';
                plain.append(c);
                i++;
            }
            if (single || dbl) {
                throw new IllegalArgumentException("README line " + startLine + ": unterminated quote");
            }
            if (end < 0) {
                end = i;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            pieces.add(new Piece(start, end, text.substring(start, end), plain.toString().strip(), comment, startLine));
        }
        return pieces;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /**
     * What every run starts with: strict mode (an unset variable or a failing command stops it), and the curl
     * wrapper that records each step. A read (no body, GET) answered 404 where the README documents a 2xx is
     * retried for up to ten seconds: an order is applied by the consumer shortly after its 202, as the README says.
     */
    private static final String PRELUDE = """
            set -eu
            README_STATE=@STATE_DIR@

            readme_fail() {
              echo "README: $*" >&2
              exit 97
            }

            # The string field $1 of the latest answer that has it.
            readme_field() {
              local value
              value=$(cat "$README_STATE"/*.body 2>/dev/null | grep -o "\\"$1\\":\\"[^\\"]*\\"" | tail -n 1 \\
                | sed -e 's/^"[^"]*":"//' -e 's/"$//') || true
              [ -n "$value" ] || return 1
              printf '%s' "$value"
            }

            # True when the curl arguments make a GET without a body.
            readme_is_read() {
              local previous=""
              for arg in "$@"; do
                case "$previous" in -X|--request) [ "$arg" = GET ] || return 1 ;; esac
                case "$arg" in -d|--data|--data-*|-F|--form|-T|--upload-file) return 1 ;; esac
                previous=$arg
              done
            }

            # readme_curl STEP STATUS N PATTERN... curl-arguments...: runs curl, shows the answer and records it with
            # its status. A read is tried again for up to 10 s while it answers 404, or while its answer lacks one of
            # the N patterns the README shows (what an order applied asynchronously changes appears a moment later).
            readme_curl() {
              local step=$1 expected=$2 waits=$3 status attempt=0 file missing pattern
              shift 3
              local patterns=()
              while [ "$waits" -gt 0 ]; do
                patterns+=("$1")
                shift
                waits=$((waits - 1))
              done
              file="$README_STATE/$(printf '%04d' "$step")"
              while :; do
                status=$(command curl "$@" --max-time 30 -o "$file.body" -w '%{http_code}') || true
                if [ "$status" != "$expected" ] && [ "$status" = 404 ] && [ "${expected#2}" != "$expected" ] \\
                    && readme_is_read "$@" && [ "$attempt" -lt 40 ]; then
                  attempt=$((attempt + 1))
                  sleep 0.25
                  continue
                fi
                if [ "$status" = "$expected" ] && [ "${#patterns[@]}" -gt 0 ] && readme_is_read "$@" \\
                    && [ "$attempt" -lt 40 ]; then
                  missing=0
                  for pattern in "${patterns[@]}"; do
                    grep -Eq -- "$pattern" "$file.body" || missing=1
                  done
                  if [ "$missing" = 1 ]; then
                    attempt=$((attempt + 1))
                    sleep 0.25
                    continue
                  fi
                fi
                break
              done
              printf '%s\\n' "$status" > "$file.status"
              cat "$file.body" 2>/dev/null || true
              echo
              [ "$status" = "$expected" ] || echo "README: step $step answered $status; the README says $expected" >&2
            }
            """;
}
