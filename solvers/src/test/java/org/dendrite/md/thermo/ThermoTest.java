package org.dendrite.md.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.Units;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.state.AtomGroup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThermoTest {
    static Atoms twoSpecies() {
        Species sp = new Species(List.of("A", "B"), new double[] {2.0, 8.0}, new double[] {0, 0});
        Atoms a = new Atoms(sp, 4);
        double[][] v = {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}, {1, 1, 1}};
        for (int i = 0; i < 4; i++) {
            a.id[i] = i + 1;
            a.type[i] = i % 2;
            System.arraycopy(v[i], 0, a.v, 3 * i, 3);
        }
        return a;
    }

    @Test
    @DisplayName("temperature uses 3N − 3 degrees of freedom of the group and KE = ½ Σ m v² in eV")
    void temperatureWithThreeNMinusThree() {
        Atoms a = twoSpecies();
        double ke = 0.5 * (2 * 1 + 8 * 4 + 2 * 9 + 8 * 3) * Units.MVV_TO_EV;
        assertEquals(ke, Thermo.kineticEnergy(a, AtomGroup.all(4)), 1e-15);
        assertEquals(2 * ke / (9 * Units.BOLTZMANN_EV_PER_K), Thermo.temperature(a, AtomGroup.all(4)), 1e-12);
        AtomGroup two = AtomGroup.ofIds(new int[] {1, 2}, 4);
        double ke2 = 0.5 * (2 * 1 + 8 * 4) * Units.MVV_TO_EV;
        assertEquals(2 * ke2 / (3 * Units.BOLTZMANN_EV_PER_K), Thermo.temperature(a, two), 1e-12);
    }

    @Test
    @DisplayName("pressure is (2 KE + tr W)/(3V) and the tensor (K_ab + W_ab)/V, in bar")
    void pressureFromKineticAndVirial() {
        Atoms a = twoSpecies();
        ForceResult fr = new ForceResult();
        double[] w = {0.3, 0.01, 0.02, 0.01, -0.4, 0.03, 0.02, 0.03, 0.5};
        System.arraycopy(w, 0, fr.virial, 0, 9);
        fr.hasEnergyAndVirial = true;
        Box box = Box.orthorhombic(10, 11, 12);
        ThermoSnapshot t = new ThermoSnapshot();
        t.fill(7, 0.007, a, box, AtomGroup.all(4), fr, 0.0);
        double[] k = new double[6];
        Thermo.kineticTensor(a, AtomGroup.all(4), k);
        double v = 1320;
        assertEquals((2 * t.keEv + 0.4) / (3 * v) * Units.EV_PER_A3_TO_BAR, t.pressBar, 1e-9);
        assertEquals((k[0] + 0.3) / v * Units.EV_PER_A3_TO_BAR, t.pressTensorBar[0], 1e-9);
        assertEquals((k[1] - 0.4) / v * Units.EV_PER_A3_TO_BAR, t.pressTensorBar[1], 1e-9);
        assertEquals((k[3] + 0.01) / v * Units.EV_PER_A3_TO_BAR, t.pressTensorBar[3], 1e-9);
        assertEquals((t.pressTensorBar[0] + t.pressTensorBar[1] + t.pressTensorBar[2]) / 3, t.pressBar, 1e-9);
        // Σ m v_x v_y: only atom 4 (type B, m = 8) has both components.
        assertEquals(8 * Units.MVV_TO_EV, k[3], 1e-15);
        assertEquals(ThermoSnapshot.COLUMNS.size(), t.values(new double[21]).length);
    }
}
