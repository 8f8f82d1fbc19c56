package org.dendrite.md.neighbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NeighborBuilderTest {

    private static Atoms randomAtoms(Box box, int n) {
        Species sp = new Species(List.of("A", "B"), new double[] {1, 2}, new double[] {0, 0});
        Atoms a = new Atoms(sp, n);
        SplittableRandom rng = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            box.fromFractional(rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), a.x, 3 * i);
            a.type[i] = rng.nextInt(2);
            a.id[i] = i + 1;
        }
        return a;
    }

    /** 900 random atoms in a triclinic box with their periodic images within 7 Å as ghosts. */
    private static Atoms triclinicAtomsWithGhosts() {
        Box box = new Box(0, 0, 0, 20, 22, 24, 3, -2, 1);
        Atoms atoms = randomAtoms(box, 900);
        new PeriodicImages().borders(atoms, box, 7.0);
        return atoms;
    }

    @Test
    @DisplayName("the list is identical whether its rows are built by one worker or split among several")
    void sameListForAnyNumberOfWorkers() {
        Atoms atoms = triclinicAtomsWithGhosts();
        NeighborList serial = new NeighborList();
        new NeighborBuilder().build(atoms, 7.0, serial);

        int workers = 3;
        NeighborBuilder parallel = new NeighborBuilder(workers);
        parallel.bin(atoms, 7.0);
        int n = atoms.nlocal;
        // Workers may run in any order; the rows are joined in row order.
        for (int w = workers - 1; w >= 0; w--) {
            parallel.buildRows(atoms, w, n * w / workers, n * (w + 1) / workers);
        }
        NeighborList joined = new NeighborList();
        parallel.assemble(atoms, joined, workers);

        assertEquals(serial.totalPairs(), joined.totalPairs());
        assertArrayEquals(Arrays.copyOf(serial.offsets, n + 1), Arrays.copyOf(joined.offsets, n + 1));
        assertArrayEquals(Arrays.copyOf(serial.ghostStart, n), Arrays.copyOf(joined.ghostStart, n));
        assertArrayEquals(Arrays.copyOf(serial.neighbors, serial.totalPairs()),
                Arrays.copyOf(joined.neighbors, joined.totalPairs()));
    }

    @Test
    @DisplayName("each row lists its owned neighbours before its ghosts, split at ghostStart")
    void ownedNeighboursComeBeforeGhosts() {
        Atoms atoms = triclinicAtomsWithGhosts();
        NeighborList list = new NeighborList();
        new NeighborBuilder().build(atoms, 7.0, list);
        int n = atoms.nlocal, owned = 0, ghosts = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(list.offsets[i] <= list.ghostStart[i] && list.ghostStart[i] <= list.offsets[i + 1], "row " + i);
            for (int k = list.offsets[i]; k < list.offsets[i + 1]; k++) {
                boolean ghost = list.neighbors[k] >= n;
                assertEquals(k >= list.ghostStart[i], ghost, "row " + i + " entry " + k);
                if (ghost) {
                    ghosts++;
                } else {
                    owned++;
                }
            }
        }
        assertTrue(owned > 0 && ghosts > 0, "the test box has pairs of both kinds");
    }

    @Test
    @DisplayName("every pair closer than the radius appears exactly once, with local or ghost partners")
    void everyPairOnce() {
        Box box = Box.orthorhombic(15, 15, 15);
        Atoms atoms = randomAtoms(box, 300);
        new PeriodicImages().borders(atoms, box, 6.0);
        NeighborList list = new NeighborList();
        new NeighborBuilder().build(atoms, 6.0, list);
        // Count pairs by minimum image (cell > 2 radius, so each pair has one image in range).
        long expected = 0;
        double[] d = new double[3];
        for (int i = 0; i < atoms.nlocal; i++) {
            for (int j = i + 1; j < atoms.nlocal; j++) {
                for (int k = 0; k < 3; k++) {
                    d[k] = atoms.x[3 * i + k] - atoms.x[3 * j + k];
                }
                box.minimumImage(d, 0);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < 36.0) {
                    expected++;
                }
            }
        }
        assertEquals(expected, list.totalPairs());
    }
}
