package org.dendrite.md.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.io.Structure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SupercellsTest {

    @Test
    @DisplayName("a triclinic model replicated 2x3x2 has the box and atom positions of Structure.replicate (LAMMPS replicate)")
    void triclinicReplicateMatchesStructureReplicate() {
        Box box = new Box(0.5, -1, 2, 4.0, 5.0, 6.0, 1.2, -0.7, 0.9);
        Species sp = new Species(List.of("Li", "O"), new double[] {6.94, 16.0}, new double[] {1, -1});
        Atoms a = new Atoms(sp, 2);
        double[][] pos = {{1.0, 0.5, 3.0}, {3.2, 2.5, 6.5}};
        for (int i = 0; i < 2; i++) {
            a.type[i] = i;
            a.id[i] = i + 1;
            System.arraycopy(pos[i], 0, a.x, 3 * i, 3);
        }
        Structure s = new Structure(a, box, "test").replicate(2, 3, 2);
        AtomicModel m = Supercells.replicate(AtomicModel.of(new Structure(a, box, "test")), 2, 3, 2);
        Box rb = m.box();
        assertEquals(s.box().toString(), rb.toString());
        assertEquals(1.2 * 3, rb.xy(), 1e-15);
        assertEquals(s.atomCount(), m.size());
        for (int i = 0; i < m.size(); i++) {
            for (int d = 0; d < 3; d++) {
                assertEquals(s.atoms().x[3 * i + d], m.x(i, d), 1e-12, "atom " + i);
            }
        }
    }
}
