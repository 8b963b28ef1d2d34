-- The compose stack's PostgreSQL holds one database per back end.
CREATE DATABASE health_cms;
