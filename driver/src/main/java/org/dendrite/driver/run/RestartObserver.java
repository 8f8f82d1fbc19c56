package org.dendrite.driver.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;
import org.dendrite.md.state.RestartFile;
import org.dendrite.md.state.SimulationState;

/**
 * Writes restart files {@code restart/step-<N>.restart} every {@code interval} steps (0: none
 * during the run) and once more when the run ends ({@link #writeFinal}); {@code latest.restart} is
 * always a copy of the newest. Both are written to a temporary name and renamed, so a crash never
 * leaves half a restart file under a real name. The state comes from a {@link StateGather}: on a
 * decomposed run the whole system in atom-id order, so any decomposition (or one domain) can
 * continue it; ranks other than the writer have a null directory and only take part in the gather.
 */
public final class RestartObserver implements StepObserver {
    private final Path dir;
    private final long interval;
    private long lastStep = Long.MIN_VALUE;
    private Path latest;
    private final StateGather gather;

    public RestartObserver(Path dir, long interval) throws IOException {
        this(dir, interval, StateGather.SINGLE_CHECKPOINT);
    }

    /** @param dir restart directory, or null on a rank that only takes part in the gather */
    public RestartObserver(Path dir, long interval, StateGather gather) throws IOException {
        this.dir = dir;
        this.interval = interval;
        this.gather = gather;
        if (dir != null) {
            Files.createDirectories(dir);
        }
    }

    @Override
    public long interval() {
        return interval;
    }

    @Override
    public void observe(StepInfo info) throws IOException {
        if (interval > 0 && info.step() % interval == 0) {
            write(info);
        }
    }

    /** Writes the state at the end of the protocol (called by the stage observer after the last stage). */
    public void writeFinal(StepInfo info) throws IOException {
        write(info);
    }

    private void write(StepInfo info) throws IOException {
        if (info.step() == lastStep) {
            return;
        }
        SimulationState s = gather.gather(info);
        lastStep = info.step();
        if (s == null || dir == null) {
            return;
        }
        Path file = dir.resolve("step-" + s.step + ".restart");
        RestartFile.write(s, file);
        Path tmp = dir.resolve("latest.restart.tmp");
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        Path target = dir.resolve("latest.restart");
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        latest = file;
    }

    /** The newest restart file written, or null. */
    public Path latest() {
        return latest;
    }
}
