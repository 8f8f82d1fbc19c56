package org.dendrite.md.integrate;

import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.state.SimulationState;
import org.dendrite.md.thermo.Thermo;

/**
 * Uniaxial tension (or compression) at a constant engineering strain rate: the tensile test of
 * seed 000, LAMMPS {@code fix deform 1 x erate R remap x} together with {@code fix npt temp T T
 * Tdamp y P P Pdamp z P P Pdamp}. The cell length along {@code axis} follows
 * L(t) = L₀ (1 + ε̇ t), symmetric about the cell centre, applied at the end of each step with atoms
 * carried along in fractional coordinates (fix deform end_of_step, remap x); the lateral axes are
 * held at {@code lateral_pressure_bar} by the MTK barostat and all atoms by a Nosé–Hoover chain.
 *
 * <p>Keys: axis (x|y|z), strain_rate_per_ps (ε̇, 1/ps; the papers' 0.0005/fs is 0.5), temperature
 * (as nvt), tdamp_ps, tchain, tloop, lateral_pressure_bar (0), pdamp_ps (1.0), pchain, ploop,
 * couple (aniso: each lateral axis on its own, as LAMMPS y/z keywords; iso: their mean),
 * lateral_barostat (true; false keeps the lateral lengths fixed), mtk, steps|duration_ps,
 * timestep_fs.
 *
 * <p>Records the engineering strain ε = (L − L₀)/L₀ and the stress along the axis, σ = −P_aa
 * (bar, tension positive; the kinetic part included as in LAMMPS' pxx), as the extra columns
 * {@code strain} and {@code stress_bar}.
 */
public final class DeformStage extends NoseHooverStage {
    private final int axis;
    private final double strainRate;
    private final boolean lateralBarostat;
    private final double[] ke = new double[6];
    private final double[] press = new double[6];
    private final double[] lo = new double[3];
    private final double[] len = new double[3];

    public DeformStage(Params p) {
        super("deform", p);
        if (hasRegion()) {
            throw new ParamException(p.pathOf("region"), "is not supported by deform (the whole cell is strained)");
        }
        this.axis = Region.axisIndex(p, "axis");
        this.strainRate = p.requireDouble("strain_rate_per_ps");
        if (strainRate == 0) {
            throw new ParamException(p.pathOf("strain_rate_per_ps"), "must be non-zero");
        }
        NoseHooverIntegrator.Thermostat t = NoseHooverIntegrator.Thermostat.parse(p);
        this.lateralBarostat = p.getBoolean("lateral_barostat", true);
        boolean[] lateral = {true, true, true};
        lateral[axis] = false;
        NoseHooverIntegrator.Barostat b = null;
        if (lateralBarostat) {
            b = NptStage.parseBarostat(p, lateral, "lateral_pressure", "aniso");
        }
        use(new NoseHooverIntegrator(t, b));
        p.finish();
    }

    /** Pulling axis, 0..2. */
    public int axis() {
        return axis;
    }

    @Override
    protected void setup(MdContext ctx, boolean resume) {
        SimulationState s = ctx.state();
        if (!resume || s.deformReferenceBox == null) {
            s.deformReferenceBox = s.box.copy();
            s.deformOriginStep = s.step;
        }
        if (!s.box.periodic(axis)) {
            throw new IllegalArgumentException("stage '" + label() + "': deformation along the non-periodic axis "
                    + "xyz".charAt(axis) + " is not supported");
        }
        super.setup(ctx, resume);
    }

    /** Sets the cell length along the axis for the current step and remaps atoms (fix deform). */
    @Override
    protected void endOfStep(MdContext ctx) {
        SimulationState s = ctx.state();
        Box ref = s.deformReferenceBox;
        Box box = s.box;
        double l0 = length(ref, axis);
        double lo0 = lo(ref, axis);
        double elapsed = (s.step - s.deformOriginStep) * ctx.dt();
        double shift = 0.5 * strainRate * elapsed * l0;
        double newLo = lo0 - shift;
        double newHi = lo0 + l0 + shift;
        if (!(newHi > newLo)) {
            throw new SimulationException(s.step, 0, "deformation collapsed the cell along " + "xyz".charAt(axis));
        }
        lo[0] = box.xlo();
        lo[1] = box.ylo();
        lo[2] = box.zlo();
        len[0] = box.lx();
        len[1] = box.ly();
        len[2] = box.lz();
        lo[axis] = newLo;
        len[axis] = newHi - newLo;
        Atoms a = ctx.atoms();
        box.reshape(a.x, a.nlocal, lo[0], lo[1], lo[2], len[0], len[1], len[2], box.xy(), box.xz(), box.yz());
    }

    private static double length(Box b, int k) {
        return k == 0 ? b.lx() : k == 1 ? b.ly() : b.lz();
    }

    private static double lo(Box b, int k) {
        return k == 0 ? b.xlo() : k == 1 ? b.ylo() : b.zlo();
    }

    @Override
    protected boolean needsVirialEveryStep() {
        return lateralBarostat;
    }

    @Override
    public List<String> extraColumns() {
        return List.of("strain", "stress_bar");
    }

    /** Engineering strain along the axis and σ = −P_aa, bar. */
    @Override
    public void extraValues(MdContext ctx, double[] out) {
        SimulationState s = ctx.state();
        double l0 = length(s.deformReferenceBox, axis);
        out[0] = (length(s.box, axis) - l0) / l0;
        ctx.kineticTensor(ctx.mobile(), ke);
        Thermo.pressureTensor(ke, ctx.forces().virial, s.box.volume(), press);
        out[1] = -press[axis];
    }
}
