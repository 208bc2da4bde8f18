package org.strata.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strata.app.i18n.Messages;
import org.strata.app.scale.ScaleModel.Dimension;
import org.strata.engine.analysis.TransformerSize;

/** The Scale tab's logic without a window: sliders, presets, memory against this machine's, the texts. */
class ScaleModelTest {
    private static final long GB = 1L << 30;

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void back() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static ScaleTexts.Line line(ScaleModel m, String id) {
        return ScaleTexts.of(m).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void the_gpt2_small_preset_counts_124439808_parameters_a_large_model() {
        ScaleModel m = new ScaleModel(16 * GB, 8, "adam", new TransformerSize(2, 64, 4, 32, 100));
        m.preset(TransformerSize.GPT2_SMALL);
        assertThat(m.estimate().parameters()).isEqualTo(124_439_808L);
        assertThat(m.value(Dimension.HEADS).get()).isEqualTo(12);
        var params = line(m, "parameters");
        assertThat(params.text()).isEqualTo("124,439,808 parameters: a large model (more than 100,000,000 parameters)");
        assertThat(params.mark()).isEqualTo(ScaleTexts.Mark.LARGE);
        m.preset(TransformerSize.GPT2_MEDIUM);
        assertThat(m.estimate().parameters()).isEqualTo(354_823_168L);
    }

    @Test
    void moving_a_slider_changes_the_parameters_and_the_memory_and_moves_the_version_on() {
        ScaleModel m = new ScaleModel(16 * GB, 8, "adam", TransformerSize.GPT2_SMALL);
        long version = m.versionProperty().get();
        long trainBefore = m.estimate().toTrain().total();
        m.set(Dimension.LAYERS, 13);
        // one block more: 7,087,872 parameters (LargeSamplesTest's block(768))
        assertThat(m.estimate().parameters()).isEqualTo(124_439_808L + 7_087_872L);
        assertThat(m.estimate().toTrain().total()).isGreaterThan(trainBefore);
        assertThat(m.versionProperty().get()).isGreaterThan(version);
        assertThat(line(m, "parameters").text()).startsWith("131,527,680 parameters");
        // the curve is across the slider moved: layers 1 to 48, memory growing with them
        assertThat(m.movedProperty().get()).isEqualTo(Dimension.LAYERS);
        List<ScaleModel.Point> curve = m.curve();
        assertThat(curve.get(0).value()).isEqualTo(1);
        assertThat(curve.get(curve.size() - 1).value()).isEqualTo(48);
        assertThat(curve.get(curve.size() - 1).bytes()).isGreaterThan(curve.get(0).bytes());
        assertThat(curve).extracting(ScaleModel.Point::value).as("the sliders' own network among them").contains(13);
    }

    @Test
    void the_machine_memory_mark_flips_when_training_no_longer_fits() {
        ScaleModel m = new ScaleModel(2 * GB, 8, "adam", new TransformerSize(2, 128, 4, 64, 1000));
        assertThat(m.trainFits()).isTrue();
        assertThat(line(m, "memory-train").mark()).isEqualTo(ScaleTexts.Mark.FITS);
        assertThat(line(m, "memory-train").text()).endsWith("✔ fits in this machine's memory");
        m.preset(TransformerSize.GPT2_SMALL); // weights, gradients and Adam alone are 1.9 GB, the outputs more
        assertThat(m.trainFits()).isFalse();
        assertThat(line(m, "memory-train").mark()).isEqualTo(ScaleTexts.Mark.TOO_LARGE);
        assertThat(line(m, "memory-train").text()).endsWith("✖ more than this machine's memory");
        assertThat(m.runFits()).as("running one sample of it still fits in 2 GB").isTrue();
        assertThat(line(m, "machine-memory").text()).isEqualTo("This machine's memory: 2.0 GB (its physical memory, "
                + "as the operating system reports it)");
        // across the widths of a shorter context and vocabulary, the narrow ones fit and the wide ones do not
        m.preset(new TransformerSize(12, 768, 12, 256, 1000));
        m.set(Dimension.WIDTH, 768);
        assertThat(m.curve().get(0).fits()).as("width 64").isTrue();
        assertThat(m.curve().get(m.curve().size() - 1).fits()).as("width 2,048").isFalse();
    }

    @Test
    void heads_are_the_most_that_divide_the_width_and_come_back_when_the_width_allows() {
        ScaleModel m = new ScaleModel(16 * GB, 8, "adam", TransformerSize.GPT2_SMALL);
        m.set(Dimension.WIDTH, 832); // 64 × 13: 12 heads do not divide it, 8 do
        assertThat(m.value(Dimension.HEADS).get()).isEqualTo(8);
        m.set(Dimension.WIDTH, 768);
        assertThat(m.value(Dimension.HEADS).get()).as("the 12 asked for").isEqualTo(12);
        m.set(Dimension.WIDTH, 777); // off the step: to the nearest multiple of 64
        assertThat(m.value(Dimension.WIDTH).get()).isEqualTo(768);
        m.set(Dimension.LAYERS, 500);
        assertThat(m.value(Dimension.LAYERS).get()).isEqualTo(Dimension.LAYERS.max);
    }

    @Test
    void the_time_here_waits_for_the_measured_speed_then_follows_it_and_the_gpu_time_is_said_to_be_assumed() {
        ScaleModel m = new ScaleModel(16 * GB, 8, "adam", TransformerSize.GPT2_SMALL);
        assertThat(line(m, "time-here").text()).contains("measuring");
        assertThat(line(m, "tokens").text()).startsWith("Training on 2,488,796,160 tokens (20 per parameter");
        assertThat(line(m, "time-gpu").text()).startsWith("Estimated time to train on one GPU: 1.5 h (an assumption");
        // 2,488,796,160 tokens × 854,784,000 FLOPs at 10¹⁰ FLOP/s: 2.1 × 10⁸ s, 6.7 years
        m.speedMeasured(OptionalDouble.of(1e10));
        assertThat(m.secondsHere()).isCloseTo(2_488_796_160.0 * 854_784_000 / 1e10, org.assertj.core.data.Offset
                .offset(1e3));
        assertThat(line(m, "time-here").text()).startsWith("Estimated time to train on them here: 6.7 years (at "
                + "10.0 GFLOP/s, this machine's speed measured once on a transformer of 2 blocks, 256 wide)");
        ScaleModel failed = new ScaleModel(16 * GB, 8, "adam", TransformerSize.GPT2_SMALL);
        failed.speedMeasured(OptionalDouble.empty());
        assertThat(line(failed, "time-here").text()).contains("could not be measured");
    }

    @Test
    void a_new_batch_size_of_the_project_changes_the_training_memory() {
        ScaleModel m = new ScaleModel(16 * GB, 8, "adam", TransformerSize.GPT2_SMALL);
        long at8 = m.estimate().toTrain().total();
        m.setTraining(16, "adam");
        assertThat(m.estimate().toTrain().total()).isGreaterThan(at8);
        assertThat(line(m, "memory-train").text()).startsWith("Memory to train a batch of 16 with adam");
    }

    @Test
    void the_texts_are_in_the_window_s_language() {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        ScaleModel m = new ScaleModel(2 * GB, 8, "adam", TransformerSize.GPT2_SMALL);
        assertThat(line(m, "parameters").text()).isEqualTo("124,439,808 个参数：一个大模型（超过 100,000,000 个参数）");
        assertThat(line(m, "memory-train").text()).endsWith("✖ 超过这台机器的内存");
        assertThat(ScaleTexts.curveTitle(m)).isEqualTo("训练一个大小为 8 的批次所需内存，随层数（块）变化");
        // the durations' units too: GPT-2 small on the assumed GPU
        assertThat(line(m, "time-gpu").text()).startsWith("在一块 GPU 上训练的估计时间：1.5 小时（");
        m.speedMeasured(OptionalDouble.of(1e10));
        assertThat(line(m, "time-here").text()).startsWith("在这里用它们训练的估计时间：6.7 年（");
    }
}
