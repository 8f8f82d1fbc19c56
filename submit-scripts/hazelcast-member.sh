#!/usr/bin/env bash
# Starts one standalone Hazelcast member for decomposed dendrite runs (`dendrite member`).
#
#   submit-scripts/hazelcast-member.sh [conf/hazelcast.yaml] [port] [--no-ranks]
#
# The member binds only to the interface of the file, joins its TCP-IP member list, waits for
# dendrite.expected.members (exit 2 with "only N of M expected members joined ..." after
# dendrite.join.timeout.seconds) and runs until stopped (Ctrl-C / SIGTERM: graceful shutdown).
# It hosts ranks of runs that ask for rank hosts (partition.rank_hosts), reading their config and
# input files at the same paths as the machine that runs `dendrite run` (a shared file system);
# --no-ranks makes it a storage-only member. Give a port to start several members of one machine
# from the same file.
# Environment: JAVA (java binary), JAVA_OPTS (extra JVM flags, e.g. -Xmx8g); the jar is built by
# submit-scripts/dendrite on first use.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(cd "$here/.." && pwd -P)"
jar="$root/driver/target/dendrite.jar"
config="${1:-$root/conf/hazelcast.yaml}"
port="${2:-}"
extra=("${@:3}")

# Builds the jar on first use or when a source is newer (as submit-scripts/dendrite does).
"$here/dendrite" --version >/dev/null
if [[ -n "${JAVA:-}" ]]; then
    java_bin="$JAVA"
elif [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    java_bin="$JAVA_HOME/bin/java"
else
    java_bin="java"
fi

# The flags Hazelcast asks for on Java 17+ (shared/notes/dependencies.md §2).
hz_flags=(--add-modules=java.se --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.management/sun.management=ALL-UNNAMED
    --add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED)

# shellcheck disable=SC2086
exec "$java_bin" "${hz_flags[@]}" -Dhazelcast.phone.home.enabled=false ${JAVA_OPTS:-} \
    -cp "$jar" org.dendrite.driver.cli.Main member "$config" ${port:+--port "$port"} "${extra[@]}"
