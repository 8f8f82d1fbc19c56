package org.dendrite.md.integrate;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Units;
import org.dendrite.md.state.AtomGroup;
import org.dendrite.md.state.SimulationState;
import org.dendrite.md.thermo.Thermo;

/**
 * Nosé–Hoover chain thermostat and Martyna–Tobias–Klein barostat with the time-reversible
 * Trotter factorisation of LAMMPS {@code fix nvt/npt} (fix_nh): the equations of motion of
 * Martyna, Klein and Tuckerman, J. Chem. Phys. 97, 2635 (1992) (chains) and Martyna, Tobias and
 * Klein, J. Chem. Phys. 101, 4177 (1994) (MTK barostat, the "mtk" correction terms), integrated as
 * in Martyna, Tuckerman, Tobias and Klein, Mol. Phys. 87, 1117 (1996) and Tuckerman et al.,
 * J. Phys. A 39, 5629 (2006); the LAMMPS implementation follows Shinoda, Shiga and Mikami,
 * Phys. Rev. B 69, 134103 (2004).
 *
 * <p>Per step: [barostat-chain half step] → [thermostat-chain half step: v ← v·exp(−η̇₁ dt/2)] →
 * [ω̇ half step from (P − P_target)V/W + mtk term] → [v ← v·exp(−(ω̇ + tr ω̇/N_f) dt/2) in two
 * quarters] → half kick → [box h ← h·exp(ω̇ dt/2)] → drift → [box half step] ; forces ; half kick →
 * [v scaling] → [ω̇ half step] → [thermostat-chain half step] → [barostat-chain half step].
 * Chain masses Q₁ = N_f k_B T/ω_T², Q_k = k_B T/ω_T² (ω_T = 1/Tdamp); barostat masses
 * W = (N + 1) k_B T/ω_P² (ω_P = 1/Pdamp); barostat-chain masses k_B T/ω_P,max². Only diagonal
 * cell components are barostatted (iso, aniso, or a subset of x, y, z); tilt factors are scaled
 * with their cell lengths (LAMMPS scalexy/scalexz/scaleyz). With equal targets on every
 * barostatted axis LAMMPS' deviatoric term is zero for these cells, so it is omitted.
 *
 * <p>All variables that survive from one step to the next live in the {@link SimulationState}
 * (names {@code nh.*}), so a checkpoint continues bit for bit.
 */
final class NoseHooverIntegrator {
    /** Thermostat settings (fix nvt temp Tstart Tstop Tdamp tchain tloop). */
    record Thermostat(TemperatureRamp temperature, double tdampPs, int tchain, int tloop) {
        static Thermostat parse(Params p) {
            TemperatureRamp t = TemperatureRamp.parse(p, false);
            double tdamp = p.getPositive("tdamp_ps", 0.1);
            int tchain = p.getInt("tchain", 3);
            if (tchain < 1) {
                throw new ParamException(p.pathOf("tchain"), "must be >= 1, got " + tchain);
            }
            int tloop = p.getInt("tloop", 1);
            if (tloop < 1) {
                throw new ParamException(p.pathOf("tloop"), "must be >= 1, got " + tloop);
            }
            return new Thermostat(t, tdamp, tchain, tloop);
        }
    }

    /**
     * Barostat settings: which axes, target pressure ramp, Pdamp, chain, coupling. {@code coupled}
     * averages the pressure over the barostatted axes (LAMMPS iso, or couple xy/yz/xz); with all
     * three axes coupled the scalar pressure is used (pstyle ISO).
     */
    record Barostat(boolean[] axes, double pStartBar, double pStopBar, double pdampPs, int pchain, int ploop,
                    boolean coupled, boolean mtk) {
        int dims() {
            int n = 0;
            for (boolean a : axes) {
                n += a ? 1 : 0;
            }
            return n;
        }
    }

