package org.dendrite.driver.run;

import java.io.IOException;

import org.dendrite.md.analysis.Analysis;
import org.dendrite.md.analysis.AnalysisSettings;
import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;
import org.dendrite.md.state.SimulationState;

/**
 * Feeds one {@link Analysis} with the whole system every {@code every_steps} steps and at the start
 * and the end of each stage it samples in. On several domains every rank has one of these (the gather is
 * collective) and only rank 0 holds the analysis; the others pass null and only take part in the
 * gather.
 */
final class AnalysisObserver implements StepObserver {
    private final AnalysisSettings settings;
    private final Analysis analysis;
    private final StateGather gather;
    private long lastStep = Long.MIN_VALUE;
    private int lastStage = -1;

    AnalysisObserver(AnalysisSettings settings, Analysis analysis, StateGather gather) {
        this.settings = settings;
        this.analysis = analysis;
        this.gather = gather;
    }

    @Override
    public long interval() {
        return settings.everySteps();
    }

    @Override
    public void stageStarted(StepInfo info) throws IOException {
        sample(info);
    }

    @Override
    public void observe(StepInfo info) throws IOException {
        // Every every_steps steps, and at the last step of each stage, so that a stage's final
        // state is always sampled.
        if (info.step() % settings.everySteps() == 0 || info.stageEnd()) {
            sample(info);
        }
    }

    private void sample(StepInfo info) throws IOException {
        // A step is sampled once per stage: the last step of a stage is also the first of the next,
        // and a stage's own time origin (an MSD window) must be a sample of that stage.
        if ((info.step() == lastStep && info.stageIndex() == lastStage) || !settings.samplesIn(info.stageIndex())) {
            return;
        }
        lastStep = info.step();
        lastStage = info.stageIndex();
        SimulationState whole = gather.gather(info);
        if (whole != null && analysis != null) {
            analysis.sample(whole, info.stageIndex());
        }
    }
}
