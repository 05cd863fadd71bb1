#!/usr/bin/env bash
# First start of the compose PostgreSQL: one login role per service, each owning only its own schema
# in the syncline database (POSTGRES_DB). Passwords come from the environment (deploy/.env).
set -euo pipefail
create() {
  local role=$1 password=$2
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
       -v role="$role" -v password="$password" <<'SQL'
create role :"role" login password :'password';
create schema :"role" authorization :"role";
revoke all on schema public from :"role";
SQL
}
create magento_sync "$MAGENTO_SYNC_DB_PASSWORD"
create erp_sync "$ERP_SYNC_DB_PASSWORD"
create catalog_sync "$CATALOG_SYNC_DB_PASSWORD"
create migration "$MIGRATION_DB_PASSWORD"
create package_sync "$PACKAGE_SYNC_DB_PASSWORD"
