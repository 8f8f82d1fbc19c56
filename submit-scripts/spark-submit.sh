#!/usr/bin/env bash
# Submits a dendrite command (normally `ensemble CONFIG`) to Spark with the shaded jar, the JVM
# flags Spark 4.2 / Hazelcast / Kryo need on Java 17+, and conf/spark/dendrite.conf
# (docs/ensembles.md, "Submitting"). Arguments before `--` go to spark-submit, the rest to dendrite:
#
#   submit-scripts/spark-submit.sh --master 'local[2]' -- ensemble conf/sweeps/li-temperature-demo.yaml
#   submit-scripts/spark-submit.sh --master spark://127.0.0.1:7077 -- ensemble conf/sweeps/li-temperature-demo.yaml
#   submit-scripts/spark-submit.sh --master yarn --deploy-mode client --properties-file conf/spark/yarn.conf -- ensemble ...
#   submit-scripts/spark-submit.sh --master k8s://https://HOST:6443 --deploy-mode cluster \
#       --properties-file conf/spark/k8s.conf -- ensemble /shared/sweeps/x.yaml
#
# Uses an installed Spark's spark-submit when there is one ($SPARK_SUBMIT, $SPARK_HOME/bin/spark-submit,
# or spark-submit on PATH); otherwise runs Spark's own submission class from the jar,
# `java -cp dendrite.jar org.apache.spark.deploy.SparkSubmit`, which is what spark-submit calls.
# DENDRITE_SPARK_SUBMIT=jar forces the second path. The properties file replaces an installed Spark's
# spark-defaults.conf; add --load-spark-defaults (Spark 4) to the spark-submit options to read both. Environment: JAVA, JAVA_OPTS (driver JVM when
# no Spark is installed), DENDRITE_JAR (default driver/target/dendrite.jar, built when missing).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(cd "$here/.." && pwd -P)"
jar="${DENDRITE_JAR:-$root/driver/target/dendrite.jar}"

if [[ ! -f "$jar" ]]; then
    echo "spark-submit.sh: building $jar (mvn -DskipTests package) ..." >&2
    (cd "$root" && "${MVN:-mvn}" -q -B -DskipTests package) >&2
fi

spark_args=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
    spark_args+=("$1")
    shift
done
[[ $# -gt 0 ]] && shift
if [[ $# -eq 0 ]]; then
    echo "usage: spark-submit.sh [spark-submit options] -- ensemble CONFIG.yaml [dendrite options]" >&2
    exit 2
fi

# Spark 4.2's JavaModuleOptions plus Hazelcast's flags (shared/notes/dependencies.md §2): for the
# executors always (a barrier-stage member hosts Hazelcast there), and for the driver when this
# script starts the driver JVM itself.
module_flags="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
hz_flags="--add-modules=java.se --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.management/sun.management=ALL-UNNAMED --add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED -Dhazelcast.phone.home.enabled=false -Djava.awt.headless=true"

common=(
    --class org.dendrite.driver.cli.Main
    --name "dendrite $*"
    --properties-file "${DENDRITE_SPARK_PROPERTIES:-$root/conf/spark/dendrite.conf}"
    --conf "spark.executor.extraJavaOptions=$module_flags $hz_flags"
    --conf "spark.driver.extraJavaOptions=$hz_flags"
)

submit=""
if [[ "${DENDRITE_SPARK_SUBMIT:-}" != "jar" ]]; then
    if [[ -n "${SPARK_SUBMIT:-}" ]]; then
        submit="$SPARK_SUBMIT"
    elif [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
        submit="$SPARK_HOME/bin/spark-submit"
    elif command -v spark-submit >/dev/null 2>&1; then
        submit="$(command -v spark-submit)"
    fi
fi

if [[ -n "$submit" ]]; then
    # An installed Spark adds its module flags to the driver JVM it starts.
    exec "$submit" "${common[@]}" "${spark_args[@]}" "$jar" "$@"
fi

if [[ -n "${JAVA:-}" ]]; then
    java_bin="$JAVA"
elif [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    java_bin="$JAVA_HOME/bin/java"
else
    java_bin="java"
fi
# shellcheck disable=SC2086 # the flag lists are word lists by design
exec "$java_bin" $module_flags $hz_flags ${JAVA_OPTS:-} -cp "$jar" org.apache.spark.deploy.SparkSubmit \
    "${common[@]}" "${spark_args[@]}" "$jar" "$@"
