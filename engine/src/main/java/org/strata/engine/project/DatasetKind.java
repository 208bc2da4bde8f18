package org.strata.engine.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;

/** The kinds of dataset a project can use, each with its own parameter table (paths, label column…). */
public enum DatasetKind {
    /** MNIST-style IDX files, gzipped or raw, with separate train and test files. */
    MNIST_IDX("mnist-idx", List.of(
            ParamSpec.path("trainImages", "Train images", "IDX3 file of training images (.gz or raw)"),
            ParamSpec.path("trainLabels", "Train labels", "IDX1 file of training labels"),
            ParamSpec.path("testImages", "Test images", "IDX3 file of test images"),
            ParamSpec.path("testLabels", "Test labels", "IDX1 file of test labels")), false),
    /** A CSV file with a header row. */
    CSV("csv", List.of(
            ParamSpec.path("path", "File", "CSV file with a header row"),
            encoding(),
            ParamSpec.column("labelColumn", "Label column", "label", "Header of the column to predict"),
            ParamSpec.choice("task", "Task", "classification", List.of("classification", "regression"),
                    "classification: labels are classes (text or whole numbers); regression: a number to predict")),
            true),
    /** A folder with one subfolder of images per class. */
    IMAGE_FOLDER("image-folder", List.of(
            ParamSpec.folder("path", "Folder", "Folder with one subfolder of images per class"),
            ParamSpec.integer("height", "Height", 28, 1, 4096, "Images are resized to this height"),
            ParamSpec.integer("width", "Width", 28, 1, 4096, "Images are resized to this width"),
            ParamSpec.choice("color", "Colour", "grayscale", List.of("grayscale", "rgb"),
                    "grayscale: 1 channel; rgb: 3 channels")), true),
    /** Built-in two-dimensional data. */
    GENERATED("generated", List.of(
            ParamSpec.choice("generator", "Generator", "xor", List.of("xor", "circles", "spirals", "blobs", "linear"),
                    "xor, circles, spirals, blobs: 2-D points in classes; linear: y = w·x + b + noise"),
            ParamSpec.integer("samples", "Samples", 1000, 4, 10_000_000, "Number of points"),
            ParamSpec.real("noise", "Noise", 0.1, 0.0, 10.0, "Standard deviation of the added noise"),
            ParamSpec.integer("classes", "Classes", 3, 2, 100, "Number of blobs").when("generator", "blobs"),
            ParamSpec.real("slope", "Slope w", 2.0, -1e6, 1e6, "True w of y = w·x + b").when("generator", "linear"),
            ParamSpec.real("intercept", "Intercept b", 1.0, -1e6, 1e6, "True b of y = w·x + b")
                    .when("generator", "linear")), true),
    /** A CSV or TSV file of texts and their labels, read as tokens numbered by a vocabulary of the training texts. */
    TEXT("text", List.of(
            ParamSpec.path("path", "File", "CSV or TSV file with a header row: a column of texts and one of labels"),
            encoding(),
            ParamSpec.column("textColumn", "Text column", "text", "Header of the column holding the texts"),
            ParamSpec.column("labelColumn", "Label column", "label", "Header of the column holding the classes"),
            ParamSpec.choice("tokenizer", "Tokens", "words", List.of("words", "characters"),
                    "words: words and punctuation marks (Chinese and Japanese by character); characters: every "
                            + "letter, for short texts such as single words"),
            ParamSpec.bool("lowercase", "Lowercase", true, "Read capital letters as small ones"),
            ParamSpec.integer("length", "Length", 32, 1, 10_000,
                    "Tokens per text: longer texts are cut, shorter ones filled up with <pad> (number 0)"),
            ParamSpec.integer("vocabularySize", "Vocabulary size", 10_000, 3, 1_000_000,
                    "The most tokens numbered, <pad> and <unk> included: the most frequent in the training texts"),
            ParamSpec.integer("minCount", "Minimum count", 1, 1, 1_000_000,
                    "A token seen fewer times in the training texts is read as <unk>")), true),
    /** Numeric time series from a CSV file: one column cut into windows to forecast from, or a series per row. */
    SEQUENCE("sequence", List.of(
            ParamSpec.path("path", "File", "CSV file with a header row"),
            encoding(),
            ParamSpec.choice("layout", "Layout", "columns", List.of("columns", "rows"),
                    "columns: the rows are time steps and one column is the series, cut into windows to forecast "
                            + "from; rows: each row is a whole series (every column but the label) with its class"),
            ParamSpec.column("column", "Series column", "value", "Header of the column holding the series")
                    .when("layout", "columns"),
            ParamSpec.integer("window", "Window", 24, 2, 100_000, "Steps each sample reads")
                    .when("layout", "columns"),
            ParamSpec.integer("horizon", "Horizon", 1, 1, 10_000, "Values after the window to forecast")
                    .when("layout", "columns"),
            ParamSpec.column("labelColumn", "Label column", "label", "Header of the column holding each series' class")
                    .when("layout", "rows")), true),
    /** Generated sequence tasks for teaching recurrent layers and attention. */
    SEQUENCE_TASK("sequence-task", List.of(
            ParamSpec.choice("task", "Task", "sine", List.of("sine", "parity", "reverse", "copy", "adding"),
                    "sine: forecast a noisy sine wave; parity: is the number of ones in a bit string even or odd; "
                            + "reverse, copy: give back digits reversed (or as they are); adding: the digits of the "
                            + "sum of two numbers written digit by digit"),
            ParamSpec.integer("samples", "Samples", 4000, 4, 1_000_000, "Number of sequences"),
            ParamSpec.integer("length", "Length", 16, 2, 1000,
                    "Steps per sequence (adding: digits per number, plus a step for the last carry)"),
            ParamSpec.integer("horizon", "Horizon", 1, 1, 100, "Values to forecast after the window")
                    .when("task", "sine"),
            ParamSpec.real("noise", "Noise", 0.05, 0.0, 10.0, "Standard deviation of the noise on the wave")
                    .when("task", "sine")), true),
    /**
     * A corpus of text to model: split into tokens, cut into training, validation and test blocks, served as windows
     * whose targets are the next token at every position.
     */
    LANGUAGE_MODEL("language-model", List.of(
            ParamSpec.path("corpus", "Corpus", "A text file, or a folder whose .txt files are read in name order"),
            encoding(),
            ParamSpec.choice("tokenizer", "Tokens", "characters", List.of("characters", "words", "bpe"),
                    "characters: every character (Chinese by character); words: words, punctuation marks, spaces "
                            + "and line breaks; bpe: byte-pair encoding, characters joined into frequent pieces "
                            + "learned on the training part"),
            ParamSpec.integer("vocabularySize", "Vocabulary size", 1000, 3, 1_000_000,
                    "The most tokens numbered, <pad> and <unk> included (bpe: the characters, then the merges "
                            + "learned until this size)"),
            ParamSpec.integer("context", "Context", 64, 1, 100_000,
                    "Tokens each window reads; its targets are the next token at every position"),
            ParamSpec.choice("windowStart", "Windows start", "stride", List.of("stride", "lines"),
                    "stride: a window every Stride tokens; lines: a window at every line break, so each position "
                            + "is a place in a line (verse, one saying per line) and generating reads a context "
                            + "that starts at a line break"),
            ParamSpec.integer("stride", "Stride", 0, 0, 100_000,
                    "Tokens from one window's start to the next; 0: the context (windows that do not overlap)")
                    .when("windowStart", "stride")),
            true);

