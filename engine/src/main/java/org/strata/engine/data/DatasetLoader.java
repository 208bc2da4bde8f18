package org.strata.engine.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.ParamType;
import org.strata.engine.params.Params;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;
import org.strata.engine.text.Message;

/** Loads a project's dataset and splits it into train, validation and test. */
public final class DatasetLoader {
    private DatasetLoader() {
    }

    /**
     * Loads the dataset of {@code project}, resolving paths against the project file.
     *
     * @throws DatasetException naming the file and the problem
     */
    public static Dataset load(Project project) throws IOException {
        return load(project, null);
    }

    /**
     * Loads the dataset of {@code project} as a trained model reads it: labels numbered by the model's class names
     * (not by their order in today's file), texts numbered with its vocabulary, inputs normalised as in its training.
     *
     * @param model how the model reads data, or null to read the data on its own terms (a new network)
     * @throws DatasetException naming the file and the problem, or a label the model does not know
     */
    public static Dataset load(Project project, ReadAs model) throws IOException {
        Dataset d = read(project, model == null ? java.util.Optional.empty() : model.text());
        // a new network learns only the classes its training split holds; a trained one knows its classes already
        // (a label it does not know is refused by name), whichever rows of today's file fall in training
        if (model == null || model.classNames().isEmpty()) checkSeen(d);
        return model == null ? d : model.apply(d);
    }

    private static Dataset read(Project project, java.util.Optional<org.strata.engine.data.text.TextEncoding> text)
            throws IOException {
        DatasetSpec spec = project.dataset().orElseThrow(() -> new DatasetException(Message.of("dataset.none",
                project.name() + " has no dataset: choose one in the project settings", project.name())));
        Params p = spec.params();
        int seed = p.getInt("seed");
        double valFrac = p.getDouble("validationSplit");
        switch (spec.kind()) {
            case MNIST_IDX -> {
                IdxReader.Images trainImg = IdxReader.readImages(project.resolve(require(p, "trainImages")));
                byte[] trainLab = IdxReader.readLabels(project.resolve(require(p, "trainLabels")));
                IdxReader.Images testImg = IdxReader.readImages(project.resolve(require(p, "testImages")));
                byte[] testLab = IdxReader.readLabels(project.resolve(require(p, "testLabels")));
                if (trainImg.count() != trainLab.length) {
                    throw new DatasetException(p.getString("trainImages") + " holds " + trainImg.count()
                            + " images but " + p.getString("trainLabels") + " holds " + trainLab.length
                            + " labels: use matching files");
                }
                if (testImg.count() != testLab.length) {
                    throw new DatasetException(p.getString("testImages") + " holds " + testImg.count() + " images but "
                            + p.getString("testLabels") + " holds " + testLab.length + " labels: use matching files");
                }
                if (testImg.rows() != trainImg.rows() || testImg.cols() != trainImg.cols()) {
                    throw new DatasetException("test images are " + testImg.rows() + "×" + testImg.cols()
                            + " but training images are " + trainImg.rows() + "×" + trainImg.cols());
                }
                int f = trainImg.rows() * trainImg.cols();
                IdxSource train = new IdxSource(trainImg.pixels(), trainLab, f);
                IdxSource test = new IdxSource(testImg.pixels(), testLab, f);
                int classes = 1 + maxLabel(train);
                List<String> names = new ArrayList<>();
                for (int c = 0; c < classes; c++) names.add(Integer.toString(c));
                checkSeen(train, IntStream.range(0, train.size()).toArray(), test, all(test), names,
                        p.getString("testLabels"), "test");
                int[][] tv = split(train.size(), seed, valFrac, 0);
                Normalizer n = Normalizer.fit(p.getString("normalization"), train, tv[0], true);
                TensorShape shape = TensorShape.image(trainImg.rows(), trainImg.cols(), 1);
                return new Dataset("MNIST", shape, List.copyOf(names), 0, new Split(train, tv[0], n),
                        new Split(train, tv[1], n), new Split(test, all(test), n), n);
            }
            case CSV -> {
                boolean classification = p.getString("task").equals("classification");
                CsvReader.Table t = CsvReader.read(project.resolve(require(p, "path")), p.getString("labelColumn"),
                        classification, StrictText.charset(p.getString("encoding")));
                return splitOne(p.getString("path"), t.source(), TensorShape.vector(t.featureNames().size()),
                        t.classNames(), t.targets(), p, false);
            }
            case IMAGE_FOLDER -> {
                boolean rgb = p.getString("color").equals("rgb");
                ImageFolderSource s = ImageFolderSource.scan(project.resolve(require(p, "path")), p.getInt("height"),
                        p.getInt("width"), rgb);
                return splitOne(p.getString("path"), s, TensorShape.image(p.getInt("height"), p.getInt("width"),
                        rgb ? 3 : 1), s.classNames(), 0, p, true);
            }
            case GENERATED -> {
                Generators.Generated g = Generators.generate(p);
                return splitOne(p.getString("generator"), g.source(), TensorShape.vector(g.source().featureSize()),
                        g.classNames(), g.targets(), p, false);
            }
            case SEQUENCE -> {
                return SeriesDatasets.load(project.resolve(require(p, "path")), p.getString("path"), p);
            }
            case SEQUENCE_TASK -> {
                SequenceTasks.Task t = SequenceTasks.generate(p);
                return splitOne(p.getString("task"), t.source(), t.shape(), t.classNames(), t.targets(), p, false);
            }
            case TEXT -> {
                return TextDatasets.load(project.resolve(require(p, "path")), p.getString("path"), p, text);
            }
            case LANGUAGE_MODEL -> {
                return LanguageModelDatasets.load(project.resolve(require(p, "corpus")), p.getString("corpus"), p,
                        text);
            }
            default -> throw new IllegalStateException(spec.kind().toString());
        }
    }

