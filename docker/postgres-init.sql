-- One server, one database per service: each owns its schema and its Flyway history.
CREATE DATABASE writ;
CREATE DATABASE sample_api;
