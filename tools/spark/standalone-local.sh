#!/usr/bin/env bash
# Starts (or stops) a Spark standalone master and one worker on 127.0.0.1 from the Maven Central
# Spark jars inside the shaded dendrite.jar (org.apache.spark.deploy.master.Master / worker.Worker),
# so `submit-scripts/spark-submit.sh --master spark://127.0.0.1:$PORT` can be tried without a Spark
# installation. The worker launches executors from $SPARK_HOME/jars, so a scratch SPARK_HOME with
# jars/dendrite.jar (a link) is made under $STATE.
#   tools/spark/standalone-local.sh start [CORES]    # master on 127.0.0.1:7177, worker with CORES (2)
#   tools/spark/standalone-local.sh stop
# Environment: PORT (7177), STATE (/tmp/dendrite-spark-standalone), JAVA, DENDRITE_JAR.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(cd "$here/../.." && pwd -P)"
jar="${DENDRITE_JAR:-$root/driver/target/dendrite.jar}"
port="${PORT:-7177}"
state="${STATE:-/tmp/dendrite-spark-standalone}"
java_bin="${JAVA:-java}"
flags="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"

case "${1:-}" in
start)
    cores="${2:-2}"
    mkdir -p "$state/home/jars" "$state/work"
    ln -sf "$jar" "$state/home/jars/dendrite.jar"
    export SPARK_HOME="$state/home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
    # shellcheck disable=SC2086
    nohup "$java_bin" $flags -cp "$jar" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
        --webui-port 0 >"$state/master.log" 2>&1 &
    echo $! >"$state/master.pid"
    for _ in $(seq 1 60); do
        grep -q "I have been elected leader" "$state/master.log" 2>/dev/null && break
        sleep 0.5
    done
    # shellcheck disable=SC2086
    nohup "$java_bin" $flags -cp "$jar" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$cores" \
        --memory 4g --work-dir "$state/work" --webui-port 0 "spark://127.0.0.1:$port" >"$state/worker.log" 2>&1 &
    echo $! >"$state/worker.pid"
    for _ in $(seq 1 60); do
        grep -q "Successfully registered with master" "$state/worker.log" 2>/dev/null && break
        sleep 0.5
    done
    grep -q "Successfully registered with master" "$state/worker.log" || { echo "worker did not register; see $state/worker.log" >&2; exit 1; }
    echo "master spark://127.0.0.1:$port, worker with $cores cores (logs in $state)"
    ;;
stop)
    for p in worker master; do
        if [[ -f "$state/$p.pid" ]]; then
            kill "$(cat "$state/$p.pid")" 2>/dev/null || true
            rm -f "$state/$p.pid"
        fi
    done
    ;;
*)
    echo "usage: $0 start [CORES] | stop" >&2
    exit 2
    ;;
esac
