package org.strata.engine.data;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.strata.engine.data.text.BytePairEncoding;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.data.text.Tokenizer;
import org.strata.engine.data.text.Vocabulary;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;
import org.strata.engine.project.PathKind;
import org.strata.engine.text.Message;

/**
 * Loads a {@code language-model} dataset: a corpus (a text file, or a folder of {@code .txt} files read in name
 * order) cut into three contiguous blocks (training first, then validation, then test), each tokenized on its own
 * and served as windows of {@code context} tokens whose targets are the next token at every position. The
 * vocabulary (and byte-pair merges) come from the training block only.
 */
final class LanguageModelDatasets {
    /** What a character of text costs while it is split into tokens (a String per token, the list around them). */
    private static final int BYTES_PER_CHARACTER = 64;

    private LanguageModelDatasets() {
    }

    /**
     * @param corpus the corpus, resolved against the project
     * @param name   the corpus as the project names it, for messages
     * @param read   a trained model's encoding to number tokens with, or empty to learn one from the training block
     */
    static Dataset load(Path corpus, String name, Params p, Optional<TextEncoding> read) throws IOException {
        String text = readCorpus(corpus, name, StrictText.charset(p.getString("encoding")));
        // a trained model reads windows of its own context: its position table has no row beyond it
        int context = read.map(TextEncoding::length).orElse(p.getInt("context"));
        boolean atLines = p.getString("windowStart").equals("lines");
        int stride = p.getInt("stride") == 0 ? context : p.getInt("stride");
        String[] blocks = blocks(text, p.getDouble("validationSplit"), p.getDouble("testSplit"));
        TextEncoding encoding = read.isPresent() ? read.get() : learn(blocks[0], name, p, context);
        int[][] ids = new int[3][];
        for (int b = 0; b < 3; b++) ids[b] = encoding.ids(blocks[b]);
        CorpusWindows[] windows = new CorpusWindows[3];
        boolean[] lineBreaks = encoding.vocabulary().lineBreaks();
        for (int b = 0; b < 3; b++) {
            windows[b] = atLines ? CorpusWindows.atLineBreaks(ids[b], context, lineBreaks)
                    : CorpusWindows.everyStride(ids[b], context, stride);
        }
        if (atLines && ids[0].length >= context + 1 && windows[0].size() == 0) {
            throw new DatasetException(Message.of("dataset.corpus.noLines", name + ": windows start at line breaks "
                    + "but the training part has no line break with " + (context + 1) + " tokens after it: use a "
                    + "corpus of lines, a smaller context, or windows that start every Stride tokens", name,
                    context + 1));
        }
        if (windows[0].size() == 0) {
            throw new DatasetException(Message.of("dataset.corpus.tooShort", name + ": the training part holds "
                    + ids[0].length + " tokens but a window needs " + (context + 1) + " (the context and the next "
                    + "token): use a longer corpus, a smaller context, or smaller validation and test splits", name,
                    ids[0].length, context + 1));
        }
        Normalizer none = Normalizer.identity(context); // token numbers are names, not amounts
        Split[] splits = new Split[3];
        for (int b = 0; b < 3; b++) {
            CorpusWindows w = windows[b];
            splits[b] = new Split(w, IntStream.range(0, w.size()).toArray(), none);
        }
        // the classes are the tokens: what comes next at every position is one of them
        return new Dataset(name, TensorShape.vector(context), encoding.vocabulary().tokens(), 0, splits[0],
                splits[1], splits[2], none, Optional.of(encoding));
    }

    /** The encoding learned from the training block: its vocabulary and, for byte-pair encoding, its merges. */
    static TextEncoding learn(String training, String name, Params p, int context) throws DatasetException {
        Tokenizer tokenizer = tokenizer(p.getString("tokenizer"));
        int size = p.getInt("vocabularySize");
        List<String> tokens = tokenizer.split(training, false);
        if (tokenizer != Tokenizer.BPE) {
            return new TextEncoding(tokenizer, false, context, Vocabulary.build(List.of(tokens), size, 1));
        }
        Vocabulary characters = Vocabulary.build(List.of(tokens), Integer.MAX_VALUE, 1);
        if (size < characters.size()) {
            throw new DatasetException(Message.of("dataset.corpus.vocabularyTooSmall", name + ": the training part "
                    + "holds " + (characters.size() - 2) + " different characters, so byte-pair encoding needs a "
                    + "vocabulary of at least " + characters.size() + " (the characters, <pad> and <unk>) but "
                    + "vocabularySize is " + size + ": set vocabularySize to " + characters.size() + " or more",
                    name, characters.size() - 2, characters.size(), size));
        }
        BytePairEncoding merges = BytePairEncoding.learn(tokens, size - characters.size());
        List<String> all = new ArrayList<>(characters.tokens());
        List<Integer> counts = new ArrayList<>(characters.counts());
        java.util.Set<String> known = new java.util.HashSet<>(all);
        for (BytePairEncoding.Merge m : merges.merges()) {
            if (!known.add(m.joined())) continue; // two merges that make the same token (a+bc, ab+c) number it once
            all.add(m.joined());
            counts.add(m.count());
        }
        return new TextEncoding(Tokenizer.BPE, false, context, new Vocabulary(all, counts), merges);
    }

    /** @return the tokenizer a project's {@code tokenizer} choice names: words keep their spaces here */
    static Tokenizer tokenizer(String choice) {
        return choice.equals("words") ? Tokenizer.WORDS_AND_SPACES : Tokenizer.of(choice);
    }

    /**
     * @return the text cut into [training, validation, test] at character (code point) positions: training the
     * first part, validation the next, test the last
     */
    static String[] blocks(String text, double validation, double test) {
        int n = text.codePointCount(0, text.length());
        int t = (int) Math.round(n * test);
        int v = (int) Math.round(n * validation);
        int trainEnd = text.offsetByCodePoints(0, Math.max(0, n - v - t));
        int valEnd = text.offsetByCodePoints(0, Math.max(0, n - t));
        return new String[]{text.substring(0, trainEnd), text.substring(trainEnd, valEnd), text.substring(valEnd)};
    }

    /** @return the corpus's text: its files one after another, each ending with a line break */
    private static String readCorpus(Path corpus, String name, Charset charset) throws IOException {
        List<Path> files = files(corpus, name);
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        DataBudget.check(name, DataBudget.number(bytes) + " bytes of text", bytes, BYTES_PER_CHARACTER, true);
        StringBuilder text = new StringBuilder();
        for (Path f : files) {
            String name1 = files.size() == 1 ? name : name + "/" + f.getFileName();
            String t = StrictText.decode(Files.readAllBytes(f), charset, name1);
            text.append(t);
            if (!t.isEmpty() && !t.endsWith("\n")) text.append('\n'); // a file's last line does not run into the next
        }
        return text.toString();
    }

    /** @return the corpus file, or a folder's {@code .txt} files in name order */
    private static List<Path> files(Path corpus, String name) throws IOException {
        if (PathKind.of(corpus) != PathKind.FOLDER) {
            return List.of(InputFiles.requireRegularFile(corpus, Message.of("dataset.fileNotFound", corpus
                    + ": file not found: check the dataset path (relative to the project file)",
                    corpus.toString())));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".txt"))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new DatasetException(Message.of("dataset.corpus.noFiles", name + " is a folder without .txt files: "
                    + "put the corpus's text files (UTF-8, ending in .txt) in it, or name one file", name));
        }
        for (Path f : files) InputFiles.requireRegularFile(f);
        return files;
    }
}
