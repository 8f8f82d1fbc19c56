package org.dendrite.driver.config;

import java.nio.file.Path;
import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.build.StructureBuilders;
import org.dendrite.partition.LoadBalancer;

/**
 * The typed top level of a run configuration (every key, unit, default and check is listed in
 * docs/config.md). Stages are kept as {@link Params} because each stage type reads its own keys
 * (the stage registry in the solvers module); everything else is read and checked here, and any
 * key nobody reads is an error at its file and line.
 *
 * @param tree           the configuration after overrides, with key origins
 * @param structure      what to simulate
 * @param forcefield     force-field YAML file (resolved)
 * @param skinAngstrom   neighbour-list skin, Å
 * @param threads        force-loop threads
 * @param seed           master seed of every random stream of the run
 * @param output         what to write and how often
 * @param checks         blow-up detection during the run
 * @param stages         the protocol, one mapping per stage, in order
 * @param partition      spatial decomposition of the run (one domain by default)
 */
public record RunConfig(ConfigTree tree, StructureSpec structure, Path forcefield, double skinAngstrom,
                        int threads, long seed, OutputSpec output, ChecksSpec checks, List<Params> stages,
                        PartitionSpec partition) {

    /** Default master seed: any fixed number makes two runs of the same config identical. */
    public static final long DEFAULT_SEED = 20261121L;

    /**
     * A structure read from a file (species of its numeric types, replication), or — when
     * {@code file} is null — one made by the structure builders of {@code org.dendrite.md.build}
     * from the config's {@code structure:} block when the run is prepared (a {@code type} other
     * than {@code file}, or a {@code modify:} list).
     */
    public record StructureSpec(Path file, List<String> types, int[] replicate) {
        /** Whether the structure is made by a builder rather than read as is. */
        public boolean built() {
            return file == null;
        }
    }

    /**
     * @param thermoEverySteps     thermo.csv row interval, steps (0 = first and last step of each stage only)
     * @param trajectoryFormats    any of extxyz, lammps-dump (empty = no trajectory)
     * @param trajectoryEverySteps trajectory frame interval, steps
     * @param restartEverySteps    restart file interval, steps (0 = only at the end of the run)
     * @param progressEverySeconds minimum wall time between two progress lines on stderr, s
     * @param analyses             the {@code analyses:} entries, each read by the analysis registry
     *                             ({@code org.dendrite.md.analysis.Analyses}) when the run is prepared
     */
    public record OutputSpec(long thermoEverySteps, List<String> trajectoryFormats, long trajectoryEverySteps,
                             long restartEverySteps, double progressEverySeconds, List<Params> analyses) {
    }

    /**
     * @param energyEverySteps       steps between potential-energy jump checks (0: only where energies are computed anyway)
     * @param maxEnergyJumpEvPerAtom largest accepted change of potential energy between two checks, eV/atom
     * @param displacement           stop when an atom moves more than half the skin in one step
     */
    public record ChecksSpec(long energyEverySteps, double maxEnergyJumpEvPerAtom, boolean displacement) {
    }

    /**
     * The {@code partition:} block (docs/config.md, docs/partitioning.md).
     *
     * @param grid            bricks along a, b, c, or null for {@code auto} (chosen for {@code count} domains
     *                        once the box and cut-off are known)
     * @param count           number of domains (ranks)
     * @param transport       {@code local} (ranks as threads of this JVM) or {@code hazelcast}
     * @param timeoutSeconds  bound on every wait for another rank, s
     * @param members         Hazelcast members this JVM starts (ranks are spread over them round-robin)
     * @param expectedMembers members the cluster must have before the run starts (this JVM's + {@code peers})
     * @param clusterName     Hazelcast cluster name
     * @param bindInterface   interface the members bind to
     * @param port            port of the first member (the others take the next ones); 0 = free ports
     * @param peers           other members ({@code host:port}, e.g. started by hazelcast-member.sh)
     * @param joinTimeoutSeconds bound on the wait for the expected members, s
     * @param checkpointEverySteps steps between checkpoints of the whole state (0 = none)
     * @param injectMemberLossAtStep fault injection for tests: terminate the last embedded member after
     *                        this step (0 = never)
     * @param balance         the {@code balance:} sub-block (shift-style load balancing), or null for none
     * @param rankHosts       members in other JVMs (started with hazelcast-member.sh) that host ranks too;
     *                        ranks go round-robin over this JVM's members, then the rank hosts
     */
    public record PartitionSpec(int[] grid, int count, String transport, double timeoutSeconds, int members,
                                int expectedMembers, String clusterName, String bindInterface, int port,
                                List<String> peers, double joinTimeoutSeconds, long checkpointEverySteps,
                                long injectMemberLossAtStep, LoadBalancer.Settings balance, int rankHosts) {
        /** Whether the run goes through the decomposed path (more than one domain, or Hazelcast). */
        public boolean decomposed() {
            return count > 1 || "hazelcast".equals(transport);
        }

        /** The grid as written in the config, e.g. {@code 2x2x1}, or {@code auto(N)}. */
        public String describe() {
            return grid == null ? "auto(" + count + ")" : grid[0] + "x" + grid[1] + "x" + grid[2];
        }
    }

    /** Reads and checks the top level; ParamExceptions come back as ConfigExceptions at file:line. */
    public static RunConfig read(ConfigTree tree) {
        try {
            return readParams(tree);
        } catch (ParamException e) {
            throw tree.error(e);
        }
    }

    private static RunConfig readParams(ConfigTree tree) {
        Params p = tree.params();
        p.getString("description", null);

        Params s = p.child("structure");
        if (!p.has("structure")) {
            throw new ParamException("structure", "is required (a mapping with 'file' or a builder 'type'; "
                    + "see docs/structures.md)");
        }
        Object type = s.raw("type");
        if ((type != null && !"file".equals(type)) || s.has("modify")) {
            return readRest(tree, p, new StructureSpec(null, null, null));
        }
        String file = s.requireString("file");
        List<String> types = s.getStrings("types");
        if (types != null) {
            for (String t : types) {
                if (t.isEmpty()) {
                    throw new ParamException(s.pathOf("types"), "species names must not be empty");
                }
            }
        }
        int[] replicate = StructureBuilders.replicateCounts(s);
        s.finish();
        StructureSpec structure = new StructureSpec(tree.resolvePath("structure.file", file),
                types == null ? null : List.copyOf(types), replicate);
        return readRest(tree, p, structure);
    }

    private static RunConfig readRest(ConfigTree tree, Params p, StructureSpec structure) {

        Path forcefield = tree.resolvePath("forcefield", p.requireString("forcefield"));

        Params n = p.child("neighbor");
        double skin = n.getNonNegative("skin_A", 2.0);
        n.finish();

        int threads = p.getInt("threads", Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (threads < 1 || threads > 1024) {
            throw new ParamException("threads", "must be from 1 to 1024, got " + threads);
        }
        long seed = p.getLong("seed", DEFAULT_SEED);

        Params o = p.child("output");
        long thermoEvery = nonNegative(o, "thermo_every_steps", 100);
        Params traj = o.child("trajectory");
        List<String> formats = traj.getStrings("format");
        if (formats == null) {
            formats = List.of("extxyz");
        }
        formats = formats.stream().filter(f -> !f.equals("none")).distinct().toList();
        for (String f : formats) {
            if (!f.equals("extxyz") && !f.equals("lammps-dump")) {
                throw new ParamException(traj.pathOf("format"),
                        "must be extxyz, lammps-dump, none, or a list of them; got '" + f + "'");
            }
        }
        long trajEvery = nonNegative(traj, "every_steps", 1000);
        if (trajEvery == 0) {
            formats = List.of();
        }
        traj.finish();
        long restartEvery = nonNegative(o, "restart_every_steps", 1000);
        double progressEvery = o.getPositive("progress_every_s", 5.0);
        List<Params> analyses = o.children("analyses");
        o.finish();
        OutputSpec output = new OutputSpec(thermoEvery, formats, trajEvery, restartEvery, progressEvery,
                List.copyOf(analyses));

        Params c = p.child("checks");
        ChecksSpec checks = new ChecksSpec(nonNegative(c, "energy_every_steps", 100),
                c.getPositive("max_energy_jump_eV_per_atom", 1.0), c.getBoolean("displacement", true));
        c.finish();

        PartitionSpec partition = readPartition(p.child("partition"));

        List<Params> stages = p.children("stages");
        if (stages.isEmpty()) {
            throw new ParamException("stages", "is required: a list of at least one stage");
        }
        p.finish();
        return new RunConfig(tree, structure, forcefield, skin, threads, seed, output, checks, stages, partition);
    }

    private static PartitionSpec readPartition(Params d) {
        Object raw = d.raw("domains");
        int[] grid;
        int count;
        String text = raw == null ? "1x1x1" : String.valueOf(raw).trim();
        if (text.equals("auto") || text.matches("[0-9]+")) {
            grid = null;
            if (text.equals("auto") && !d.has("count")) {
                throw new ParamException(d.pathOf("count"), "is required with domains: auto (the number of domains)");
            }
            count = text.equals("auto") ? d.getInt("count", 1) : Integer.parseInt(text);
        } else {
            if (d.has("count")) {
                throw new ParamException(d.pathOf("count"), "applies only with domains: auto (domains is " + text + ")");
            }
            String[] f = text.split("x", -1);
            grid = new int[3];
            boolean ok = f.length == 3;
            for (int k = 0; ok && k < 3; k++) {
                ok = f[k].matches("[0-9]{1,4}") && Integer.parseInt(f[k]) >= 1;
                grid[k] = ok ? Integer.parseInt(f[k]) : 0;
            }
            if (!ok) {
                throw new ParamException(d.pathOf("domains"), "must be AxBxC with positive integers (e.g. 2x2x1), "
                        + "auto (with count), or a number of domains; got '" + text + "'");
            }
            count = grid[0] * grid[1] * grid[2];
        }
        if (count < 1 || count > 4096) {
            throw new ParamException(d.pathOf(grid == null ? "count" : "domains"),
                    "the number of domains must be from 1 to 4096, got " + count);
        }
        String transport = d.getChoice("transport", "local", "local", "hazelcast");
        double timeout = d.getPositive("timeout_s", 120.0);
        boolean hz = transport.equals("hazelcast");
        for (String key : List.of("members", "expected_members", "cluster_name", "interface", "port", "peers",
                "join_timeout_s", "rank_hosts")) {
            if (!hz && d.has(key)) {
                throw new ParamException(d.pathOf(key), "applies to partition.transport=hazelcast only "
                        + "(transport is " + transport + ")");
            }
        }
        int rankHosts = d.getInt("rank_hosts", 0);
        if (rankHosts < 0 || rankHosts > count - 1) {
            throw new ParamException(d.pathOf("rank_hosts"), "must be from 0 to the number of domains - 1 (" + (count - 1)
                    + "): rank 0 stays in this JVM and every rank host hosts at least one rank; got " + rankHosts);
        }
        // With rank hosts elsewhere this JVM needs one member by default (for rank 0 and the outputs).
        int members = d.getInt("members", rankHosts > 0 ? 1 : count);
        if (members < 1 || members + rankHosts > count) {
            throw new ParamException(d.pathOf("members"), "must be from 1 to the number of domains (" + count
                    + ") minus partition.rank_hosts (" + rankHosts + "): every member hosts at least one rank; got "
                    + members);
        }
        List<String> peers = d.getStrings("peers");
        peers = peers == null ? List.of() : List.copyOf(peers);
        for (String peer : peers) {
            if (!peer.matches("[^:\\s]+:[0-9]{1,5}")) {
                throw new ParamException(d.pathOf("peers"), "entries must be host:port, got '" + peer + "'");
            }
        }
        int expected = d.getInt("expected_members", members + peers.size());
        if (expected < members) {
            throw new ParamException(d.pathOf("expected_members"), "must be at least partition.members (" + members
                    + "), got " + expected);
        }
        String cluster = d.getString("cluster_name", "dendrite");
        if (cluster.isBlank()) {
            throw new ParamException(d.pathOf("cluster_name"), "must not be empty");
        }
        String iface = d.getString("interface", "127.0.0.1");
        int port = d.getInt("port", 0);
        if (port < 0 || port > 65535 - members) {
            throw new ParamException(d.pathOf("port"), "must be 0 (free ports) or a port from 1 to "
                    + (65535 - members) + ", got " + port);
        }
        double join = d.getPositive("join_timeout_s", 30.0);
        long checkpoint = nonNegative(d, "checkpoint_every_steps", 1000);
        long inject = nonNegative(d, "inject_member_loss_at_step", 0);
        if (inject > 0 && (!hz || members < 2)) {
            throw new ParamException(d.pathOf("inject_member_loss_at_step"), "needs partition.transport=hazelcast "
                    + "and partition.members >= 2 (one member is terminated, the others continue)");
        }
        LoadBalancer.Settings balance = null;
        if (d.has("balance")) {
            Params b = d.child("balance");
            String cost = b.getChoice("cost", "time", "time", "atoms");
            try {
                balance = new LoadBalancer.Settings(b.getInt("every_rebuilds", 10),
                        cost.equals("atoms") ? LoadBalancer.Cost.ATOMS : LoadBalancer.Cost.TIME,
                        b.getDouble("threshold", 1.1), b.getDouble("damping", 0.5));
            } catch (IllegalArgumentException e) {
                throw new ParamException(b.path(), e.getMessage());
            }
            b.finish();
        }
        d.finish();
        return new PartitionSpec(grid, count, transport, timeout, members, expected, cluster, iface, port, peers,
                join, checkpoint, inject, balance, rankHosts);
    }

    private static long nonNegative(Params p, String key, long def) {
        long v = p.getLong(key, def);
        if (v < 0) {
            throw new ParamException(p.pathOf(key), "must be >= 0, got " + v);
        }
        return v;
    }
}
