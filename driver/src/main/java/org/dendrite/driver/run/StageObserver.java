package org.dendrite.driver.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.md.integrate.DynamicsStage;
import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;

/**
 * Bookkeeping of the protocol as it runs: wall time and step range of every stage (for run.json),
 * the progress line on stderr, and the final restart file after the last stage.
 */
public final class StageObserver implements StepObserver {
    private final long interval;
    private final ProgressReporter progress;
    private final RestartObserver restart;
    private final int stageCount;
    private final List<Map<String, Object>> records = new ArrayList<>();
    private Map<String, Object> current;
    private long stageStartNanos;

    /**
     * @param interval   steps between progress checks (each check is cheap; printing is throttled by time)
     * @param progress   progress line on stderr; null on ranks that do not report
     * @param restart    writes the final restart after the last stage; may be null
     * @param stageCount number of stages of the protocol
     */
    public StageObserver(long interval, ProgressReporter progress, RestartObserver restart, int stageCount) {
        this.interval = interval;
        this.progress = progress;
        this.restart = restart;
        this.stageCount = stageCount;
    }

    @Override
    public long interval() {
        return interval;
    }

    @Override
    public void stageStarted(StepInfo info) {
        stageStartNanos = System.nanoTime();
        current = new LinkedHashMap<>();
        current.put("index", info.stageIndex());
        current.put("type", info.stage().type());
        current.put("label", info.stage().label());
        current.put("steps", info.stage().steps());
        current.put("resumed", info.resumed());
        current.put("first_step", info.step());
    }

    @Override
    public void observe(StepInfo info) {
        double dt = info.stage() instanceof DynamicsStage d ? d.dtPs() : 0.0;
        if (progress != null) {
            progress.update(info.stage().label(), info.step(), dt);
        }
    }

    @Override
    public void stageFinished(StepInfo info) throws IOException {
        if (current != null) {
            current.put("last_step", info.step());
            current.put("wall_s", (System.nanoTime() - stageStartNanos) * 1e-9);
            records.add(current);
            current = null;
        }
        if (restart != null && info.stageIndex() == stageCount - 1) {
            restart.writeFinal(info);
        }
    }

    /** One record per stage run so far: index, type, label, steps, first/last step, wall time. */
    public List<Map<String, Object>> records() {
        return records;
    }
}
