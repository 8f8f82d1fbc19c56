package org.dendrite.driver.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.hazelcast.map.IMap;

import org.dendrite.md.state.RestartFile;
import org.dendrite.md.state.SimulationState;

/**
 * Checkpoints of a decomposed run (docs/partitioning.md, "Checkpoints and member loss"): the whole
 * state in atom-id order as restart-file bytes, on disk as {@code checkpoint/latest.restart}
 * (written to a temporary name and renamed by {@link RestartFile#write}) and, with the Hazelcast
 * transport, in an IMap of the job with one synchronous backup
 * ({@code HazelcastCluster.CHECKPOINT_MAPS}), so the copy survives the loss of any one member.
 * Only the writing rank (rank 0) calls {@link #save}.
 */
final class CheckpointStore {
    static final String KEY = "latest";

    /** Where a restored checkpoint came from. */
    record Restored(SimulationState state, String source) {
    }

    private final Path dir;
    private final IMap<String, byte[]> map;
    private volatile long lastStep = -1;

    /** @param map null for in-process runs (disk only) */
    CheckpointStore(Path dir, IMap<String, byte[]> map) {
        this.dir = dir;
        this.map = map;
    }

    Path latestFile() {
        return dir.resolve("latest.restart");
    }

    /** Step of the newest checkpoint, −1 if none was taken. */
    long lastStep() {
        return lastStep;
    }

    void save(SimulationState whole) throws IOException {
        Path file = latestFile();
        RestartFile.write(whole, file);
        if (map != null) {
            // A synchronous put: it returns once the owner and its backup hold the bytes.
            map.set(KEY, RestartFile.toBytes(whole));
        }
        lastStep = whole.step;
    }

    /**
     * The newest checkpoint: the IMap copy first (read through {@code reader}, a surviving member's
     * view of the same map), the disk file if the map has none or cannot be read; null if neither.
     */
    Restored restore(IMap<String, byte[]> reader) throws IOException {
        String mapError = null;
        if (reader != null) {
            try {
                byte[] b = reader.get(KEY);
                if (b != null) {
                    return new Restored(RestartFile.fromBytes(b, "hazelcast IMap " + reader.getName() + "/" + KEY),
                            "hazelcast-imap");
                }
                mapError = "no entry";
            } catch (RuntimeException e) {
                mapError = e.toString();
            }
        }
        if (Files.exists(latestFile())) {
            return new Restored(RestartFile.read(latestFile()), mapError == null ? "disk" : "disk (IMap: " + mapError + ")");
        }
        return null;
    }
}
