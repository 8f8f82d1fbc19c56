package org.dendrite.partition.hazelcast;

import org.dendrite.partition.comm.MessageBuffer;
import org.dendrite.partition.comm.Phase;
import org.dendrite.partition.comm.TransportException;

import com.esotericsoftware.kryo.kryo5.Kryo;
import com.esotericsoftware.kryo.kryo5.Serializer;
import com.esotericsoftware.kryo.kryo5.io.Input;
import com.esotericsoftware.kryo.kryo5.io.Output;
import com.esotericsoftware.kryo.kryo5.unsafe.UnsafeInput;
import com.esotericsoftware.kryo.kryo5.unsafe.UnsafeOutput;
import com.esotericsoftware.kryo.kryo5.unsafe.UnsafeUtil;

/**
 * Kryo 5 encoding of one halo message (source rank, phase, step, the int[] and double[] of a
 * {@link MessageBuffer}) to a byte[] and back. One instance per rank thread: Kryo, its output
 * buffer and the decode target are not thread-safe and are reused, so encoding allocates only the
 * returned byte[] and decoding allocates nothing once the receive buffer has grown.
 *
 * <p>Registration is required and explicit (a fixed id), so a stray class can never be written and
 * a payload of another kind is rejected on decode. The arrays are raw memory copies through
 * {@link UnsafeOutput}/{@link UnsafeInput}, about twice as fast for double[] as the portable
 * {@code Output} (shared/notes/dependencies.md §4), and decoded straight into the receive buffer; the byte order is the platform's, which is little-endian on
 * every platform Hazelcast members run on here (x86-64, aarch64).
 */
final class HaloWire {
    /** Registration id of {@link Message}; ids below 10 are Kryo's primitives. */
    static final int MESSAGE_ID = 20;
    private static final Phase[] PHASES = Phase.values();

    /** A message on the wire; {@code body} is borrowed, not copied, when encoding. */
    static final class Message {
        int source;
        Phase phase;
        int step;
        MessageBuffer body;
    }

    /** Writes and reads {@link Message}: header ints, then the two arrays with their counts. */
    private static final class MessageSerializer extends Serializer<Message> {
        @Override
        public void write(Kryo kryo, Output out, Message m) {
            out.writeInt(m.source);
            out.writeInt(m.phase.ordinal());
            out.writeInt(m.step);
            // Raw memory copies of the used part of each array. Not UnsafeOutput.writeInts/writeDoubles:
            // in kryo5 5.6.0 they write the whole array whatever the count (found by HaloWireTest).
            UnsafeOutput u = (UnsafeOutput) out;
            u.writeInt(m.body.nInts);
            u.writeBytes(m.body.ints, UnsafeUtil.intArrayBaseOffset, 4 * m.body.nInts);
            u.writeInt(m.body.nDoubles);
            u.writeBytes(m.body.doubles, UnsafeUtil.doubleArrayBaseOffset, 8 * m.body.nDoubles);
        }

        @Override
        public Message read(Kryo kryo, Input in, Class<? extends Message> type) {
            // Decodes into the reusable message of this codec (set by decode): no allocation.
            Message m = target;
            m.source = in.readInt();
            int ph = in.readInt();
            if (ph < 0 || ph >= PHASES.length) {
                throw new TransportException("corrupt halo message: phase ordinal " + ph);
            }
            m.phase = PHASES[ph];
            m.step = in.readInt();
            MessageBuffer b = m.body;
            b.clear();
            UnsafeInput u = (UnsafeInput) in;
            int ni = u.readInt();
            checkCount(ni, 4, u);
            b.reserve(ni, 0);
            u.readBytes(b.ints, UnsafeUtil.intArrayBaseOffset, 4 * ni);
            b.nInts = ni;
            int nd = u.readInt();
            checkCount(nd, 8, u);
            b.reserve(0, nd);
            u.readBytes(b.doubles, UnsafeUtil.doubleArrayBaseOffset, 8 * nd);
            b.nDoubles = nd;
            return m;
        }

        Message target;

        private static void checkCount(int count, int width, Input in) {
            if (count < 0 || (long) count * width > in.limit() - in.position()) {
                throw new TransportException("corrupt halo message: " + count + " elements of " + width
                        + " bytes announced, " + (in.limit() - in.position()) + " bytes left");
            }
        }
    }

    private final Kryo kryo = new Kryo();
    private final MessageSerializer serializer = new MessageSerializer();
    private final UnsafeOutput output = new UnsafeOutput(64 * 1024, -1);
    private final UnsafeInput input = new UnsafeInput();
    private final Message outgoing = new Message();

    HaloWire() {
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.register(Message.class, serializer, MESSAGE_ID);
    }

    /** Encodes a message; the returned array is new (Hazelcast keeps it until it is serialized). */
    byte[] encode(int source, Phase phase, int step, MessageBuffer body) {
        outgoing.source = source;
        outgoing.phase = phase;
        outgoing.step = step;
        outgoing.body = body;
        output.reset();
        kryo.writeClassAndObject(output, outgoing);
        outgoing.body = null;
        return output.toBytes();
    }

    /** Decodes {@code bytes} into {@code into}; {@code header} receives source, phase and step. */
    Message decode(byte[] bytes, Message header, MessageBuffer into) {
        header.body = into;
        serializer.target = header;
        input.setBuffer(bytes);
        Object o = kryo.readClassAndObject(input);
        serializer.target = null;
        if (o != header) {
            throw new TransportException("halo queue held a " + (o == null ? "null" : o.getClass().getName())
                    + " instead of a halo message");
        }
        return header;
    }
}
