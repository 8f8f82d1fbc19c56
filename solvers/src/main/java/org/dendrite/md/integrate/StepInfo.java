package org.dendrite.md.integrate;

import java.util.List;

import org.dendrite.md.state.SimulationState;
import org.dendrite.md.thermo.ThermoSnapshot;

/**
 * What an observer sees at a step: the state, the stage, thermodynamic output (computed once per
 * step, on demand) and the stage's extra columns. Valid only during the observer call.
 */
public final class StepInfo {
    private static final double[] NONE = new double[0];
    private final Protocol protocol;
    private final MdContext ctx;
    private Stage stage;
    private boolean stageEnd;
    private boolean resumed;
    private long thermoStep = Long.MIN_VALUE;
    private final ThermoSnapshot thermo = new ThermoSnapshot();
    private double[] extra = NONE;
    private long extraStep = Long.MIN_VALUE;

    StepInfo(Protocol protocol, MdContext ctx) {
        this.protocol = protocol;
        this.ctx = ctx;
    }

    void set(Stage stage, boolean stageEnd, boolean resumed) {
        this.stage = stage;
        this.stageEnd = stageEnd;
        this.resumed = resumed;
        this.thermoStep = Long.MIN_VALUE;
        this.extraStep = Long.MIN_VALUE;
    }

    public SimulationState state() {
        return ctx.state();
    }

    public long step() {
        return ctx.state().step;
    }

    public Stage stage() {
        return stage;
    }

    public int stageIndex() {
        return ctx.state().stageIndex;
    }

    /** Whether this is the last step of the stage. */
    public boolean stageEnd() {
        return stageEnd;
    }

    /** In {@link StepObserver#stageStarted}: whether the stage continues from a checkpoint. */
    public boolean resumed() {
        return resumed;
    }

    /** Thermodynamic output of the current step (temperature over the stage's mobile atoms). */
    public ThermoSnapshot thermo() {
        SimulationState s = ctx.state();
        if (thermoStep != s.step) {
            double coupling = stage instanceof DynamicsStage d ? d.couplingEnergy(ctx) : 0.0;
            thermo.fill(s.step, s.timePs, s.atoms, s.box, ctx.mobile(), s.lastForces, coupling, ctx.halo());
            thermoStep = s.step;
        }
        return thermo;
    }

    /** Names of the stage's extra columns (e.g. strain and stress of a deformation), possibly empty. */
    public List<String> extraColumns() {
        return stage instanceof DynamicsStage d ? d.extraColumns() : List.of();
    }

    /** Values of {@link #extraColumns()} at the current step. */
    public double[] extraValues() {
        if (!(stage instanceof DynamicsStage d) || d.extraColumns().isEmpty()) {
            return NONE;
        }
        if (extraStep != ctx.state().step || extra.length != d.extraColumns().size()) {
            if (extra.length != d.extraColumns().size()) {
                extra = new double[d.extraColumns().size()];
            }
            d.extraValues(ctx, extra);
            extraStep = ctx.state().step;
        }
        return extra;
    }

    /**
     * The state, completed for a checkpoint: the force engine's neighbour-list build reference is
     * captured into it, so that a run restarted from it rebuilds the identical list.
     */
    public SimulationState checkpoint() {
        protocol.captureNeighborReference();
        return ctx.state();
    }
}
