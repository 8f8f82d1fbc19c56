package org.dendrite.partition.hazelcast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.dendrite.partition.comm.TransportException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RankHostsTest {
    @Test
    @DisplayName("a rank ticket survives the Kryo wire field for field, and tells each member its ranks")
    void ticketRoundTrip() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        byte[] state = new byte[1000];
        for (int k = 0; k < state.length; k++) {
            state[k] = (byte) (k * 31);
        }
        RankHosts.Ticket t = new RankHosts.Ticket("run-1", "/tmp/x.yaml", List.of("partition.domains=2x2x1", "seed=3"),
                new int[] {2, 2, 1}, new String[] {a.toString(), b.toString(), a.toString(), b.toString()}, state, 30_000);
        RankHosts.Ticket r = RankHosts.decode(RankHosts.encode(t));
        assertEquals(t.run(), r.run());
        assertEquals(t.configPath(), r.configPath());
        assertEquals(t.overrides(), r.overrides());
        assertArrayEquals(t.grid(), r.grid());
        assertArrayEquals(t.memberOfRank(), r.memberOfRank());
        assertArrayEquals(t.state(), r.state());
        assertEquals(t.timeoutMillis(), r.timeoutMillis());
        assertArrayEquals(new int[] {0, 2}, r.ranksOf(a));
        assertArrayEquals(new int[] {1, 3}, r.ranksOf(b));
        assertEquals(0, r.ranksOf(UUID.randomUUID()).length);
    }

    @Test
    @DisplayName("bytes that are not a ticket fail with a one-line transport error, not a Kryo stack")
    void garbageIsRefused() {
        TransportException e = assertThrows(TransportException.class, () -> RankHosts.decode(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().startsWith("undecodable rank ticket (3 bytes)"), e.getMessage());
    }
}