    private final Thermostat tstat;
    private final Barostat pstat;
    private final int mtchain;
    private final int mpchain;
    private final double tFreq;
    private final double[] pFreq = new double[3];
    private double pFreqMax;
    private final boolean iso;
    private final int pdim;

    // Variables carried across steps (views of arrays stored in the SimulationState).
    private double[] eta, etaDot, etaDotDot, etaMass, tCurrent;
    private double[] omega, omegaDot, omegaMass;
    private double[] etap, etapDot, etapDotDot, etapMass;
    private double[] boxRef;

    // Values recomputed every step.
    private double tdof;
    private double tTarget;
    private double keTarget;
    private double pHydro;
    private final double[] pCurrent = new double[3];
    private final double[] keTensor = new double[6];
    private final double[] pTensor = new double[6];
    private double mtkTerm2;
    private boolean scaleXy, scaleXz, scaleYz;
    private double dt, dthalf, dt4, dt8;
    private final double[] lo = new double[3];
    private final double[] hi = new double[3];

    NoseHooverIntegrator(Thermostat tstat, Barostat pstat) {
        this.tstat = tstat;
        this.pstat = pstat;
        this.mtchain = tstat.tchain();
        this.mpchain = pstat == null ? 0 : pstat.pchain();
        this.tFreq = 1.0 / tstat.tdampPs();
        if (pstat != null) {
            for (int i = 0; i < 3; i++) {
                if (pstat.axes()[i]) {
                    pFreq[i] = 1.0 / pstat.pdampPs();
                    pFreqMax = Math.max(pFreqMax, pFreq[i]);
                }
            }
            this.pdim = pstat.dims();
            this.iso = pstat.coupled() && pdim == 3;
        } else {
            this.pdim = 0;
            this.iso = false;
        }
    }

    boolean barostatted() {
        return pstat != null;
    }

    /** Target temperature at the current stage step, K. */
    double targetTemperature() {
        return tTarget;
    }

    void setup(MdContext ctx, DynamicsStage stage, boolean resume) {
        SimulationState s = ctx.state();
        eta = s.var("nh.eta", mtchain);
        etaDot = s.var("nh.eta_dot", mtchain + 1);
        etaDotDot = s.var("nh.eta_dotdot", mtchain);
        etaMass = s.var("nh.eta_mass", mtchain);
        tCurrent = s.var("nh.t_current", 1);
        if (pstat != null) {
            omega = s.var("nh.omega", 3);
            omegaDot = s.var("nh.omega_dot", 3);
            omegaMass = s.var("nh.omega_mass", 3);
            etap = s.var("nh.etap", Math.max(mpchain, 1));
            etapDot = s.var("nh.etap_dot", mpchain + 1);
            etapDotDot = s.var("nh.etap_dotdot", Math.max(mpchain, 1));
            etapMass = s.var("nh.etap_mass", Math.max(mpchain, 1));
            boxRef = s.var("nh.box_ref", 4);
            Box box = s.box;
            for (int i = 0; i < 3; i++) {
                if (pstat.axes()[i] && !box.periodic(i)) {
                    throw new IllegalArgumentException("stage '" + stage.label() + "': cannot barostat the"
                            + " non-periodic axis " + "xyz".charAt(i) + " (LAMMPS: fix npt on a non-periodic dimension)");
                }
            }
            // LAMMPS turns on tilt scaling whenever the tilt is non-zero at the start (fix_nh.cpp).
            scaleXy = box.periodic(1) && box.xy() != 0;
            scaleXz = box.periodic(2) && box.xz() != 0;
            scaleYz = box.periodic(2) && box.yz() != 0;
        }
        dt = ctx.dt();
        dthalf = 0.5 * dt;
        dt4 = 0.25 * dt;
        dt8 = 0.125 * dt;
        tdof = ctx.thermostatted().temperatureDof();
        double kB = Units.BOLTZMANN_EV_PER_K;
        // t_target persists between steps in LAMMPS (the barostat chain uses last step's value).
        tTarget = stage.ramp(ctx, tstat.temperature().startK(), tstat.temperature().stopK());
        keTarget = tdof * kB * tTarget;
        if (pstat != null) {
            pHydro = pressureTarget(ctx, stage);
        }
        if (resume) {
            return;
        }
        tCurrent[0] = ctx.temperature(ctx.thermostatted());
        etaMass[0] = tdof * kB * tTarget / (tFreq * tFreq);
        for (int ich = 1; ich < mtchain; ich++) {
            etaMass[ich] = kB * tTarget / (tFreq * tFreq);
        }
        for (int ich = 1; ich < mtchain; ich++) {
            etaDotDot[ich] = (etaMass[ich - 1] * etaDot[ich - 1] * etaDot[ich - 1] - kB * tTarget) / etaMass[ich];
        }
        if (pstat != null) {
            Box box = s.box;
            boxRef[0] = box.xlo() + 0.5 * box.lx();
            boxRef[1] = box.ylo() + 0.5 * box.ly();
            boxRef[2] = box.zlo() + 0.5 * box.lz();
            boxRef[3] = box.volume();
            double nkt = (ctx.natoms() + 1) * kB * tTarget;
            for (int i = 0; i < 3; i++) {
                if (pstat.axes()[i]) {
                    omegaMass[i] = nkt / (pFreq[i] * pFreq[i]);
                }
            }
            if (mpchain > 0) {
                for (int ich = 0; ich < mpchain; ich++) {
                    etapMass[ich] = kB * tTarget / (pFreqMax * pFreqMax);
                }
                for (int ich = 1; ich < mpchain; ich++) {
                    etapDotDot[ich] = (etapMass[ich - 1] * etapDot[ich - 1] * etapDot[ich - 1] - kB * tTarget)
                            / etapMass[ich];
                }
            }
        }
    }

