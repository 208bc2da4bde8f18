package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;

/**
 * Fuzzing, in CI: every sample project mutated many ways (truncated, bytes flipped, numbers made huge or negative or
 * NaN, strings made odd Unicode, values of the wrong type, lines dropped) and given to {@code validate} and
 * {@code summary}. Each mutant must end cleanly: success, or exit 1 with a message that names the file and shows no
 * Java exception or class name.
 */
class MutatedProjectsTest {
    private static final int MUTANTS_PER_SAMPLE = 60;
    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,]\\s{0,4})-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern STRING_VALUE = Pattern.compile(":\\s*\"([^\"\\\\]*)\"");
    private static final Pattern VALUE = Pattern.compile(":\\s*(\"[^\"\\\\]*\"|-?\\d[\\d.eE+-]*|true|false|null)");
    private static final String[] NUMBERS = {"4294967299", "-1", "0", "2147483648", "1e309", "-1e309", "NaN",
            "99999999999999999999", "0.0000001", "-0", "1.5"};
    private static final String[] STRINGS = {"隐藏", "hidß", "\\u0000", "🙂", "\\ud800", "\u202eevil", "", " ",
            "a:b", "../../../../etc/passwd", "x".repeat(5000)};
    private static final String[] WRONG = {"[]", "{}", "true", "null", "\"\"", "[1, 2, 3]", "{\"a\": 1}"};

    @TempDir
    Path dir;

    @Test
    void every_mutant_of_every_sample_ends_with_success_or_a_clean_message() throws Exception {
        List<String> broken = new ArrayList<>();
        int tried = 0;
        int refused = 0;
        for (Path sample : Samples.all()) {
            byte[] original = Files.readAllBytes(sample);
            Random r = new Random(sample.getFileName().toString().hashCode());
            for (int i = 0; i < MUTANTS_PER_SAMPLE; i++) {
                byte[] mutant = mutate(original, r);
                // beside the sample, so relative dataset paths resolve as in the original
                Path file = sample.resolveSibling(".mutant-" + i + ".strata");
                Path copy = dir.resolve(sample.getFileName() + "-" + i + ".strata");
                Files.write(copy, mutant);
                try {
                    Files.write(file, mutant);
                    for (String command : new String[]{"validate", "summary"}) {
                        tried++;
                        String why = check(command, file);
                        if (why != null) broken.add(copy + " (" + command + "): " + why);
                        if (lastStatus == 1) refused++;
                    }
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }
        // a fuzzer whose mutants all pass tests nothing: most must be refused
        assertTrue(refused > tried / 3, "only " + refused + " of " + tried + " mutants were refused");
        assertTrue(broken.isEmpty(), broken.size() + " of " + tried + " runs ended badly, the first: "
                + broken.subList(0, Math.min(5, broken.size())));
    }

    private static int lastStatus;

    /** @return what is wrong with how the command ended, or null if it ended cleanly */
    private static String check(String command, Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try {
            status = StrataCli.run(new PrintWriter(out, true), new PrintWriter(err, true), command, file.toString());
        } catch (Throwable t) {
            return "threw " + t;
        }
        lastStatus = status;
        String all = out + "\n" + err;
        if (status != 0 && status != 1) return "exit " + status + ": " + err;
        if (status == 1 && err.toString().isBlank() && out.toString().isBlank()) return "exit 1 without a word";
        for (String leak : new String[]{"Exception", "\tat ", "java.", "com.fasterxml", "org.nd4j", "jackson",
                "JsonReadFeature"}) {
            if (all.contains(leak)) return "shows '" + leak + "': " + excerpt(all);
        }
        return null;
    }

    private static String excerpt(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static byte[] mutate(byte[] original, Random r) {
        String text = new String(original, StandardCharsets.UTF_8);
        switch (r.nextInt(7)) {
            case 0 -> {
                return java.util.Arrays.copyOf(original, r.nextInt(original.length));
            }
            case 1 -> {
                byte[] b = original.clone();
                for (int k = 0; k <= r.nextInt(3); k++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                return b;
            }
            case 2 -> {
                return replaceOne(text, NUMBER, NUMBERS[r.nextInt(NUMBERS.length)], r, 0);
            }
            case 3 -> {
                return replaceOne(text, STRING_VALUE, STRINGS[r.nextInt(STRINGS.length)], r, 1);
            }
            case 4 -> {
                return replaceOne(text, VALUE, WRONG[r.nextInt(WRONG.length)], r, 1);
            }
            case 5 -> {
                List<String> lines = new ArrayList<>(text.lines().toList());
                lines.remove(r.nextInt(lines.size()));
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                // a structural character swapped for another
                char[] c = text.toCharArray();
                int at = r.nextInt(c.length);
                c[at] = "{}[],:\"".charAt(r.nextInt(7));
                return new String(c).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** Replaces group {@code group} of one random match of {@code p} (the whole match for 0). */
    private static byte[] replaceOne(String text, Pattern p, String with, Random r, int group) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[]{m.start(group), m.end(group)});
        if (spans.isEmpty()) return text.getBytes(StandardCharsets.UTF_8);
        int[] s = spans.get(r.nextInt(spans.size()));
        String value = group == 1 && p == VALUE ? with : with;
        return (text.substring(0, s[0]) + value + text.substring(s[1])).getBytes(StandardCharsets.UTF_8);
    }
}
