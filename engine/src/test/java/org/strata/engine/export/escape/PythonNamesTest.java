package org.strata.engine.export.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.HostileStrings;
import org.strata.engine.PythonTools;

/** Any ids get valid, unique, stable Python names that shadow nothing Python or PyTorch has. */
class PythonNamesTest {
    @TempDir
    Path dir;

    @Test
    void any_ids_get_unique_valid_names_the_same_every_time() throws Exception {
        List<String> ids = new java.util.ArrayList<>(HostileStrings.all());
        ids.addAll(List.of("dense", "dense ", "dense_2", "Dense", "隐藏层", "隐藏层 ", "a__b", "a_b"));
        ids = ids.stream().distinct().toList();
        PythonNames names = new PythonNames(ids, Set.of("x", "attention"));
        assertEquals(names.all(), new PythonNames(ids, Set.of("x", "attention")).all(), "stable");
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            String n = names.name(id);
            assertTrue(n.matches("[A-Za-z][A-Za-z0-9_]*") && !n.contains("__") && !n.endsWith("_"), id + " -> " + n);
            assertTrue(seen.add(n), "two ids named " + n);
            assertFalse(PythonNames.PYTHON.contains(n) || n.equals("x"), n);
            assertTrue(n.length() <= PythonNames.MAX + 8, n);
        }
        assertEquals("dense", names.name("dense"));
        assertEquals("dense_3", names.name("dense ")); // the id "dense_2" has its own name
        assertEquals("u9690_u85cf_u5c42", names.name("隐藏层"));
        assertEquals("u9690_u85cf_u5c42_2", names.name("隐藏层 "));
        assertEquals("layer_class", names.name("class"));
        assertEquals("layer_123_starts_with_digits", names.name("123 starts with digits"));
        assertEquals("cafe_cafe", names.name("café cafe\u0301"));

        // Python agrees each is an identifier, not a keyword, and nothing PyTorch's nn.Module has
        String python = PythonTools.with("torch", "python3-torch");
        Path script = dir.resolve("names.py");
        StringBuilder src = new StringBuilder("import keyword, builtins, torch.nn as nn\nnames = [");
        for (String id : ids) src.append(PythonText.literal(names.name(id))).append(", ");
        src.append("]\nm = dir(nn.Module())\nfor n in names:\n    assert n.isidentifier() and n.isascii(), n\n"
                + "    assert not keyword.iskeyword(n) and not keyword.issoftkeyword(n), n\n"
                + "    assert not hasattr(builtins, n) and n not in m, n\nprint('ok')\n");
        Files.writeString(script, src.toString());
        Process p = new ProcessBuilder(python, script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals("ok", out.strip(), out);
    }
}
