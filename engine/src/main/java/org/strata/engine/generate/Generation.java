package org.strata.engine.generate;

import java.util.List;

/**
 * A prompt continued by a language model: the text written and, for every token, what the model offered and what
 * was chosen (the generation panel draws the bars from it).
 *
 * @param prompt the prompt as given
 * @param text   the generated text, after the prompt
 * @param whole  the prompt followed by the generated text, joined as the tokenizer joins tokens (a space between
 *               words for a tokenizer that drops spaces)
 * @param steps  one per generated token, in order
 */
public record Generation(String prompt, String text, String whole, List<Step> steps) {
    /** How many of the most probable tokens a step keeps for the panel's bars. */
    public static final int TOP = 10;

    public Generation {
        steps = List.copyOf(steps);
    }

    /** @return the token numbers generated, in order */
    public int[] tokens() {
        return steps.stream().mapToInt(Step::token).toArray();
    }

    /**
     * One generated token.
     *
     * @param token       the chosen token's number
     * @param text        the chosen token's text
     * @param probability the model's probability of the chosen token
     * @param chance      its probability once the temperature, top-k and top-p were applied: what it was drawn with
     * @param top         the model's {@value #TOP} most probable tokens before the choice, most probable first
     */
    public record Step(int token, String text, double probability, double chance, List<Candidate> top) {
        public Step {
            top = List.copyOf(top);
        }
    }

    /**
     * A token the model offered.
     *
     * @param token       its number
     * @param text        its text
     * @param probability the model's probability of it
     * @param chance      its probability once the temperature, top-k and top-p were applied
     */
    public record Candidate(int token, String text, double probability, double chance) {
    }
}
