package org.dendrite.driver.ensemble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import org.dendrite.driver.run.RunDirectory;

/**
 * The ensemble's results: one row per member with its parameters, status, attempts, failure class,
 * wall time, host and the metrics its run declared ({@code metrics.json}; the last thermo row of
 * run.json as {@code final_<column>}; a conduction job's {@code summary.json} numbers), written as
 * {@code results.csv} and {@code results.parquet}. Columns whose values are all numbers are typed
 * double in Parquet, the others strings.
 */
public final class ResultsTable {
    /** Status of a member that this sweep did not select ({@code --only}) and that has no complete result. */
    public static final String NOT_RUN = "not_run";
    /** Columns before the parameters. */
    static final List<String> HEAD = List.of("member_id");
    /** Columns between the parameters and the metrics. */
    static final List<String> STATUS = List.of("status", "attempts", "failure_class", "failed_attempts", "wall_s",
            "host");
    /** Columns after the metrics. */
    static final List<String> TAIL = List.of("error", "run_dir");

    private final List<String> columns;
    private final List<Map<String, Object>> rows;

    private ResultsTable(List<String> columns, List<Map<String, Object>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** A table of given rows (column order as given), e.g. rows read back from results.csv. */
    static ResultsTable of(List<String> columns, List<Map<String, Object>> rows) {
        return new ResultsTable(List.copyOf(columns), rows);
    }

    public List<String> columns() {
        return columns;
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    /** Builds the table from the members (in order), their results, and what their directories hold. */
    public static ResultsTable build(List<Member> members, Map<String, MemberResult> results) {
        Set<String> params = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Member m : members) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("member_id", m.id);
            for (int i = 0; i < m.paramNames.length; i++) {
                params.add(m.paramNames[i]);
                row.put(m.paramNames[i], number(m.paramValues[i]));
            }
            MemberResult r = results.get(m.id);
            Path dir = Path.of(m.runDir);
            if (r == null) {
                r = new MemberResult();
                r.id = m.id;
                r.status = MemberRunner.isComplete(dir, m.id) ? MemberResult.COMPLETED : NOT_RUN;
                r.host = "";
            }
            row.put("status", r.status);
            row.put("attempts", (double) r.attempts);
            row.put("failure_class", r.failureClass);
            row.put("failed_attempts", r.history);
            row.put("wall_s", r.wallSeconds);
            row.put("host", r.host);
            if (MemberResult.COMPLETED.equals(r.status)) {
                for (Map.Entry<String, Object> e : metricsOf(dir).entrySet()) {
                    metrics.add(e.getKey());
                    row.put(e.getKey(), e.getValue());
                }
            }
            row.put("error", r.error);
            row.put("run_dir", dir.toString());
            rows.add(row);
        }
        List<String> cols = new ArrayList<>(HEAD);
        cols.addAll(params);
        cols.addAll(STATUS);
        cols.addAll(metrics);
        cols.addAll(TAIL);
        return new ResultsTable(cols, rows);
    }

    /** A parameter value as a number when it is one (so Parquet and the plots see numbers). */
    static Object number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The member's declared metrics, then {@code final_<thermo column>}, then a conduction summary's numbers. */
    static Map<String, Object> metricsOf(Path dir) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Path mj = dir.resolve("metrics.json");
            if (Files.isRegularFile(mj)) {
                Map<?, ?> m = MemberRunner.JSON.readValue(mj.toFile(), Map.class);
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.put(String.valueOf(e.getKey()), scalar(e.getValue()));
                }
            }
            Path rj = dir.resolve("run.json");
            if (Files.isRegularFile(rj)) {
                Map<?, ?> run = MemberRunner.JSON.readValue(rj.toFile(), Map.class);
                if (run.get("final_thermo") instanceof Map<?, ?> t) {
                    for (Map.Entry<?, ?> e : t.entrySet()) {
                        if (e.getValue() instanceof Number v && !"step".equals(e.getKey())) {
                            out.put("final_" + e.getKey(), v.doubleValue());
                        }
                    }
                }
            }
            Path sj = dir.resolve("summary.json");
            if (Files.isRegularFile(sj)) {
                Map<?, ?> s = MemberRunner.JSON.readValue(sj.toFile(), Map.class);
                for (Map.Entry<?, ?> e : s.entrySet()) {
                    if (e.getValue() instanceof Number v) {
                        out.put(String.valueOf(e.getKey()), v.doubleValue());
                    }
                }
            }
        } catch (IOException e) {
            out.put("metrics_error", "unreadable: " + e.getMessage());
        }
        return out;
    }

    private static Object scalar(Object v) {
        return v instanceof Number n ? (Object) n.doubleValue() : String.valueOf(v);
    }

    /** Whether every non-missing value of a column is a number. */
    boolean numeric(String col) {
        if (col.equals("member_id") || TAIL.contains(col) || col.equals("host")) {
            return false;
        }
        boolean any = false;
        for (Map<String, Object> r : rows) {
            Object v = r.get(col);
            if (v != null && !(v instanceof Double)) {
                return false;
            }
            any |= v != null;
        }
        return any;
    }

    /** CSV with a header; numbers in full precision, text quoted when it holds a comma, quote or newline. */
    public void writeCsv(Path file) throws IOException {
        RunDirectory.writeAtomically(file, csvBytes());
    }

    /** The CSV text (a completed member's row depends only on its directory, so an unchanged sweep gives the same bytes). */
    public byte[] csvBytes() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", columns)).append('\n');
        for (Map<String, Object> r : rows) {
            for (int k = 0; k < columns.size(); k++) {
                if (k > 0) {
                    sb.append(',');
                }
                Object v = r.get(columns.get(k));
                if (v instanceof Double d) {
                    sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                            : String.format(Locale.ROOT, "%.10g", d).trim());
                } else if (v != null) {
                    String s = v.toString();
                    sb.append(s.contains(",") || s.contains("\"") || s.contains("\n")
                            ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
                }
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same table as one Parquet file set (written through Spark SQL, overwritten each sweep). */
    public void writeParquet(SparkSession spark, Path dir) {
        List<StructField> fields = new ArrayList<>();
        List<Boolean> num = new ArrayList<>();
        for (String c : columns) {
            boolean n = numeric(c);
            num.add(n);
            DataType t = n ? DataTypes.DoubleType : DataTypes.StringType;
            fields.add(DataTypes.createStructField(c, t, true));
        }
        List<Row> data = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Object[] v = new Object[columns.size()];
            for (int k = 0; k < v.length; k++) {
                Object x = r.get(columns.get(k));
                v[k] = x == null ? null : num.get(k) ? x : x.toString();
            }
            data.add(RowFactory.create(v));
        }
        spark.createDataFrame(data, new StructType(fields.toArray(new StructField[0]))).coalesce(1).write()
                .mode(SaveMode.Overwrite).parquet(dir.toUri().toString());
    }
}
