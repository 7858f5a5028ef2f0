# Rapport as a small image: the release binary on a distroless base, run as an unprivileged
# user, checked by `rapport health` (the binary asks itself; the image holds no shell or curl).
#
#   docker build -t rapport .
#   docker run -p 8080:8080 -v rapport-data:/var/lib/rapport rapport           # SQLite
#   docker run -p 8080:8080 -e RAPPORT_DATABASE_URL=postgres://... rapport     # PostgreSQL
#
# No Docker engine runs where this project is built and tested, so the image's build step is
# the very command CI runs (`.ci/run`): `cargo build --release --locked --bin rapport`. Keep the
# two the same.

# Build stage: the release binary, from the committed lockfile. The toolchain is the one CI uses.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin rapport \
    && mkdir -p /data

# Runtime stage: glibc, libgcc and CA certificates, nothing else; user `nonroot` (65532).
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/rapport /usr/local/bin/rapport
# The SQLite database lives here; a volume mounted on it starts out owned by the user.
COPY --from=build --chown=65532:65532 /data /var/lib/rapport
WORKDIR /var/lib/rapport
ENV RAPPORT_BIND=0.0.0.0:8080 \
    RAPPORT_DATABASE_URL=sqlite:///var/lib/rapport/rapport.db?mode=rwc \
    RAPPORT_LOG_FORMAT=json
USER 65532:65532
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["rapport", "health"]
ENTRYPOINT ["rapport"]
CMD ["serve"]
