package org.dendrite.md.state;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.engine.BuildReference;

/**
 * Binary restart codec for {@link SimulationState}, versioned and checksummed.
 *
 * <p>Layout (big-endian, {@link DataOutputStream} encoding): the 8-byte magic {@code DNDRSTRT}, the
 * format version (int), the payload length in bytes (long), the payload, and the CRC-32 of the
 * payload (int). The payload holds, in order: protocol position (step, time, stage index, stage
 * step, stage start time, stage-started flag), seed, forces-valid flag; box (9 numbers: xlo ylo
 * zlo lx ly lz xy xz yz, then 3 periodic flags); species (name, mass, charge); local atoms
 * (positions, velocities, forces, image flags, ids, types, charges); last energies and virial;
 * stage variables (name, values); deformation reference; region group ids; neighbour-list build
 * reference. Doubles are stored as their exact bit patterns, so a round trip is lossless.
 *
 * <p>Writing goes to a temporary file in the same directory, is forced to disk, then atomically
 * renamed over the target, so a crash never leaves a half-written file under the final name.
 * Reading a file that is truncated, corrupt or of another version fails with a one-line
 * {@link RestartFileException} naming the file.
 */
public final class RestartFile {
    static final byte[] MAGIC = "DNDRSTRT".getBytes(StandardCharsets.US_ASCII);
    /** Current format version; bump on any layout change and keep reading the old ones if possible. */
    public static final int FORMAT_VERSION = 1;
    private static final int HEADER_BYTES = 8 + 4 + 8;

    private RestartFile() {
    }

