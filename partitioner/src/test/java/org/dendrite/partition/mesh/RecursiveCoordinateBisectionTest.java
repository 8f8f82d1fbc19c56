package org.dendrite.partition.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.StructuredMeshes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecursiveCoordinateBisectionTest {

    static Mesh mesh(String type) {
        return type.equals("TRI3") ? StructuredMeshes.rectangle(ElementType.TRI3, 30, 17, 3.0, 1.0)
                : StructuredMeshes.box(ElementType.TET4, 9, 7, 5, 1.0, 2.0, 0.5);
    }

    @ParameterizedTest(name = "{0} into {1} parts")
    @CsvSource({"TRI3, 1", "TRI3, 2", "TRI3, 3", "TRI3, 4", "TRI3, 7", "TET4, 2", "TET4, 3", "TET4, 4", "TET4, 6"})
    @DisplayName("RCB puts every element in exactly one part, balances element counts to within a few elements, and is reproducible")
    void partitionCoversBalancesAndRepeats(String type, int parts) {
        Mesh m = mesh(type);
        int[] part = RecursiveCoordinateBisection.partition(m, parts);
        assertArrayEquals(part, RecursiveCoordinateBisection.partition(m, parts), "same mesh and P give the same parts");
        MeshPartition mp = new MeshPartition(m, part, parts);
        int[] counts = mp.elementCounts();
        assertEquals(m.elementCount(), Arrays.stream(counts).sum(), "every element counted once");
        int min = Arrays.stream(counts).min().getAsInt();
        int max = Arrays.stream(counts).max().getAsInt();
        // Each bisection level rounds its cut by at most half an element per side.
        int levels = 32 - Integer.numberOfLeadingZeros(parts - 1);
        assertTrue(min > 0 && max - min <= levels + 1, "element counts " + Arrays.toString(counts));
        // The elements each rank assembles include its whole part wherever that part touches an owned
        // node; together the ranks' own-part elements must be all elements once.
        int[] seen = new int[m.elementCount()];
        for (int r = 0; r < parts; r++) {
            for (int e : mp.domain(r).elements()) {
                if (part[e] == r) {
                    seen[e]++;
                }
            }
        }
        int[] owners = mp.nodeOwner();
        for (int e = 0; e < m.elementCount(); e++) {
            boolean touchesOwned = false;
            for (int a = 0; a < m.nodesPerElement(); a++) {
                touchesOwned |= owners[m.node(e, a)] == part[e];
            }
            assertEquals(touchesOwned ? 1 : 0, seen[e], "element " + e);
        }
        if (parts > 1) {
            assertTrue(mp.interfaceNodeCount() > 0, "parts share an interface");
        }
        System.out.println(type + " " + mp);
    }

    @ParameterizedTest(name = "{0} into {1} parts")
    @CsvSource({"TRI3, 3", "TRI3, 4", "TET4, 4", "TET4, 5"})
    @DisplayName("ghost lists are symmetric: what rank a sends to b are exactly the ghosts b expects from a, in the same order, owned by a")
    void exchangeListsAreSymmetric(String type, int parts) {
        Mesh m = mesh(type);
        MeshPartition mp = MeshPartition.rcb(m, parts);
        int[] owner = mp.nodeOwner();
        int nodesOwned = 0;
        for (int b = 0; b < parts; b++) {
            Subdomain db = mp.domain(b);
            nodesOwned += db.ownedCount();
            int[] l2g = db.localToGlobal();
            for (int i = 0; i < db.ownedCount(); i++) {
                assertEquals(b, owner[l2g[i]], "owned node of rank " + b);
            }
            int ghostsListed = 0;
            for (int k = 0; k < db.recvPeers().length; k++) {
                int a = db.recvPeers()[k];
                Subdomain da = mp.domain(a);
                int idx = Arrays.binarySearch(da.sendPeers(), b);
                assertTrue(idx >= 0, "rank " + a + " sends to " + b);
                int[] sent = da.sendLists()[idx];
                int[] expected = db.recvLists()[k];
                assertEquals(expected.length, sent.length, a + " -> " + b);
                for (int i = 0; i < sent.length; i++) {
                    assertTrue(sent[i] < da.ownedCount(), "only owned values are sent");
                    int g = da.localToGlobal()[sent[i]];
                    assertEquals(g, l2g[expected[i]], a + " -> " + b + " entry " + i);
                    assertEquals(a, owner[g]);
                }
                ghostsListed += expected.length;
            }
            assertEquals(db.ghostCount(), ghostsListed, "every ghost of rank " + b + " is received once");
            for (int k = 0; k < db.sendPeers().length; k++) {
                Subdomain dc = mp.domain(db.sendPeers()[k]);
                assertTrue(Arrays.binarySearch(dc.recvPeers(), b) >= 0, "a send has a matching receive");
            }
        }
        assertEquals(m.nodeCount(), nodesOwned, "every node has exactly one owner");
    }
}
