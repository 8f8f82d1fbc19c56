// Overlays of seed 000 Fig. 3c, Fig. 4a and Fig. 4b from several tension runs (one per model), drawn
// with dendrite's own Plots (java.awt), and a Markdown table of their metrics.json.
//   jshell --class-path driver/target/dendrite.jar -R-Druns=DIR1,DIR2,... -R-Dlabels=a,b,... \
//          -R-Dout=OUTDIR [-R-Dtitle="Tension along [111]"] tools/mechanics/compare_tension.jsh
// (tools/mechanics/tension_scenarios.sh calls it.) Reads DIR/tension.csv, DIR/bonds.csv, DIR/metrics.json.
import java.nio.file.*;
import java.util.*;
import org.dendrite.driver.fem.Plots;

String[] runs = System.getProperty("runs").split(",");
String[] labels = System.getProperty("labels").split(",");
Path out = Path.of(System.getProperty("out"));
String title = System.getProperty("title", "Tension along [111]");
Files.createDirectories(out);

double[][] columns(Path csv, String... names) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<String> head = Arrays.asList(lines.get(0).split(","));
    List<double[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
        String[] f = l.split(",", -1);
        double[] r = new double[names.length];
        boolean ok = true;
        for (int k = 0; k < names.length; k++) {
            String v = f[head.indexOf(names[k])];
            ok &= !v.isEmpty() && !v.equals("nan");
            r[k] = ok ? Double.parseDouble(v) : Double.NaN;
        }
        if (ok) rows.add(r);
    }
    double[][] c = new double[names.length][rows.size()];
    for (int i = 0; i < rows.size(); i++) for (int k = 0; k < names.length; k++) c[k][i] = rows.get(i)[k];
    return c;
}

List<Plots.Series> stress = new ArrayList<>(), energy = new ArrayList<>();
Map<String, List<Plots.Series>> bonds = new LinkedHashMap<>();
StringBuilder table = new StringBuilder("| model | E (GPa) | ν | peak stress (GPa) | strain at peak | failure strain | G_c (J/m²) | K_Ic (MPa·m^0.5) |\n|---|---|---|---|---|---|---|---|\n");
for (int i = 0; i < runs.length; i++) {
    Path d = Path.of(runs[i]);
    double[][] t = columns(d.resolve("tension.csv"), "strain", "stress_GPa", "dpe_per_atom_eV");
    stress.add(new Plots.Series(labels[i], t[0], t[1]));
    energy.add(new Plots.Series(labels[i], t[0], t[2]));
    Path b = d.resolve("bonds.csv");
    if (Files.exists(b)) {
        String[] head = Files.readAllLines(b).get(0).split(",");
        for (String h : head) {
            if (!h.startsWith("rel_")) continue;
            double[][] c = columns(b, "strain", h);
            bonds.computeIfAbsent(h.substring(4), k -> new ArrayList<>()).add(new Plots.Series(labels[i], c[0], c[1]));
        }
    }
    String m = Files.readString(d.resolve("metrics.json"));
    java.util.function.Function<String, String> get = key -> {
        java.util.regex.Matcher mm = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(key) + "\": ([0-9.eE+-]+)").matcher(m);
        return mm.find() ? String.format(Locale.ROOT, "%.3g", Double.parseDouble(mm.group(1))) : "—";
    };
    table.append("| ").append(labels[i]).append(" | ").append(get.apply("E_GPa")).append(" ± ").append(get.apply("E_err_GPa"))
         .append(" | ").append(get.apply("nu")).append(" | ").append(get.apply("peak_stress_GPa")).append(" | ")
         .append(get.apply("strain_at_peak")).append(" | ").append(get.apply("failure_strain")).append(" | ")
         .append(get.apply("G_c_J_per_m2")).append(" | ").append(get.apply("K_Ic_MPa_m0.5")).append(" |\n");
}
Plots.line(out.resolve("compare_stress_strain.png"), title + ": stress-strain", "strain (-)", "stress (GPa)", stress, Double.NaN);
Plots.plot(out.resolve("compare_energy.png"), title + ": potential energy change per atom", "strain (-)", "ΔE (eV/atom)", energy, Double.NaN, true, true);
for (Map.Entry<String, List<Plots.Series>> e : bonds.entrySet()) {
    Plots.plot(out.resolve("compare_bonds_" + e.getKey() + ".png"), title + ": " + e.getKey() + " bonds relative to the start", "strain (-)", "N / N(0) (-)", e.getValue(), Double.NaN, false, true);
}
Files.writeString(out.resolve("compare_table.md"), table.toString());
System.out.print(table);
/exit
