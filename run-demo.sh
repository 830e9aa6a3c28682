#!/usr/bin/env bash
# Builds Writ and runs auth-server (port 9000) and sample-api (port 8081) on embedded PostgreSQL and Redis with the
# demo data. Stop with Ctrl-C; nothing is left behind.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
exec java -jar demo/target/writ-demo.jar "$@"
