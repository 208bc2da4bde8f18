package org.strata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.strata.engine.data.Dataset;
import org.strata.engine.generate.Generator;
import org.strata.engine.generate.Sampling;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainedModels;
import org.strata.engine.train.TrainingResult;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;

/**
 * The Tang-poem sample's promise: trained with its own settings (a few minutes on 2 cores), the small GPT writes
 * lines in the poems' form: two halves of five, or of seven, characters, each ended by the poems' punctuation.
 */
class TangPoemsSampleTest {
    /** A line of a regular poem: 5 + 5 or 7 + 7 Chinese characters, each half ended by ，。？！ or ；. */
    static final Pattern FORM = Pattern.compile("(\\p{IsHan}{5}[，。？！；]){2}|(\\p{IsHan}{7}[，。？！；]){2}");

    @Test
    void the_form_is_the_five_or_seven_character_line_with_its_punctuation() {
        assertTrue(FORM.matcher("床前明月光，疑是地上霜。").matches());
        assertTrue(FORM.matcher("少小离家老大回，乡音无改鬓毛衰。").matches());
        assertTrue(!FORM.matcher("床前明月光，疑是地上。").matches(), "a half one character short");
        assertTrue(!FORM.matcher("床前明月光，少小离家老大回。").matches(), "halves of different lengths");
        assertTrue(!FORM.matcher("床前明月光疑是地上霜。").matches(), "no punctuation between the halves");
    }

    @Test
    void trained_with_its_own_settings_most_lines_it_writes_at_temperature_0_8_have_the_poems_form()
            throws Exception {
        Project p = ProjectFile.load(Samples.file("tang-poems"));
        TrainingSession s = TrainingSession.create(p);
        TrainingResult r = s.run();
        assertEquals(TrainingState.FINISHED, r.state());
        Dataset data = s.dataset();
        TrainedModel model = TrainedModels.of(p, s.backend(), data.classNames(), data.normalizer().shift(),
                data.normalizer().scale(), p.training().getInt("epochs"), data.text());
        List<String> lines = lines(Generator.of(model), 100);
        long kept = lines.stream().filter(l -> FORM.matcher(l).matches()).count();
        System.out.println("tang-poems: " + kept + " of 100 lines in the poems' form, validation loss "
                + r.validation().loss());
        assertTrue(kept >= 60, kept + " of 100 lines have the form; the first: " + lines.subList(0, 12));
    }

    /**
     * @return the first {@code n} whole lines written from an empty prompt (a line break) at temperature 0.8, with
     * seeds 1, 2, 3… (80 tokens each: four or five lines), a line's line break not included
     */
    static List<String> lines(Generator g, int n) {
        List<String> out = new ArrayList<>();
        for (long seed = 1; out.size() < n; seed++) {
            String[] written = g.generate("", 80, new Sampling(0.8, 0, 1, seed)).text().split("\n", -1);
            for (int i = 0; i < written.length - 1 && out.size() < n; i++) { // the last may be cut off
                if (!written[i].isEmpty()) out.add(written[i]);
            }
        }
        return out;
    }
}
