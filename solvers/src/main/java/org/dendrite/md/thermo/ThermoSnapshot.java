package org.dendrite.md.thermo;

import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.neighbor.HaloExchange;
import org.dendrite.md.state.AtomGroup;

/**
 * One row of thermodynamic output, LAMMPS {@code thermo_style custom step time temp pe ke etotal
 * econserve press pxx pyy pzz pxy pxz pyz vol lx ly lz xy xz yz} with {@code thermo_modify norm no}.
 * {@code econserve} adds the energy a thermostat/barostat exchanged with the system (LAMMPS
 * {@code ecouple}), so it is conserved by every integrator that has a conserved quantity.
 * Reused between steps: {@link #fill} overwrites every field.
 */
public final class ThermoSnapshot {
    /** Column names, with units, in the order of {@link #values}. */
    public static final List<String> COLUMNS = List.of("step", "time_ps", "temp_K", "pe_eV", "ke_eV", "etotal_eV",
            "econserve_eV", "press_bar", "pxx_bar", "pyy_bar", "pzz_bar", "pxy_bar", "pxz_bar", "pyz_bar",
            "volume_A3", "lx_A", "ly_A", "lz_A", "xy_A", "xz_A", "yz_A");

    public long step;
    public double timePs;
    public double tempK;
    public double peEv;
    public double keEv;
    public double etotalEv;
    public double econserveEv;
    public double pressBar;
    /** Pressure tensor, bar: xx yy zz xy xz yz. */
    public final double[] pressTensorBar = new double[6];
    public double volumeA3;
    public double lx, ly, lz, xy, xz, yz;
    private final double[] ke = new double[6];

    /**
     * Computes every column from the current state. {@code mobile} is the group whose temperature
     * is reported (every atom except frozen ones); {@code forces} must hold energies and virial.
     */
    public void fill(long step, double timePs, Atoms atoms, Box box, AtomGroup mobile, ForceResult forces,
                     double couplingEnergy) {
        fill(step, timePs, atoms, box, mobile, forces, couplingEnergy, null);
    }

    /**
     * As {@link #fill(long, double, Atoms, Box, AtomGroup, ForceResult, double)} for a domain of a
     * decomposed system: the kinetic tensor is summed over all domains through {@code halo} (the
     * energies and virial in {@code forces} already are), so every domain gets the global row.
     * Collective: every domain must call it at the same step. {@code halo} null: local atoms only.
     */
    public void fill(long step, double timePs, Atoms atoms, Box box, AtomGroup mobile, ForceResult forces,
                     double couplingEnergy, HaloExchange halo) {
        this.step = step;
        this.timePs = timePs;
        if (halo != null) {
            Thermo.kineticTensor(atoms, mobile, halo, ke);
        } else {
            Thermo.kineticTensor(atoms, mobile, ke);
        }
        keEv = 0.5 * (ke[0] + ke[1] + ke[2]);
        tempK = Thermo.temperature(keEv, mobile.temperatureDof());
        peEv = forces.potentialEnergy();
        etotalEv = peEv + keEv;
        econserveEv = etotalEv + couplingEnergy;
        volumeA3 = box.volume();
        pressBar = Thermo.pressure(2.0 * keEv, forces.virial, volumeA3);
        Thermo.pressureTensor(ke, forces.virial, volumeA3, pressTensorBar);
        lx = box.lx();
        ly = box.ly();
        lz = box.lz();
        xy = box.xy();
        xz = box.xz();
        yz = box.yz();
    }

    /** The columns of {@link #COLUMNS} into {@code out} (length ≥ 21), returned for chaining. */
    public double[] values(double[] out) {
        out[0] = step;
        out[1] = timePs;
        out[2] = tempK;
        out[3] = peEv;
        out[4] = keEv;
        out[5] = etotalEv;
        out[6] = econserveEv;
        out[7] = pressBar;
        System.arraycopy(pressTensorBar, 0, out, 8, 6);
        out[14] = volumeA3;
        out[15] = lx;
        out[16] = ly;
        out[17] = lz;
        out[18] = xy;
        out[19] = xz;
        out[20] = yz;
        return out;
    }
}
