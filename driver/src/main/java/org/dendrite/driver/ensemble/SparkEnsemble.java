package org.dendrite.driver.ensemble;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * Runs members on Spark: single-domain members (and in-process multi-domain ones) as one task
 * each, in one job; a member with several Hazelcast domains as a barrier stage of one task per
 * domain ({@link BarrierMember}). Results come back as {@link MemberResult} records through Spark's
 * Kryo serializer with registration required; run directories are written by the tasks to the
 * shared ensemble directory.
 */
public final class SparkEnsemble implements AutoCloseable {
    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final boolean ownSession;

    /**
     * @param master   master URL, or null to take the one spark-submit set ({@code spark.master}), else local[*]
     * @param conf     extra settings from the ensemble config ({@code spark.conf})
     * @param taskCpus cores per member task ({@code threads_per_member})
     */
    public SparkEnsemble(String appName, String master, Map<String, String> conf, int taskCpus) {
        SparkConf sc = sparkConf(appName, master, conf, taskCpus);
        // A session that is already running (a notebook, a test, a caller that runs several sweeps) is reused
        // and left running; one made here is stopped by close().
        SparkSession existing = SparkSession.getActiveSession().isDefined() ? SparkSession.getActiveSession().get()
                : SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get() : null;
        ownSession = existing == null;
        spark = existing != null ? existing : SparkSession.builder().config(sc).getOrCreate();
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    /** The settings every ensemble session gets (docs/ensembles.md, "Spark settings"). */
    public static SparkConf sparkConf(String appName, String master, Map<String, String> conf, int taskCpus) {
        SparkConf sc = new SparkConf();
        String m = master != null ? master : sc.get("spark.master", "local[*]");
        sc.setMaster(m);
        sc.setAppName(appName);
        sc.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        sc.set("spark.kryo.registrator", EnsembleKryoRegistrator.class.getName());
        sc.set("spark.kryo.registrationRequired", "true");
        sc.set("spark.task.cpus", Integer.toString(taskCpus));
        // A member is a long computation with side effects on the shared directory: never run twice at once.
        sc.set("spark.speculation", "false");
        sc.setIfMissing("spark.ui.enabled", "false");
        if (m.startsWith("local")) {
            // Nothing listens beyond loopback for a laptop run (dependencies.md, P6).
            sc.setIfMissing("spark.driver.host", "127.0.0.1");
            sc.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        for (Map.Entry<String, String> e : conf.entrySet()) {
            sc.set(e.getKey(), e.getValue());
        }
        return sc;
    }

    public SparkSession session() {
        return spark;
    }

    public String master() {
        return jsc.master();
    }

    public String applicationId() {
        return jsc.sc().applicationId();
    }

    public int defaultParallelism() {
        return jsc.defaultParallelism();
    }

    /**
     * Runs the members and returns one result per member (by id). A Spark job that aborts (an
     * executor lost more often than {@code spark.task.maxFailures}) ends this call for the members
     * it held; the caller reads what their directories say.
     */
    public Map<String, MemberResult> run(List<Member> members, PrintWriter log) {
        Map<String, MemberResult> out = new LinkedHashMap<>();
        List<Member> tasks = new ArrayList<>();
        List<Member> barriers = new ArrayList<>();
        for (Member m : members) {
            (m.hazelcast && m.domains > 1 ? barriers : tasks).add(m);
        }
        if (!tasks.isEmpty()) {
            jsc.setJobDescription("dendrite ensemble: " + tasks.size() + " member(s)");
            try {
                JavaRDD<Member> rdd = jsc.parallelize(tasks, tasks.size());
                for (MemberResult r : rdd.map(MemberRunner::run).collect()) {
                    out.put(r.id, r);
                }
            } catch (RuntimeException e) {
                log.println("ensemble: Spark job failed: " + oneLine(e) + " (members without a result are read "
                        + "from their directories)");
            }
        }
        for (Member m : barriers) {
            jsc.setJobDescription("dendrite ensemble: member " + m.id + " on " + m.domains + " domains (barrier)");
            try {
                List<Member> copies = new ArrayList<>();
                for (int k = 0; k < m.domains; k++) {
                    copies.add(m);
                }
                Object rs = jsc.parallelize(copies, m.domains).rdd().barrier()
                        .mapPartitions(new BarrierFunction(), false, ClassTag$.MODULE$.apply(MemberResult.class))
                        .collect();
                for (MemberResult r : (MemberResult[]) rs) {
                    if (r != null && r.status != null) {
                        out.put(r.id, r);
                    }
                }
            } catch (RuntimeException e) {
                log.println("ensemble: barrier stage of member " + m.id + " failed: " + oneLine(e));
            }
        }
        log.flush();
        return out;
    }

    /** {@link BarrierMember#run} as the Scala function {@code RDDBarrier.mapPartitions} takes. */
    static final class BarrierFunction extends AbstractFunction1<Iterator<Member>, Iterator<MemberResult>>
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<MemberResult> apply(Iterator<Member> in) {
            try {
                return CollectionConverters.asScala(BarrierMember.run(CollectionConverters.asJava(in)));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    private static String oneLine(Throwable e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    @Override
    public void close() {
        if (ownSession) {
            spark.stop();
        }
    }
}