    void initialIntegrate(MdContext ctx, DynamicsStage stage) {
        if (pstat != null && mpchain > 0) {
            nhcPressIntegrate();
        }
        tTarget = stage.ramp(ctx, tstat.temperature().startK(), tstat.temperature().stopK());
        keTarget = tdof * Units.BOLTZMANN_EV_PER_K * tTarget;
        nhcTempIntegrate(ctx);
        if (pstat != null) {
            currentPressure(ctx, false);
            pHydro = pressureTarget(ctx, stage);
            nhOmegaDot(ctx);
            nhVPress(ctx);
        }
        Verlet.halfKick(ctx.atoms(), ctx.mobile(), ctx.massByType(), dt);
        if (pstat != null) {
            remap(ctx);
        }
        Verlet.drift(ctx.atoms(), ctx.mobile(), dt);
        if (pstat != null) {
            remap(ctx);
        }
    }

    void finalIntegrate(MdContext ctx) {
        Verlet.halfKick(ctx.atoms(), ctx.mobile(), ctx.massByType(), dt);
        if (pstat != null) {
            nhVPress(ctx);
        }
        tCurrent[0] = ctx.temperature(ctx.thermostatted());
        if (pstat != null) {
            currentPressure(ctx, true);
            nhOmegaDot(ctx);
        }
        nhcTempIntegrate(ctx);
        if (pstat != null && mpchain > 0) {
            nhcPressIntegrate();
        }
    }

    /** Target pressure at the current stage step, bar (LAMMPS compute_press_target; equal on all axes). */
    private double pressureTarget(MdContext ctx, DynamicsStage stage) {
        return stage.ramp(ctx, pstat.pStartBar(), pstat.pStopBar());
    }

