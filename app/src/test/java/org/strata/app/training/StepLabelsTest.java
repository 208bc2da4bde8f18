package org.strata.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.data.text.Tokenizer;
import org.strata.engine.data.text.Vocabulary;

/** The tokens an attention head looks at, labelled as the reader sees them. */
class StepLabelsTest {
    @Test
    void a_line_break_is_labelled_as_a_line_break_and_a_space_as_an_open_box() {
        var vocabulary = new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.UNKNOWN, "\n", " ", "春", "\n\n"),
                List.of(0, 0, 3, 2, 1, 1));
        var text = new TextEncoding(Tokenizer.CHARACTERS, false, 5, vocabulary);
        assertThat(SequenceInside.stepLabels(new float[]{2, 4, 3, 5, 0}, 5, text))
                .containsExactly("↵", "春", "␣", "↵↵", "·");
    }
}