    private static String require(Params p, String key) throws DatasetException {
        String v = p.getString(key);
        if (v.isBlank()) {
            boolean folder = p.table().spec(key).map(s -> s.type() == ParamType.FOLDER).orElse(false);
            throw new DatasetException(Message.of(folder ? "dataset.folderNotSet" : "dataset.notSet",
                    "the dataset's '" + key + "' is not set: choose a " + (folder ? "folder" : "file"),
                    p.table().owner() + "." + key));
        }
        return v;
    }

    static Dataset splitOne(String name, SampleSource s, TensorShape shape, List<String> classes, int targets,
                            Params p, boolean image) throws DatasetException {
        int[][] parts = split(s.size(), p.getInt("seed"), p.getDouble("validationSplit"), p.getDouble("testSplit"));
        if (parts[0].length == 0) {
            throw new DatasetException(Message.of("dataset.noTrainingSamples", name + ": no samples left for "
                    + "training after the validation and test splits", name));
        }
        // texts have no normalisation to choose: their values are token numbers
        String norm = p.table().spec("normalization").isPresent() ? p.getString("normalization") : "none";
        Normalizer n = Normalizer.fit(norm, s, parts[0], image);
        return new Dataset(name, shape, classes, targets, new Split(s, parts[0], n), new Split(s, parts[1], n),
                new Split(s, parts[2], n), n);
    }

    /** Every class of the validation and test splits must appear in the training split. */
    private static void checkSeen(Dataset d) throws DatasetException {
        // a corpus's tokens are those of its training part: any other reads as <unk>, which training has seen
        if (!d.isClassification() || d.labelSteps() > 0) return;
        BitSet seen = new BitSet();
        for (int i = 0; i < d.train().size(); i++) seen.set(d.train().label(i));
        for (String split : List.of("validation", "test")) {
            Split s = split.equals("test") ? d.test() : d.validation();
            for (int i = 0; i < s.size(); i++) {
                if (!seen.get(s.label(i))) throw unseen(d.name(), d.classNames(), s.label(i), split);
            }
        }
    }

    private static DatasetException unseen(String name, List<String> classes, int c, String split) {
        String label = c < classes.size() ? classes.get(c) : Integer.toString(c);
        return new DatasetException(Message.of("dataset.unseenLabel." + split, name + " (" + split + " split): "
                + "label '" + label + "' never appears in the training data, so the network cannot learn it: "
                + "add training samples of it, or remove those samples", name, label));
    }

    /** A class that only appears outside training can never be predicted: say so instead of training blind. */
    private static void checkSeen(SampleSource train, int[] trainIdx, SampleSource other, int[] otherIdx,
                                  List<String> classes, String name, String split) throws DatasetException {
        BitSet seen = new BitSet();
        for (int i : trainIdx) seen.set(train.label(i));
        for (int i : otherIdx) {
            int c = other.label(i);
            if (!seen.get(c)) throw unseen(name, classes, c, split);
        }
    }

    private static int maxLabel(SampleSource s) {
        int m = 0;
        for (int i = 0; i < s.size(); i++) m = Math.max(m, s.label(i));
        return m;
    }

    private static int[] all(SampleSource s) {
        return IntStream.range(0, s.size()).toArray();
    }

    /** A seeded shuffle cut into [train, validation, test] index arrays. */
    static int[][] split(int n, int seed, double valFrac, double testFrac) {
        int[] perm = IntStream.range(0, n).toArray();
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int test = (int) Math.round(n * testFrac);
        int val = (int) Math.round(n * valFrac);
        int train = n - test - val;
        return new int[][]{java.util.Arrays.copyOfRange(perm, 0, Math.max(0, train)),
                java.util.Arrays.copyOfRange(perm, Math.max(0, train), Math.max(0, train) + val),
                java.util.Arrays.copyOfRange(perm, Math.max(0, train) + val, n)};
    }
}
