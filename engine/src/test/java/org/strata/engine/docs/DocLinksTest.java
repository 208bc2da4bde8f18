package org.strata.engine.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every link and picture in the README, CONTRIBUTING.md, installer/README.md and the user guide ({@code docs/})
 * points at a file of the repository, and at a heading of it where it names one: a moved page, screenshot or
 * renamed section fails here rather than on a reader.
 */
class DocLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCED = Pattern.compile("^```.*?^```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern LINK = Pattern.compile("]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

    @Test
    void every_link_in_the_documentation_reaches_an_existing_file_and_heading() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages()) {
            for (String target : links(Files.readString(page, StandardCharsets.UTF_8))) {
                links++;
                if (target.matches("(?i)(https?|mailto):.*")) continue;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path to = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String where = ROOT.relativize(page) + ": " + target;
                if (!to.startsWith(ROOT) || !Files.exists(to)) {
                    broken.add(where + " (no such file)");
                } else if (hash >= 0 && !headingOf(to, target.substring(hash + 1))) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertTrue(links > 100, "found only " + links + " links: is the documentation where this test looks?");
        assertEquals(List.of(), broken);
    }

    @Test
    void a_heading_is_linked_by_githubs_anchor_for_it() {
        assertEquals(Set.of("exported-weights-npz", "train-it-in-pytorch--on-one-cpu-or-several-gpus"),
                anchors("## Exported weights (`.npz`)\n## Train it in PyTorch — on one CPU, or several GPUs\n"));
        assertEquals(Set.of("gpu", "gpu-1"), anchors("## GPU\n```\n# not a heading\n```\n## GPU\n"));
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md"),
                ROOT.resolve("installer/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<String> links(String markdown) {
        String text = INLINE_CODE.matcher(FENCED.matcher(markdown).replaceAll("")).replaceAll("");
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static boolean headingOf(Path page, String anchor) throws IOException {
        if (!page.toString().endsWith(".md")) return false;
        return anchors(Files.readString(page, StandardCharsets.UTF_8)).contains(anchor);
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, -1 on repeats */
    static Set<String> anchors(String markdown) {
        Set<String> out = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(FENCED.matcher(markdown).replaceAll(""));
        while (m.find()) {
            String slug = m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                    .replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            out.add(n == 0 ? slug : slug + "-" + n);
        }
        return out;
    }
}