    /**
     * Current pressure on the barostatted axes, bar (LAMMPS couple()). ISO: the scalar pressure with
     * the kinetic part from a fresh temperature; otherwise the diagonal of the tensor, averaged over
     * the axes when they are coupled. {@code afterKick} marks the call in final_integrate, where
     * the fresh temperature is also t_current.
     */
    private void currentPressure(MdContext ctx, boolean afterKick) {
        double volume = ctx.box().volume();
        double[] w = ctx.forces().virial;
        // The barostatted stages thermostat every atom, so this is LAMMPS' "all" temperature compute.
        AtomGroup all = ctx.thermostatted();
        if (iso) {
            double t = afterKick ? tCurrent[0] : ctx.temperature(all);
            double p = Thermo.pressure(tdof * Units.BOLTZMANN_EV_PER_K * t, w, volume);
            pCurrent[0] = pCurrent[1] = pCurrent[2] = p;
            return;
        }
        ctx.kineticTensor(all, keTensor);
        Thermo.pressureTensor(keTensor, w, volume, pTensor);
        if (pstat.coupled()) {
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                if (pstat.axes()[i]) {
                    sum += pTensor[i];
                }
            }
            double ave = sum / pdim;
            for (int i = 0; i < 3; i++) {
                pCurrent[i] = pstat.axes()[i] ? ave : pTensor[i];
            }
        } else {
            System.arraycopy(pTensor, 0, pCurrent, 0, 3);
        }
    }

    /** Half-step update of the barostat velocities ω̇ (LAMMPS nh_omega_dot). */
    private void nhOmegaDot(MdContext ctx) {
        double volume = ctx.box().volume();
        int natoms = ctx.natoms();
        double mtkTerm1 = 0;
        if (pstat.mtk()) {
            if (iso) {
                mtkTerm1 = tdof * Units.BOLTZMANN_EV_PER_K * tCurrent[0];
            } else {
                for (int i = 0; i < 3; i++) {
                    if (pstat.axes()[i]) {
                        mtkTerm1 += keTensor[i];
                    }
                }
            }
            mtkTerm1 /= pdim * natoms;
        }
        for (int i = 0; i < 3; i++) {
            if (pstat.axes()[i]) {
                double fOmega = (pCurrent[i] - pHydro) * volume / (omegaMass[i] * Units.EV_PER_A3_TO_BAR)
                        + mtkTerm1 / omegaMass[i];
                omegaDot[i] += fOmega * dthalf;
            }
        }
        mtkTerm2 = 0;
        if (pstat.mtk()) {
            for (int i = 0; i < 3; i++) {
                if (pstat.axes()[i]) {
                    mtkTerm2 += omegaDot[i];
                }
            }
            mtkTerm2 /= pdim * natoms;
        }
    }

    /** Barostat scaling of velocities in two quarter steps (LAMMPS nh_v_press). */
    private void nhVPress(MdContext ctx) {
        double f0 = Math.exp(-dt4 * (omegaDot[0] + mtkTerm2));
        double f1 = Math.exp(-dt4 * (omegaDot[1] + mtkTerm2));
        double f2 = Math.exp(-dt4 * (omegaDot[2] + mtkTerm2));
        Atoms a = ctx.atoms();
        boolean[] mask = ctx.mobile().mask();
        double[] v = a.v;
        int[] id = a.id;
        for (int i = 0; i < a.nlocal; i++) {
            if (mask != null && !mask[id[i]]) {
                continue;
            }
            v[3 * i] *= f0;
            v[3 * i + 1] *= f1;
            v[3 * i + 2] *= f2;
            v[3 * i] *= f0;
            v[3 * i + 1] *= f1;
            v[3 * i + 2] *= f2;
        }
    }

    /**
     * Half-step box update h ← h·exp(ω̇ dt/2) about the fixed point (the cell centre at the stage
     * start), with atoms carried along in fractional coordinates (LAMMPS remap, dilate all).
     */
    private void remap(MdContext ctx) {
        Box box = ctx.box();
        Atoms a = ctx.atoms();
        for (int i = 0; i < 3; i++) {
            omega[i] += dthalf * omegaDot[i];
        }
        lo[0] = box.xlo();
        lo[1] = box.ylo();
        lo[2] = box.zlo();
        hi[0] = box.xhi();
        hi[1] = box.yhi();
        hi[2] = box.zhi();
        double xy = box.xy(), xz = box.xz(), yz = box.yz();
        for (int d = 0; d < 3; d++) {
            if (!pstat.axes()[d]) {
                continue;
            }
            double expfac = Math.exp(dthalf * omegaDot[d]);
            lo[d] = (lo[d] - boxRef[d]) * expfac + boxRef[d];
            hi[d] = (hi[d] - boxRef[d]) * expfac + boxRef[d];
            if (d == 1 && scaleXy) {
                xy *= expfac;
            }
            if (d == 2) {
                if (scaleXz) {
                    xz *= expfac;
                }
                if (scaleYz) {
                    yz *= expfac;
                }
            }
        }
        box.reshape(a.x, a.nlocal, lo[0], lo[1], lo[2], hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], xy, xz, yz);
    }

    /** Half-step update of the thermostat chain and scaling of velocities (LAMMPS nhc_temp_integrate). */
    private void nhcTempIntegrate(MdContext ctx) {
        double kB = Units.BOLTZMANN_EV_PER_K;
        double kecurrent = tdof * kB * tCurrent[0];
        // eta_mass_flag: chain masses follow the (ramped) target to keep the thermostat frequency.
        etaMass[0] = tdof * kB * tTarget / (tFreq * tFreq);
        for (int ich = 1; ich < mtchain; ich++) {
            etaMass[ich] = kB * tTarget / (tFreq * tFreq);
        }
        etaDotDot[0] = etaMass[0] > 0 ? (kecurrent - keTarget) / etaMass[0] : 0.0;
        int nc = tstat.tloop();
        double ncfac = 1.0 / nc;
        for (int iloop = 0; iloop < nc; iloop++) {
            double expfac = sweepChainDown(etaDot, etaDotDot, mtchain, ncfac);

            double factorEta = Math.exp(-ncfac * dthalf * etaDot[0]);
            Verlet.scaleVelocities(ctx.atoms(), ctx.thermostatted(), factorEta);
            // The temperature follows the scaling exactly; LAMMPS does not recompute it here.
            tCurrent[0] *= factorEta * factorEta;
            kecurrent = tdof * kB * tCurrent[0];
            etaDotDot[0] = etaMass[0] > 0 ? (kecurrent - keTarget) / etaMass[0] : 0.0;

            for (int ich = 0; ich < mtchain; ich++) {
                eta[ich] += ncfac * dthalf * etaDot[ich];
            }
            etaDot[0] *= expfac;
            etaDot[0] += etaDotDot[0] * ncfac * dt4;
            etaDot[0] *= expfac;
            for (int ich = 1; ich < mtchain; ich++) {
                expfac = Math.exp(-ncfac * dt8 * etaDot[ich + 1]);
                etaDot[ich] *= expfac;
                etaDotDot[ich] = (etaMass[ich - 1] * etaDot[ich - 1] * etaDot[ich - 1] - kB * tTarget) / etaMass[ich];
                etaDot[ich] += etaDotDot[ich] * ncfac * dt4;
                etaDot[ich] *= expfac;
            }
        }
    }

    /**
     * The downward half of one chain sub-step (Martyna, Tuckerman, Tobias and
     * Klein, Mol. Phys. 87, 1117 (1996), as LAMMPS nhc_temp_integrate/nhc_press_integrate): from the
     * top of a chain of {@code length} links down to link 0, each velocity is damped by its
     * successor, kicked by its force for dt/4 and damped again. Returns link 0's damping factor,
     * which the caller reuses after scaling the particles.
     */
    private double sweepChainDown(double[] dot, double[] dotDot, int length, double ncfac) {
        for (int ich = length - 1; ich > 0; ich--) {
            double expfac = Math.exp(-ncfac * dt8 * dot[ich + 1]);
            dot[ich] *= expfac;
            dot[ich] += dotDot[ich] * ncfac * dt4;
            dot[ich] *= expfac;
        }
        double expfac = Math.exp(-ncfac * dt8 * dot[1]);
        dot[0] *= expfac;
        dot[0] += dotDot[0] * ncfac * dt4;
        dot[0] *= expfac;
        return expfac;
    }

    /** Half-step update of the barostat's thermostat chain, scaling ω̇ (LAMMPS nhc_press_integrate). */
    private void nhcPressIntegrate() {
        double kt = Units.BOLTZMANN_EV_PER_K * tTarget;
        double kecurrent = 0;
        int pdof = 0;
        for (int i = 0; i < 3; i++) {
            if (pstat.axes()[i]) {
                kecurrent += omegaMass[i] * omegaDot[i] * omegaDot[i];
                pdof++;
            }
        }
        double lktPress = iso ? kt : pdof * kt;
        etapDotDot[0] = (kecurrent - lktPress) / etapMass[0];
        int nc = pstat.ploop();
        double ncfac = 1.0 / nc;
        for (int iloop = 0; iloop < nc; iloop++) {
            double expfac = sweepChainDown(etapDot, etapDotDot, mpchain, ncfac);
            for (int ich = 0; ich < mpchain; ich++) {
                etap[ich] += ncfac * dthalf * etapDot[ich];
            }
            double factorEtap = Math.exp(-ncfac * dthalf * etapDot[0]);
            for (int i = 0; i < 3; i++) {
                if (pstat.axes()[i]) {
                    omegaDot[i] *= factorEtap;
                }
            }
            kecurrent = 0;
            for (int i = 0; i < 3; i++) {
                if (pstat.axes()[i]) {
                    kecurrent += omegaMass[i] * omegaDot[i] * omegaDot[i];
                }
            }
            etapDotDot[0] = (kecurrent - lktPress) / etapMass[0];
            etapDot[0] *= expfac;
            etapDot[0] += etapDotDot[0] * ncfac * dt4;
            etapDot[0] *= expfac;
            for (int ich = 1; ich < mpchain; ich++) {
                expfac = Math.exp(-ncfac * dt8 * etapDot[ich + 1]);
                etapDot[ich] *= expfac;
                etapDotDot[ich] = (etapMass[ich - 1] * etapDot[ich - 1] * etapDot[ich - 1] - kt) / etapMass[ich];
                etapDot[ich] += etapDotDot[ich] * ncfac * dt4;
                etapDot[ich] *= expfac;
            }
        }
    }

    /**
     * Energy of the extended variables, eV (LAMMPS FixNH::compute_scalar; MTTK 1996 eqs. 2 and 8):
     * chain kinetic and "potential" terms, barostat kinetic energy and P_target·(V − V₀).
     */
    double extendedEnergy(MdContext ctx) {
        double kt = Units.BOLTZMANN_EV_PER_K * tTarget;
        double e = keTarget * eta[0] + 0.5 * etaMass[0] * etaDot[0] * etaDot[0];
        for (int ich = 1; ich < mtchain; ich++) {
            e += kt * eta[ich] + 0.5 * etaMass[ich] * etaDot[ich] * etaDot[ich];
        }
        if (pstat != null) {
            double volume = ctx.box().volume();
            for (int i = 0; i < 3; i++) {
                if (pstat.axes()[i]) {
                    e += 0.5 * omegaDot[i] * omegaDot[i] * omegaMass[i]
                            + pHydro * (volume - boxRef[3]) / (pdim * Units.EV_PER_A3_TO_BAR);
                }
            }
            if (mpchain > 0) {
                double lkt = iso ? kt : pdim * kt;
                e += lkt * etap[0] + 0.5 * etapMass[0] * etapDot[0] * etapDot[0];
                for (int ich = 1; ich < mpchain; ich++) {
                    e += kt * etap[ich] + 0.5 * etapMass[ich] * etapDot[ich] * etapDot[ich];
                }
            }
        }
        return e;
    }
}
