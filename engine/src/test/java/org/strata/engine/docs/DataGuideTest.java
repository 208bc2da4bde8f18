package org.strata.engine.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.strata.engine.Samples;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.project.ProjectFormatException;

/** The user guide's data page shows every dataset kind with a {@code dataset} block a project file accepts. */
class DataGuideTest {
    private static final Path DATA_PAGE = Path.of("..", "docs", "data.md");
    /** A worked example's block: a json code block holding {@code "dataset": {…}} alone. */
    private static final Pattern EXAMPLE = Pattern.compile("```json\\n(\"dataset\": \\{.*?})\\n```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_dataset_kind_has_a_worked_example_that_a_project_file_accepts() throws Exception {
        String page = Files.readString(DATA_PAGE, StandardCharsets.UTF_8);
        String xor = Files.readString(Samples.file("xor"), StandardCharsets.UTF_8);
        Set<String> shown = new TreeSet<>();
        Matcher m = EXAMPLE.matcher(page);
        while (m.find()) {
            JsonNode block = JSON.readTree("{" + m.group(1) + "}").get("dataset");
            ObjectNode project = (ObjectNode) JSON.readTree(xor);
            project.set("dataset", block);
            try {
                var parsed = ProjectFile.parse(JSON.writeValueAsString(project));
                shown.add(parsed.dataset().orElseThrow().kind().key());
            } catch (ProjectFormatException e) {
                fail("docs/data.md's example " + block + " is refused: " + e.getMessage());
            }
        }
        Set<String> kinds = Arrays.stream(DatasetKind.values()).map(DatasetKind::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(kinds, shown, "docs/data.md needs a worked example (a ```json \"dataset\": {…} block) for every "
                + "dataset kind");
    }
}
