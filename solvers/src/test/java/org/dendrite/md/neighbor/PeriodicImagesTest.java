package org.dendrite.md.neighbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PeriodicImagesTest {

    private static Atoms twoAtoms(double z2) {
        Atoms a = new Atoms(new Species(List.of("A"), new double[] {1}, new double[] {0}), 2);
        a.x[0] = 1; a.x[1] = 1; a.x[2] = 1;
        a.x[3] = 2; a.x[4] = 2; a.x[5] = z2;
        a.id[0] = 11;
        a.id[1] = 12;
        return a;
    }

    @Test
    @DisplayName("an atom beyond a non-periodic boundary is reported as lost, naming its id and axis")
    void atomOutsideNonPeriodicAxisIsLost() {
        Box box = Box.orthorhombic(10, 10, 10);
        box.setPeriodic(true, true, false);
        LostAtomException e = assertThrows(LostAtomException.class,
                () -> new PeriodicImages().borders(twoAtoms(10.5), box, 3.0));
        assertTrue(e.getMessage().contains("atom id 12") && e.getMessage().contains("non-periodic z"), e.getMessage());
    }

    @Test
    @DisplayName("along a periodic axis the same atom is wrapped back and its image flag counts the crossing")
    void atomOutsidePeriodicAxisIsWrapped() {
        Box box = Box.orthorhombic(10, 10, 10);
        Atoms atoms = twoAtoms(10.5);
        new PeriodicImages().borders(atoms, box, 3.0);
        assertEquals(0.5, atoms.x[5], 1e-12);
        assertEquals(1, atoms.image[5]);
    }
}
