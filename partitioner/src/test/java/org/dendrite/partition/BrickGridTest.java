package org.dendrite.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dendrite.md.Box;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BrickGridTest {

    @Test
    @DisplayName("a cube split 8 ways becomes 2x2x2, the grid with the least halo surface")
    void cubeSplitsEvenly() {
        assertEquals(new BrickGrid(2, 2, 2), BrickGrid.choose(Box.orthorhombic(80, 80, 80), 8, 13));
    }

    @Test
    @DisplayName("a long cell is split along its long axis")
    void longCellSplitsAlongLongAxis() {
        assertEquals(new BrickGrid(1, 1, 4), BrickGrid.choose(Box.orthorhombic(30, 30, 160), 4, 13));
    }

    @Test
    @DisplayName("bricks thinner than cut-off plus skin are refused with a message naming the remedy")
    void tooThinIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrickGrid.choose(Box.orthorhombic(26, 26, 26), 27, 13));
        assertTrue(e.getMessage().contains("use fewer domains"), e.getMessage());
    }

    @Test
    @DisplayName("every fractional point belongs to exactly the domain whose bounds contain it")
    void domainOfMatchesBounds() {
        BrickGrid g = new BrickGrid(3, 2, 4);
        for (int d = 0; d < g.domains(); d++) {
            double[] b = g.fractionalBounds(d);
            double sa = 0.5 * (b[0] + b[1]), sb = 0.5 * (b[2] + b[3]), sc = 0.5 * (b[4] + b[5]);
            assertEquals(d, g.domainOf(sa, sb, sc));
        }
        assertEquals(g.domains() - 1, g.domainOf(0.999999, 0.999999, 0.999999));
    }
}
