# syntax=docker/dockerfile:1
# Multi-stage image: build with cargo-leptos in release mode, then run the
# server binary with its site directory on a slim base. Configured only
# through environment variables (see .env.example); DATABASE_URL is required.
#
#   docker compose up -d          (compose.yaml: PostgreSQL and Haat)
#   docker build -t haat . && docker run -p 3000:3000 -e DATABASE_URL=postgres://... -e SITE_URL=https://shop.example.in haat

FROM rust:1.95-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm pkg-config libssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The same tool installs as scripts/run (cargo-leptos, wasm-bindgen, the wasm target).
COPY scripts/lib/toolchain.sh scripts/lib/toolchain.sh
RUN bash -c 'source scripts/lib/toolchain.sh && ensure_rust_tools'
COPY package.json ./
RUN npm install --no-audit --no-fund
COPY . .
# Queries are checked against the committed .sqlx cache: no database at build time.
ENV SQLX_OFFLINE=true
RUN PATH="/src/node_modules/.bin:$PATH" cargo leptos build --release --precompress

FROM debian:bookworm-slim AS run
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /app haat \
 && mkdir -p /app/mail && chown haat /app/mail
WORKDIR /app
COPY --from=build /src/target/release/haat /src/target/release/hash.txt /app/
COPY --from=build /src/target/site /app/site
ENV LEPTOS_OUTPUT_NAME=haat \
    LEPTOS_SITE_ROOT=/app/site \
    LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_HASH_FILES=true \
    LEPTOS_ENV=PROD \
    LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    MAIL_DIR=/app/mail \
    LOG_FORMAT=json
USER haat
EXPOSE 3000
# The server is PID 1 (exec form): it gets SIGTERM itself and finishes the
# requests in flight before exiting.
STOPSIGNAL SIGTERM
# Applies migrations on start. `haat create-admin` makes the first admin;
# `haat demo-data --force` loads the demo shop (refused without --force,
# since LEPTOS_ENV=PROD here).
CMD ["/app/haat"]
