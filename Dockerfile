# Switchback: multi-stage build. The jar is the one `mvn -Pproduction package` builds and the tests run.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY frontend frontend
RUN mvn -B -ntp -Pproduction -DskipTests package

FROM eclipse-temurin:21-jre
RUN groupadd --system switchback && useradd --system --gid switchback --home /app switchback \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/switchback-*.jar /app/switchback.jar
# The embedded demo keeps its PostgreSQL data here; with SPRING_DATASOURCE_URL set it is unused.
RUN mkdir -p /app/data && chown -R switchback:switchback /app
USER switchback
ENV SWITCHBACK_DATA_DIR=/app/data/postgres
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# String deduplication: open pages hold many equal strings (request headers, event descriptions, script
# addresses); the JVM keeps one copy of their characters (docs/decisions/DD022-string-deduplication.md).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseStringDeduplication", "-jar", "/app/switchback.jar"]
