package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.layers.Category;

/** Every text the code asks for exists in English and Simplified Chinese, and nothing is left untranslated. */
class MessagesTest {
    private static final ResourceBundle EN = Messages.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = Messages.bundle(Locale.SIMPLIFIED_CHINESE);

    @Test
    void english_and_chinese_have_the_same_keys() {
        assertThat(new TreeSet<>(ZH.keySet())).isEqualTo(new TreeSet<>(EN.keySet()));
        assertThat(ZH.getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void every_key_the_code_uses_is_in_the_bundles() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern p = Pattern.compile("Messages\\.get\\(\\s*\"([^\"]+)\"|\"(menu\\.[a-zA-Z.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) used.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        used.removeIf(k -> k.endsWith("."));
        assertThat(used).isNotEmpty();
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(EN.keySet());
        assertThat(missing).isEmpty();
        for (Category c : Category.values()) assertThat(EN.containsKey("category." + c.name())).isTrue();
    }

    @Test
    void counts_say_one_thing_or_several_things_not_things_with_an_s_in_brackets() {
        Locale was = Messages.locale();
        try {
            Messages.setLocale(Locale.ENGLISH);
            assertThat(Messages.get("train.continuing", 1)).contains("after 1 epoch so far");
            assertThat(Messages.get("train.continuing", 12)).contains("after 12 epochs so far");
            assertThat(Messages.get("confusion.cellWrong", "7", "1", 1, 1)).startsWith("1 sample of class");
            assertThat(Messages.get("confusion.cellRight", "7", "7", 1234, 20)).startsWith("1,234 samples of class");
            assertThat(Messages.get("data.targets", 3)).startsWith("3 numbers to predict");
            for (String k : Collections.list(EN.getKeys())) {
                assertThat(EN.getString(k)).as(k).doesNotContain("(s)");
            }
        } finally {
            Messages.setLocale(was);
        }
    }

    @Test
    void chinese_texts_are_translated_not_copied() {
        Set<String> same = new TreeSet<>();
        for (String k : Collections.list(EN.getKeys())) {
            String en = EN.getString(k);
            if (en.equals(ZH.getString(k)) && en.matches(".*[a-z]{3,}.*") && !en.contains("Strata")) same.add(k);
        }
        assertThat(same).isEmpty();
    }

    /** The Activation layer's formula is a list of its functions: a function added later is named in both languages. */
    @Test
    void the_activation_layers_formula_names_every_function_in_english_and_chinese() {
        String en = LayerCatalogue.get("Activation").doc();
        String zh = Catalogue.bundle(Locale.SIMPLIFIED_CHINESE).getString("formula.Activation");
        for (org.strata.engine.layers.ActivationFn f : org.strata.engine.layers.ActivationFn.values()) {
            Pattern named = Pattern.compile("(^|[\\s:;：；])" + f.key() + "[\\s;；]");
            assertThat(named.matcher(en).find()).as("English formula names " + f.key()).isTrue();
            assertThat(named.matcher(zh).find()).as("Chinese formula names " + f.key()).isTrue();
        }
    }

    @Test
    void every_layer_and_parameter_of_the_catalogue_has_its_chinese_text() {
        ResourceBundle zh = Catalogue.bundle(Locale.SIMPLIFIED_CHINESE);
        Set<String> missing = new TreeSet<>();
        List<ParamTable> tables = new ArrayList<>();
        for (LayerType t : LayerCatalogue.all()) {
            if (!zh.containsKey("layer." + t.id())) missing.add("layer." + t.id());
            if (!zh.containsKey("formula." + t.id())) missing.add("formula." + t.id());
            tables.add(t.params());
        }
        for (DatasetKind k : DatasetKind.values()) tables.add(k.params());
        tables.add(TrainingSettings.TABLE);
        for (ParamTable table : tables) {
            for (ParamSpec s : table.specs()) {
                for (String kind : List.of("param", "desc")) {
                    String own = kind + "." + table.owner() + "." + s.name();
                    if (!zh.containsKey(own) && !zh.containsKey(kind + "." + s.name())) missing.add(own);
                }
            }
        }
        System.setProperty("strata.samples", AppTest.SAMPLES.toString());
        assertThat(org.strata.app.window.Samples.all()).hasSizeGreaterThanOrEqualTo(8);
        for (Path sample : org.strata.app.window.Samples.all()) {
            String folder = sample.getParent().getFileName().toString();
            for (String what : List.of("name", "description")) {
                if (!zh.containsKey("sample." + folder + "." + what)) missing.add("sample." + folder + "." + what);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void parameters_of_one_name_that_mean_different_things_do_not_share_a_translation() {
        ResourceBundle zh = Catalogue.bundle(Locale.SIMPLIFIED_CHINESE);
        List<ParamTable> tables = new ArrayList<>();
        LayerCatalogue.all().forEach(t -> tables.add(t.params()));
        for (DatasetKind k : DatasetKind.values()) tables.add(k.params());
        tables.add(TrainingSettings.TABLE);
        // name → the English descriptions of the parameters that fall back on the shared desc.<name>
        Map<String, Set<String>> shared = new TreeMap<>();
        for (ParamTable table : tables) {
            for (ParamSpec s : table.specs()) {
                if (!zh.containsKey("desc." + table.owner() + "." + s.name())) {
                    shared.computeIfAbsent(s.name(), k -> new TreeSet<>()).add(s.description());
                }
            }
        }
        shared.values().removeIf(descriptions -> descriptions.size() == 1);
        assertThat(shared).as("give each meaning its own desc.<owner>.<name> in catalogue_zh_CN.properties").isEmpty();
    }

    @Test
    void every_problem_the_engine_can_report_has_its_chinese_text() throws IOException {
        ResourceBundle zh = Catalogue.bundle(Locale.SIMPLIFIED_CHINESE);
        Set<String> codes = new TreeSet<>();
        Pattern p = Pattern.compile("(?:Problem\\.(?:error|warning)\\([^,]+,|new ShapeException\\()\\s*\"([a-zA-Z.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("../engine/src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) codes.add(m.group(1));
            }
        }
        assertThat(codes).contains("graph.empty", "port.unconnected", "shape.window", "shape.reshape");
        // the data's problems are what training would say: their text is the training message's
        codes.removeIf(c -> zh.containsKey("problem." + c) || zh.containsKey("message." + c) || c.equals("shape.kind."));
        assertThat(codes).isEmpty();
        assertThat(zh.containsKey("problem.shape.kind")).isTrue();
    }

    @Test
    void every_training_message_the_engine_can_say_has_its_chinese_text_with_its_values() {
        ResourceBundle zh = Catalogue.bundle(Locale.SIMPLIFIED_CHINESE);
        for (var code : org.strata.engine.text.Message.CODES.entrySet()) {
            String key = "message." + code.getKey();
            assertThat(zh.containsKey(key)).as(key).isTrue();
            for (int i = 0; i < code.getValue(); i++) assertThat(zh.getString(key)).as(key).contains("{" + i + "}");
            assertThat(zh.getString(key)).as(key).doesNotContain("{" + code.getValue() + "}");
        }
    }

    @Test
    void every_one_click_fix_the_validator_offers_has_its_chinese_text_with_its_values() {
        ResourceBundle zh = Catalogue.bundle(Locale.SIMPLIFIED_CHINESE);
        for (var code : org.strata.engine.analysis.Fix.CODES.entrySet()) {
            assertThat(zh.containsKey(code.getKey())).as(code.getKey()).isTrue();
            for (int i = 0; i < code.getValue(); i++) {
                assertThat(zh.getString(code.getKey())).as(code.getKey()).contains("{" + i + "}");
            }
        }
    }

    @Test
    void a_training_message_reads_in_chinese_with_the_engine_named_inside_it() {
        var fast = org.strata.engine.text.Message.of("engine.fast", "Strata's fast engine");
        var engine = org.strata.engine.text.Message.of("engine.cpu",
                "Strata's fast engine, oneDNN AVX-512 build, 1 thread", fast, "oneDNN AVX-512", 1);
        var started = org.strata.engine.text.Message.of("run.started", "Training MNIST MLP with " + engine,
                "MNIST MLP", engine);
        var library = org.strata.engine.text.Message.plain("Op [matmul] failed");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(Catalogue.message(started)).isEqualTo("正在训练 MNIST MLP：Strata 快速引擎，原生库 oneDNN AVX-512，1 个线程");
            assertThat(Catalogue.message(library)).isEqualTo("Op [matmul] failed");
            // a dataset setting is named as the inspector names it
            assertThat(Catalogue.message(org.strata.engine.text.Message.of("dataset.notSet", "the dataset's "
                    + "'trainImages' is not set: choose a file", "dataset.mnist-idx.trainImages"))).contains("训练图像");
            assertThat(Catalogue.message(org.strata.engine.text.Message.of("dataset.folderNotSet", "the dataset's "
                    + "'path' is not set: choose a folder", "dataset.image-folder.path"))).contains("“文件夹”");
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
        assertThat(Catalogue.message(started)).isEqualTo(started.english());
    }

    @Test
    void a_shape_problem_reads_in_chinese_with_its_values() {
        var g = new org.strata.engine.graph.Graph();
        var in = g.add(org.strata.engine.graph.Node.of("input", LayerCatalogue.get("Input")));
        in.params().set("kind", "image");
        var dense = g.add(org.strata.engine.graph.Node.of("dense", LayerCatalogue.get("Dense")));
        g.connect("input", "dense");
        var problem = org.strata.engine.analysis.GraphAnalyzer.analyze(g).problemsOf("dense").get(0);
        assertThat(problem.code()).isEqualTo("shape.kind.Dense");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(Catalogue.problem(problem, dense)).contains("28×28×1").contains("图像").contains("Flatten");
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
        assertThat(Catalogue.problem(problem, dense)).isEqualTo(problem.message());
    }

    @Test
    void a_text_with_values_keeps_its_apostrophes() {
        // MessageFormat reads a lone ' as a quote: "the run's {0}" would show "the runs {0}", its value never put in
        Pattern value = Pattern.compile("\\{\\d");
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        List<String> wrong = new ArrayList<>();
        for (ResourceBundle b : List.of(EN, ZH)) {
            for (String k : Collections.list(b.getKeys())) {
                String v = b.getString(k);
                if (value.matcher(v).find() && lone.matcher(v).find()) wrong.add(b.getLocale() + " " + k + "=" + v);
            }
        }
        assertThat(wrong).as("write '' for an apostrophe in a text with {0}").isEmpty();
    }

    @Test
    void patterns_format_with_their_arguments() {
        Messages.setLocale(Locale.ENGLISH);
        assertThat(Messages.get("edit.deleteNodes", 1)).isEqualTo("Delete layer");
        assertThat(Messages.get("edit.deleteNodes", 3)).isEqualTo("Delete 3 layers");
        assertThat(Messages.get("unsaved.discard")).isEqualTo("Don't save");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.get("menu.file")).isEqualTo("文件");
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void every_class_of_the_generated_data_is_named_in_chinese_and_choices_show_their_words() throws Exception {
        var generator = org.strata.engine.project.DatasetKind.GENERATED.params().spec("generator").orElseThrow();
        List<String> english = new java.util.ArrayList<>();
        for (String g : generator.choices()) {
            var spec = org.strata.engine.project.DatasetSpec.of(org.strata.engine.project.DatasetKind.GENERATED);
            spec.params().set("generator", g).set("samples", 60).set("classes", 4);
            var p = new org.strata.engine.project.Project("t", "", new org.strata.engine.graph.Graph(), spec,
                    org.strata.engine.project.TrainingSettings.defaults());
            english.addAll(org.strata.engine.data.DatasetLoader.load(p).classNames());
        }
        assertThat(english).contains("same sign", "blob 4");
        var normalization = org.strata.engine.project.DatasetKind.CSV.params().spec("normalization").orElseThrow();
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            for (String name : english) {
                assertThat(Catalogue.generatedClass(name)).as(name).isNotEqualTo(name);
            }
            assertThat(Catalogue.generatedClass("blob 4")).isEqualTo("团簇 4");
            assertThat(Catalogue.choice("dataset.csv", normalization, "standardize")).isEqualTo("标准化");
            // an algorithm's name stays as it is
            assertThat(Catalogue.choice("Dense", org.strata.engine.layers.LayerCatalogue.get("Dense").params()
                    .spec("activation").orElseThrow(), "relu")).isEqualTo("relu");
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
        assertThat(Catalogue.generatedClass("same sign")).isEqualTo("same sign");
        assertThat(Catalogue.choice("dataset.csv", normalization, "standardize")).isEqualTo("standardize");
    }
}
