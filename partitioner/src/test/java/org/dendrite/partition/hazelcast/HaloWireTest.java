package org.dendrite.partition.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dendrite.partition.comm.MessageBuffer;
import org.dendrite.partition.comm.Phase;
import org.dendrite.partition.comm.TransportException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HaloWireTest {
    @Test
    @DisplayName("Kryo round trip keeps header and exactly the used part of both arrays (buffers larger than the counts)")
    void roundTripOfPartlyFilledBuffers() {
        HaloWire a = new HaloWire();
        HaloWire b = new HaloWire();
        MessageBuffer m = new MessageBuffer();
        for (int k = 0; k < 3; k++) {
            m.addInt(100 + k);
        }
        for (int k = 0; k < 5; k++) {
            m.addDouble(Math.PI * k - 1e-300);
        }
        byte[] bytes = a.encode(7, Phase.REVERSE, 42, m);
        MessageBuffer into = new MessageBuffer();
        into.addDouble(-1);
        HaloWire.Message h = b.decode(bytes, new HaloWire.Message(), into);
        assertEquals(7, h.source);
        assertEquals(Phase.REVERSE, h.phase);
        assertEquals(42, h.step);
        assertEquals(3, into.nInts);
        assertEquals(5, into.nDoubles);
        for (int k = 0; k < 3; k++) {
            assertEquals(100 + k, into.ints[k]);
        }
        for (int k = 0; k < 5; k++) {
            assertEquals(Double.doubleToRawLongBits(Math.PI * k - 1e-300), Double.doubleToRawLongBits(into.doubles[k]));
        }
        assertEquals(4 * 3 + 1 + 4 * 2 + 4 * 3 + 8 * 5, bytes.length, "class id byte, 5 ints of header/counts, payload");
    }

    @Test
    @DisplayName("a payload that is not a registered halo message is rejected, not silently decoded")
    void unknownPayloadRejected() {
        HaloWire w = new HaloWire();
        byte[] junk = {99, 1, 2, 3};
        assertThrows(RuntimeException.class, () -> w.decode(junk, new HaloWire.Message(), new MessageBuffer()));
        MessageBuffer m = new MessageBuffer();
        m.addDouble(1);
        byte[] ok = w.encode(0, Phase.SUM, 0, m);
        byte[] truncated = java.util.Arrays.copyOf(ok, ok.length - 4);
        assertThrows(TransportException.class, () -> w.decode(truncated, new HaloWire.Message(), new MessageBuffer()));
    }
}
