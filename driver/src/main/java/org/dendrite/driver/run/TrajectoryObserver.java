package org.dendrite.driver.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;
import org.dendrite.md.io.ExtXyzWriter;
import org.dendrite.md.io.FrameRotation;
import org.dendrite.md.io.LammpsDumpWriter;
import org.dendrite.md.state.SimulationState;

/**
 * Writes trajectory frames (positions, velocities, forces) every {@code interval} steps and at the
 * first step of the run: extended XYZ ({@code traj.extxyz}, with info {@code step}, {@code time_ps},
 * {@code energy} and {@code virial}) and/or a LAMMPS text dump ({@code traj.lammpstrj}). Frames
 * hold the state given by a {@link StateGather}: on a decomposed run the atoms of every rank in id
 * order, so frames do not depend on the decomposition; ranks other than the writer pass null paths
 * and only take part in the gather.
 */
public final class TrajectoryObserver implements StepObserver, AutoCloseable {
    private final long interval;
    private final ExtXyzWriter xyz;
    private final LammpsDumpWriter dump;
    private final FrameRotation rotation;
    private final Map<String, String> info = new LinkedHashMap<>();
    private long lastStep = Long.MIN_VALUE;
    private long frames;
    private final StateGather gather;

    /**
     * @param extxyz   path of the extended XYZ trajectory, or null
     * @param lammps   path of the LAMMPS dump, or null
     * @param rotation frame of the input structure, so extended XYZ frames are written in it
     */
    public TrajectoryObserver(Path extxyz, Path lammps, FrameRotation rotation, long interval) throws IOException {
        this(extxyz, lammps, rotation, interval, StateGather.SINGLE);
    }

    /** @param gather the whole state at a frame (null on ranks that do not write) */
    public TrajectoryObserver(Path extxyz, Path lammps, FrameRotation rotation, long interval, StateGather gather)
            throws IOException {
        this.interval = interval;
        this.gather = gather;
        this.rotation = rotation;
        this.xyz = extxyz == null ? null : ExtXyzWriter.open(extxyz, false);
        this.dump = lammps == null ? null : LammpsDumpWriter.open(lammps, false, true, true);
    }

    @Override
    public long interval() {
        return interval;
    }

    @Override
    public void stageStarted(StepInfo info) throws IOException {
        if (frames == 0) {
            write(info);
        }
    }

    @Override
    public void observe(StepInfo stepInfo) throws IOException {
        if (stepInfo.step() % interval == 0) {
            write(stepInfo);
        }
    }

    private void write(StepInfo stepInfo) throws IOException {
        if (stepInfo.step() == lastStep) {
            return;
        }
        lastStep = stepInfo.step();
        frames++;
        SimulationState s = gather.gather(stepInfo);
        if (s == null) {
            return;
        }
        if (xyz != null) {
            info.put("step", Long.toString(s.step));
            info.put("time_ps", Double.toString(s.timePs));
            xyz.writeFrame(s.atoms, s.box, rotation, info, s.lastForces.potentialEnergy(), s.lastForces.virial, true, true);
        }
        if (dump != null) {
            dump.writeFrame(s.step, s.atoms, s.box);
        }
    }

    public long frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        if (xyz != null) {
            xyz.close();
        }
        if (dump != null) {
            dump.close();
        }
    }
}
