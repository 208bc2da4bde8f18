package org.strata.engine.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.data.text.Tokenizer;
import org.strata.engine.data.text.Vocabulary;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/** Loads a {@code text} dataset: reads the file, splits it, numbers the tokens with the training texts' vocabulary. */
final class TextDatasets {
    private TextDatasets() {
    }

    /**
     * @param file the file, resolved against the project
     * @param name the file as the project names it, for messages
     * @param p    the dataset's parameters
     * @param read a trained model's encoding to number the tokens with (its vocabulary, not one built from today's
     *             texts, whose numbers would mean other words to it), or empty to build one from the training texts
     */
    static Dataset load(Path file, String name, Params p, Optional<TextEncoding> read) throws IOException {
        TextTable table = TextTable.read(file, p.getString("textColumn"), p.getString("labelColumn"),
                StrictText.charset(p.getString("encoding")));
        Tokenizer tokenizer = read.map(TextEncoding::tokenizer).orElseGet(() -> Tokenizer.of(p.getString("tokenizer")));
        boolean lowercase = read.map(TextEncoding::lowercase).orElseGet(() -> p.getBool("lowercase"));
        int length = read.map(TextEncoding::length).orElseGet(() -> p.getInt("length"));
        TextSource.checkFits(table.texts().size(), length, name); // before the tokens are split out of every text
        List<List<String>> tokens = new ArrayList<>();
        for (String text : table.texts()) tokens.add(tokenizer.split(text, lowercase));
        Map<String, Integer> number = CsvReader.classIndex(table.labels());
        List<String> classes = List.copyOf(number.keySet());
        int[] labels = table.labels().stream().mapToInt(number::get).toArray();
        // the vocabulary comes from the training split only (the split is the one splitOne makes from the same seed):
        // words only the test texts hold must read as <unk>, as they would for texts the model has never seen
        int[] train = DatasetLoader.split(tokens.size(), p.getInt("seed"), p.getDouble("validationSplit"),
                p.getDouble("testSplit"))[0];
        List<List<String>> trainTexts = new ArrayList<>();
        for (int i : train) trainTexts.add(tokens.get(i));
        // a model's own vocabulary: a token it does not know reads as its <unk>, as in any text given to it
        Vocabulary vocabulary = read.isPresent() ? read.get().vocabulary()
                : Vocabulary.build(trainTexts, p.getInt("vocabularySize"), p.getInt("minCount"));
        TextSource source = TextSource.of(tokens, labels, vocabulary, length, name);
        return DatasetLoader.splitOne(name, source, TensorShape.vector(length), classes, 0, p, false)
                .withText(new TextEncoding(tokenizer, lowercase, length, vocabulary));
    }
}
