-- One database and owner per service, as in deploy/k8s (local passwords: compose is for a single trusted host).
CREATE USER intake PASSWORD 'intake';
CREATE DATABASE intake OWNER intake;
CREATE USER tagging PASSWORD 'tagging';
CREATE DATABASE tagging OWNER tagging;
CREATE USER reporting PASSWORD 'reporting';
CREATE DATABASE reporting OWNER reporting;
