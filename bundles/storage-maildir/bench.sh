#!/bin/sh
# Runs the maildir benchmark (org.loftmail.storage.maildir.bench.MaildirBench; not a test).
# Usage: bench.sh [workDir [size...]]   (default: a temp dir, deleted after, sizes 10000 100000)
# Builds the module's test classes first. Needs JAVA_HOME (e.g. /usr/lib/jvm/temurin-25-jdk-amd64).
set -e
cd "$(dirname "$0")"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.loftmail.storage.maildir.bench.MaildirBench "$@"
