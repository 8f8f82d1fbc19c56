package org.dendrite.md.integrate;

import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.state.AtomGroup;
import org.dendrite.md.state.SimulationState;

/**
 * A stage that integrates the equations of motion for {@link #steps()} steps of {@link #dtPs()}.
 * The {@link Protocol} calls, per step and in the order of a LAMMPS Verlet step:
 * {@link #initialIntegrate}, force evaluation, {@link #postForce}, {@link #finalIntegrate},
 * {@link #endOfStep}. At a fresh start it calls {@link #setup} after a force evaluation (LAMMPS
 * {@code Verlet::setup}), then {@link #postForce}; on a resumed stage it calls {@link #setup} with
 * {@code resume = true} and the forces stored in the checkpoint.
 *
 * <p>Every dynamics stage accepts an optional {@code region} (see {@link Region}) restricting its
 * thermostat to the atoms inside it at the stage start, and {@code freeze_outside: true}, which
 * holds the other atoms fixed: zero velocity and force (LAMMPS {@code setforce 0 0 0}) and no
 * integration; they leave the temperature's degrees of freedom.
 */
public abstract class DynamicsStage implements Stage {
    private final String type;
    private final String label;
    private final StageTiming timing;
    private final Region region;
    private final String regionPath;
    private final boolean freezeOutside;

    /** Reads {@code name}, timing, {@code region} and {@code freeze_outside} from {@code p}. */
    protected DynamicsStage(String type, Params p, boolean thermostatted) {
        this(type, p, StageTiming.parse(p), null, thermostatted);
    }

    /**
     * For a thermostatted stage whose length and freezing follow from its own keys (amorphize: the
     * sum of its phases; {@code outside: freeze}): reads {@code name} and {@code region} from {@code p}.
     */
    protected DynamicsStage(String type, Params p, StageTiming timing, boolean freezeOutside) {
        this(type, p, timing, freezeOutside, true);
    }

    private DynamicsStage(String type, Params p, StageTiming timing, Boolean freeze, boolean thermostatted) {
        this.type = type;
        this.label = p.getString("name", type);
        this.timing = timing;
        this.regionPath = p.pathOf("region");
        this.region = p.has("region") ? Region.parse(p.child("region")) : null;
        this.freezeOutside = freeze != null ? freeze : p.getBoolean("freeze_outside", false);
        if (freezeOutside && region == null) {
            throw new ParamException(p.pathOf("freeze_outside"), "needs a region (the atoms to keep mobile)");
        }
        if (region != null && !thermostatted && !freezeOutside) {
            throw new ParamException(p.pathOf("region"), "has no effect on '" + type
                    + "' without a thermostat; set freeze_outside: true to hold the other atoms fixed");
        }
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final long steps() {
        return timing.steps();
    }

    /** Time step, ps. */
    public final double dtPs() {
        return timing.dtPs();
    }

    /** The stage's region, or null. */
    public final Region region() {
        return region;
    }

    /** Whether a region is used for this stage; subclasses that cannot restrict themselves reject it. */
    protected final boolean hasRegion() {
        return region != null;
    }

    /**
     * Selects the groups (from the region at a fresh start, from the checkpoint's ids on resume)
     * and holds frozen atoms still. Called by the protocol before the first force evaluation.
     */
    final void selectGroups(MdContext ctx, boolean resume) {
        SimulationState s = ctx.state();
        int n = ctx.natoms();
        if (region == null) {
            ctx.setGroups(AtomGroup.all(n), AtomGroup.all(n));
            return;
        }
        if (!resume || s.groupIds == null) {
            // A domain sees only its own atoms: the group is the union of every domain's selection.
            int[] local = region.select(s.atoms, s.box);
            s.groupIds = ctx.globalIds(local, local.length);
        }
        AtomGroup inside = AtomGroup.ofIds(s.groupIds, ctx.maxAtomId());
        if (inside.count() == 0) {
            throw new ParamException(regionPath, region + " contains no atoms at step " + s.step);
        }
        ctx.setGroups(freezeOutside ? inside : AtomGroup.all(n), inside);
        ctx.zeroFrozen();
    }

    /** Initialises (fresh) or re-attaches (resume) the stage's variables; forces are current. */
    protected void setup(MdContext ctx, boolean resume) {
    }

    /**
     * First half of the step: half kick, drift, and whatever the ensemble does before forces. The
     * default is velocity Verlet of the mobile atoms (LAMMPS fix nve), which thermostats that act
     * through forces or by rescaling after the step keep.
     */
    protected void initialIntegrate(MdContext ctx) {
        Verlet.halfKick(ctx.atoms(), ctx.mobile(), ctx.massByType(), ctx.dt());
        Verlet.drift(ctx.atoms(), ctx.mobile(), ctx.dt());
    }

    /** After the force evaluation, before the second half kick (e.g. Langevin forces). */
    protected void postForce(MdContext ctx) {
    }

    /** Second half of the step; the default is the velocity-Verlet half kick. */
    protected void finalIntegrate(MdContext ctx) {
        Verlet.halfKick(ctx.atoms(), ctx.mobile(), ctx.massByType(), ctx.dt());
    }

    /** After the step (velocity-rescaling thermostats, box deformation). */
    protected void endOfStep(MdContext ctx) {
    }

    /**
     * Temperature (K) of the thermostatted atoms for a thermostat that rescales velocities after the
     * step (Berendsen, CSVR), or NaN when those atoms have no degrees of freedom. Fails at 0 K, which
     * no rescaling can leave.
     */
    protected static double rescalableTemperature(MdContext ctx, String thermostat) {
        if (ctx.thermostatted().temperatureDof() < 1) {
            return Double.NaN;
        }
        double t = ctx.temperature(ctx.thermostatted());
        if (t == 0.0) {
            throw new SimulationException(ctx.state().step, 0, "temperature of the thermostatted atoms is 0 K; the "
                    + thermostat + " thermostat can only rescale existing velocities (add a velocity stage first)");
        }
        return t;
    }

    /** Whether the virial is needed on every step (barostats). */
    protected boolean needsVirialEveryStep() {
        return false;
    }

    /**
     * Energy the stage's thermostat/barostat has exchanged with the atoms, eV (LAMMPS ecouple), so
     * that pe + ke + couplingEnergy is conserved.
     */
    protected double couplingEnergy(MdContext ctx) {
        return 0;
    }

    /** Names (with units) of extra output columns this stage produces, e.g. strain and stress. */
    public List<String> extraColumns() {
        return List.of();
    }

    /** Values of {@link #extraColumns()} for the current step into {@code out}. */
    public void extraValues(MdContext ctx, double[] out) {
    }

    /** Linear ramp from {@code start} to {@code stop} over the stage (LAMMPS delta = elapsed/total). */
    protected final double ramp(MdContext ctx, double start, double stop) {
        long n = steps();
        double delta = n == 0 ? 0.0 : (double) ctx.state().stageStep / n;
        return start + delta * (stop - start);
    }
}
