#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL for the hosted-mode storage tests, then print the URL.
# Debian packages only; no systemd here, so pg_ctlcluster starts it. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start >&2
fi
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='backstride'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE backstride LOGIN PASSWORD 'backstride' CREATEDB\"" >&2
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='backstride_test'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE DATABASE backstride_test OWNER backstride\"" >&2
echo "postgres://backstride:backstride@127.0.0.1:5432/backstride_test"
