package org.strata.engine.train.fast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the fast engine's {@link Plan}s and keeps the last few per batch size, one set for training and one for
 * inference: a plan allocates every array it needs, so building one per step would cost what the engine saves.
 */
final class Plans {
    private static final int MAX_CACHED_PLANS = 6;

    private final NetworkLayout layout;
    private final FlatParameters parameters;
    private final Map<Integer, Plan> trainPlans = new LinkedHashMap<>();
    private final Map<Integer, Plan> evalPlans = new LinkedHashMap<>();
    /** The training plan last used, at hand without a lookup (a boxed key per step for batches of 128 and more). */
    private Plan lastTrainPlan;

    Plans(NetworkLayout layout, FlatParameters parameters) {
        this.layout = layout;
        this.parameters = parameters;
    }

    /** @return the training plan (forward, loss, backward) for {@code batch} samples */
    Plan training(int batch) {
        Plan last = lastTrainPlan;
        if (last != null && last.batch == batch) return last;
        lastTrainPlan = plan(trainPlans, batch, true);
        return lastTrainPlan;
    }

    /** @return the inference plan (forward only) for {@code batch} samples */
    Plan inference(int batch) {
        return plan(evalPlans, batch, false);
    }

    private Plan plan(Map<Integer, Plan> cache, int batch, boolean training) {
        Plan p = cache.get(batch);
        if (p == null) {
            if (cache.size() >= MAX_CACHED_PLANS) {
                Plan evicted = cache.remove(cache.keySet().iterator().next());
                if (evicted == lastTrainPlan) lastTrainPlan = null;
            }
            p = Plan.build(layout, parameters, batch, training);
            cache.put(batch, p);
        }
        return p;
    }
}