    /** Writes {@code state} to {@code file} atomically (temp file, fsync, rename). */
    public static void write(SimulationState state, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        CRC32 crc = new CRC32();
        long payloadBytes;
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream raw = Channels.newOutputStream(ch);
            DataOutputStream head = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            head.write(MAGIC);
            head.writeInt(FORMAT_VERSION);
            head.writeLong(0L);
            head.flush();
            CountingCheckedOut counted = new CountingCheckedOut(raw, crc);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(counted, 1 << 16));
            writePayload(state, out);
            out.flush();
            payloadBytes = counted.count;
            DataOutputStream tail = new DataOutputStream(raw);
            tail.writeInt((int) crc.getValue());
            tail.flush();
            ch.position(8 + 4);
            DataOutputStream len = new DataOutputStream(Channels.newOutputStream(ch));
            len.writeLong(payloadBytes);
            len.flush();
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (dir != null) {
            // Make the rename itself durable; not every platform lets a directory be opened.
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException | UnsupportedOperationException ignored) {
                // The data file is already on disk; only the directory entry may be lost on a crash.
            }
        }
    }

    /** Reads a state written by {@link #write}. */
    public static SimulationState read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new RestartFileException(file, "no such file");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return decode(raw, Files.size(file), file);
        }
    }

    /**
     * The exact bytes {@link #write} would put in a file, for states that travel instead of being
     * stored (a checkpoint in a Hazelcast IMap, the start state of ranks hosted by another JVM).
     */
    public static byte[] toBytes(SimulationState state) throws IOException {
        CRC32 crc = new CRC32();
        ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(payload, crc));
        writePayload(state, out);
        out.flush();
        ByteArrayOutputStream whole = new ByteArrayOutputStream(HEADER_BYTES + payload.size() + 4);
        DataOutputStream w = new DataOutputStream(whole);
        w.write(MAGIC);
        w.writeInt(FORMAT_VERSION);
        w.writeLong(payload.size());
        payload.writeTo(w);
        w.writeInt((int) crc.getValue());
        w.flush();
        return whole.toByteArray();
    }

    /**
     * Reads a state from {@link #toBytes} (or a restart file's contents) with the same checks as
     * {@link #read}; {@code source} names where the bytes came from in error messages.
     */
    public static SimulationState fromBytes(byte[] bytes, String source) throws IOException {
        return decode(new ByteArrayInputStream(bytes), bytes.length, Path.of(source));
    }

    private static SimulationState decode(InputStream raw, long size, Path file) throws IOException {
        if (size < HEADER_BYTES + 4) {
            throw new RestartFileException(file, "truncated (" + size + " bytes, shorter than the header)");
        }
        try {
            DataInputStream head = new DataInputStream(raw);
            byte[] magic = new byte[MAGIC.length];
            head.readFully(magic);
            for (int k = 0; k < MAGIC.length; k++) {
                if (magic[k] != MAGIC[k]) {
                    throw new RestartFileException(file, "not a dendrite restart file (bad magic number)");
                }
            }
            int version = head.readInt();
            if (version != FORMAT_VERSION) {
                throw new RestartFileException(file, "format version " + version
                        + " is not supported (this build reads version " + FORMAT_VERSION + ")");
            }
            long payload = head.readLong();
            long expected = HEADER_BYTES + payload + 4;
            if (payload < 0 || expected != size) {
                throw new RestartFileException(file, size < expected
                        ? "truncated (" + size + " bytes, header announces " + expected + ")"
                        : "corrupt (" + size + " bytes, header announces " + expected + ")");
            }
            CRC32 crc = new CRC32();
            LimitedStream limited = new LimitedStream(raw, payload);
            Reader in = new Reader(file, new DataInputStream(new CheckedInputStream(limited, crc)), limited);
            SimulationState s = readPayload(in);
            if (in.remaining() != 0) {
                throw new RestartFileException(file, "corrupt (" + in.remaining() + " unread payload bytes)");
            }
            int stored = head.readInt();
            if (stored != (int) crc.getValue()) {
                throw new RestartFileException(file, "corrupt (checksum mismatch)");
            }
            return s;
        } catch (EOFException e) {
            throw new RestartFileException(file, "truncated (ends before the data it announces)");
        }
    }

    private static void writePayload(SimulationState s, DataOutputStream out) throws IOException {
        out.writeLong(s.step);
        out.writeDouble(s.timePs);
        out.writeInt(s.stageIndex);
        out.writeLong(s.stageStep);
        out.writeDouble(s.stageStartTimePs);
        out.writeBoolean(s.stageStarted);
        out.writeLong(s.seed);
        out.writeBoolean(s.forcesValid);
        writeBox(out, s.box);

        Atoms a = s.atoms;
        Species sp = a.species;
        out.writeInt(sp.count());
        for (int t = 0; t < sp.count(); t++) {
            out.writeUTF(sp.name(t));
            out.writeDouble(sp.mass(t));
            out.writeDouble(sp.charge(t));
        }
        int n = a.nlocal;
        out.writeInt(n);
        writeDoubles(out, a.x, 3 * n);
        writeDoubles(out, a.v, 3 * n);
        writeDoubles(out, a.f, 3 * n);
        writeInts(out, a.image, 3 * n);
        writeInts(out, a.id, n);
        writeInts(out, a.type, n);
        writeDoubles(out, a.q, n);

        out.writeDouble(s.lastForces.pairEnergy);
        out.writeDouble(s.lastForces.coulombEnergy);
        out.writeDouble(s.lastForces.manyBodyEnergy);
        out.writeDouble(s.lastForces.globalEnergy);
        writeDoubles(out, s.lastForces.virial, 9);
        out.writeBoolean(s.lastForces.hasEnergyAndVirial);

        Map<String, double[]> vars = s.vars();
        out.writeInt(vars.size());
        for (Map.Entry<String, double[]> e : vars.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            writeDoubles(out, e.getValue(), e.getValue().length);
        }

        out.writeBoolean(s.deformReferenceBox != null);
        if (s.deformReferenceBox != null) {
            writeBox(out, s.deformReferenceBox);
        }
        out.writeLong(s.deformOriginStep);

        out.writeInt(s.groupIds == null ? -1 : s.groupIds.length);
        if (s.groupIds != null) {
            writeInts(out, s.groupIds, s.groupIds.length);
        }

        BuildReference ref = s.neighborReference;
        out.writeBoolean(ref != null);
        if (ref != null) {
            out.writeInt(ref.positions().length);
            writeDoubles(out, ref.positions(), ref.positions().length);
            writeBox(out, ref.box());
        }
    }

    private static SimulationState readPayload(Reader in) throws IOException {
        long step = in.readLong();
        double time = in.readDouble();
        int stageIndex = in.readInt();
        long stageStep = in.readLong();
        double stageStart = in.readDouble();
        boolean stageStarted = in.readBoolean();
        long seed = in.readLong();
        boolean forcesValid = in.readBoolean();
        Box box = readBox(in);

        int ntypes = in.readCount(1 + 8 + 8, "species");
        List<String> names = new ArrayList<>();
        double[] mass = new double[ntypes];
        double[] charge = new double[ntypes];
        for (int t = 0; t < ntypes; t++) {
            names.add(in.readUTF());
            mass[t] = in.readDouble();
            charge[t] = in.readDouble();
        }
        Species species;
        try {
            species = new Species(names, mass, charge);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
        int n = in.readCount(3 * 8 * 3 + 3 * 4 + 4 + 4 + 8, "atoms");
        Atoms a = new Atoms(species, n);
        in.readDoubles(a.x, 3 * n);
        in.readDoubles(a.v, 3 * n);
        in.readDoubles(a.f, 3 * n);
        in.readInts(a.image, 3 * n);
        in.readInts(a.id, n);
        in.readInts(a.type, n);
        in.readDoubles(a.q, n);
        for (int i = 0; i < n; i++) {
            if (a.type[i] < 0 || a.type[i] >= ntypes) {
                throw in.corrupt("atom id " + a.id[i] + " has type index " + a.type[i] + " outside 0.." + (ntypes - 1));
            }
        }

        SimulationState s = new SimulationState(a, box, seed);
        s.step = step;
        s.timePs = time;
        s.stageIndex = stageIndex;
        s.stageStep = stageStep;
        s.stageStartTimePs = stageStart;
        s.stageStarted = stageStarted;
        s.forcesValid = forcesValid;

        s.lastForces.pairEnergy = in.readDouble();
        s.lastForces.coulombEnergy = in.readDouble();
        s.lastForces.manyBodyEnergy = in.readDouble();
        s.lastForces.globalEnergy = in.readDouble();
        in.readDoubles(s.lastForces.virial, 9);
        s.lastForces.hasEnergyAndVirial = in.readBoolean();

        int nvars = in.readCount(2 + 4, "stage variables");
        for (int k = 0; k < nvars; k++) {
            String name = in.readUTF();
            int len = in.readCount(8, "values of stage variable " + name);
            double[] v = new double[len];
            in.readDoubles(v, len);
            s.putVar(name, v);
        }
        if (in.readBoolean()) {
            s.deformReferenceBox = readBox(in);
        }
        s.deformOriginStep = in.readLong();
        int ng = in.readInt();
        if (ng >= 0) {
            if ((long) ng * 4 > in.remaining()) {
                throw in.truncated();
            }
            s.groupIds = new int[ng];
            in.readInts(s.groupIds, ng);
        } else if (ng != -1) {
            throw in.corrupt("negative region group size " + ng);
        }
        if (in.readBoolean()) {
            int len = in.readCount(8, "neighbour reference positions");
            double[] pos = new double[len];
            in.readDoubles(pos, len);
            s.neighborReference = new BuildReference(pos, readBox(in));
        }
        return s;
    }

    private static void writeBox(DataOutputStream out, Box b) throws IOException {
        out.writeDouble(b.xlo());
        out.writeDouble(b.ylo());
        out.writeDouble(b.zlo());
        out.writeDouble(b.lx());
        out.writeDouble(b.ly());
        out.writeDouble(b.lz());
        out.writeDouble(b.xy());
        out.writeDouble(b.xz());
        out.writeDouble(b.yz());
        for (int k = 0; k < 3; k++) {
            out.writeBoolean(b.periodic(k));
        }
    }

    private static Box readBox(Reader in) throws IOException {
        double[] v = new double[9];
        in.readDoubles(v, 9);
        boolean px = in.readBoolean(), py = in.readBoolean(), pz = in.readBoolean();
        Box b;
        try {
            b = new Box(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
        b.setPeriodic(px, py, pz);
        return b;
    }

    private static void writeDoubles(DataOutputStream out, double[] a, int n) throws IOException {
        for (int k = 0; k < n; k++) {
            out.writeLong(Double.doubleToRawLongBits(a[k]));
        }
    }

    private static void writeInts(DataOutputStream out, int[] a, int n) throws IOException {
        for (int k = 0; k < n; k++) {
            out.writeInt(a[k]);
        }
    }

    /** Payload reader that knows how many bytes remain, so counts can be checked before allocating. */
    private static final class Reader {
        private final Path file;
        private final DataInputStream in;
        private final LimitedStream limit;

        Reader(Path file, DataInputStream in, LimitedStream limit) {
            this.file = file;
            this.in = in;
            this.limit = limit;
        }

        long remaining() {
            return limit.remaining;
        }

        RestartFileException corrupt(String reason) {
            return new RestartFileException(file, "corrupt (" + reason + ")");
        }

        RestartFileException truncated() {
            return new RestartFileException(file, "truncated (ends before the data it announces)");
        }

        /** A count whose items take at least {@code minBytesEach}: must fit in the remaining payload. */
        int readCount(int minBytesEach, String what) throws IOException {
            int n = in.readInt();
            if (n < 0 || (long) n * minBytesEach > remaining()) {
                throw corrupt("implausible number of " + what + ": " + n);
            }
            return n;
        }

        long readLong() throws IOException {
            return in.readLong();
        }

        int readInt() throws IOException {
            return in.readInt();
        }

        double readDouble() throws IOException {
            return Double.longBitsToDouble(in.readLong());
        }

        boolean readBoolean() throws IOException {
            return in.readBoolean();
        }

        String readUTF() throws IOException {
            return in.readUTF();
        }

        void readDoubles(double[] a, int n) throws IOException {
            for (int k = 0; k < n; k++) {
                a[k] = Double.longBitsToDouble(in.readLong());
            }
        }

        void readInts(int[] a, int n) throws IOException {
            for (int k = 0; k < n; k++) {
                a[k] = in.readInt();
            }
        }
    }

    /** Exposes at most {@code remaining} bytes of the underlying stream (the payload). */
    private static final class LimitedStream extends InputStream {
        private final InputStream in;
        long remaining;

        LimitedStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int r = in.read(buf, off, (int) Math.min(len, remaining));
            if (r > 0) {
                remaining -= r;
            }
            return r;
        }

        @Override
        public void close() {
            // The owner closes the underlying stream.
        }
    }

    /** Checksums and counts the payload bytes on their way out. */
    private static final class CountingCheckedOut extends CheckedOutputStream {
        long count;

        CountingCheckedOut(OutputStream out, CRC32 crc) {
            super(out, crc);
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            count += len;
        }

        @Override
        public void close() {
            // Closing would close the channel before the checksum is written.
        }
    }
}