    /** The encodings a text file of a dataset may be in, as its {@code encoding} parameter offers them. */
    public static final List<String> ENCODINGS = Encodings.ALL;

    private final String key;
    private final ParamTable table;

    DatasetKind(String key, List<ParamSpec> own, boolean hasTestSplit) {
        this.key = key;
        List<ParamSpec> all = new ArrayList<>(own);
        // a series is scaled as one (every step alike), so scaling each step to 0–1 on its own is not offered
        if (key.equals("sequence")) {
            all.add(ParamSpec.choice("normalization", "Normalisation", "standardize", List.of("none", "standardize"),
                    "none; standardize: the series to mean 0 and std 1 (computed on the training part)"));
        }
        // token numbers are names, not amounts, and the generated tasks come at their scale: nothing to normalise
        if (!key.equals("text") && !key.equals("sequence-task") && !key.equals("sequence")
                && !key.equals("language-model")) all.add(ParamSpec.choice("normalization", "Normalisation", this.defaultNormalisation(key),
                List.of("none", "scale01", "standardize"),
                "none; scale01: pixels 0–255 to 0–1 (images); standardize: each feature to mean 0, std 1 "
                        + "(computed on the training split)"));
        all.add(ParamSpec.real("validationSplit", "Validation split", 0.1, 0.0, 0.5,
                "Fraction of the training data held out to check progress each epoch"));
        if (hasTestSplit) {
            all.add(ParamSpec.real("testSplit", "Test split", 0.2, 0.0, 0.5,
                    "Fraction of the data held out for the final evaluation"));
        }
        all.add(ParamSpec.integer("seed", "Split seed", 42, 0, Integer.MAX_VALUE,
                "Seed for dividing the data into training, validation and test"));
        this.table = new ParamTable(all).ownedBy("dataset." + key);
    }

    /**
     * How a data file's bytes become text: read strictly, so a file in another encoding is an error, not letters
     * silently replaced. Projects written before this parameter existed lack it and read as UTF-8, as they did.
     */
    private static ParamSpec encoding() {
        return ParamSpec.choice("encoding", "Encoding", "UTF-8", Encodings.ALL, "How the file's bytes are read as "
                + "text: UTF-8 (the usual; a byte order mark is allowed), GBK or GB18030 (CSV saved by Excel on a "
                + "Chinese Windows), ISO-8859-1 (Latin-1, older Western files)");
    }

    /** Holds the list apart: the constants above are built before the enum's own static fields are set. */
    private static final class Encodings {
        static final List<String> ALL = List.of("UTF-8", "GBK", "GB18030", "ISO-8859-1");
    }

    private String defaultNormalisation(String key) {
        return switch (key) {
            case "mnist-idx", "image-folder" -> "scale01";
            case "csv" -> "standardize";
            default -> "none";
        };
    }

    /** @return the name in project files ("mnist-idx") */
    public String key() {
        return key;
    }

    /** @return the parameter table */
    public ParamTable params() {
        return table;
    }

    /** @return the kind named {@code key} */
    public static DatasetKind of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dataset kind '" + key + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(DatasetKind::key).toList())));
    }
}
