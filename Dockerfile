# Corpus web app: build with the SDK, run on the ASP.NET runtime with the bundled corpus and the index on a volume.
#   docker build -t corpus .
#   docker run -p 8080:8080 -v corpus-index:/data corpus
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Corpus.sln ./
COPY src/ src/
RUN dotnet publish src/Corpus.Web/Corpus.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# ICU (needed by SmartCn/ICU4N; the image must not run in invariant-globalization mode) and curl for the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && (dpkg -l | grep -q libicu || apt-get install -y --no-install-recommends 'libicu[0-9]*') \
 && rm -rf /var/lib/apt/lists/*
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    ASPNETCORE_HTTP_PORTS=8080 \
    Corpus__CorpusPath=/app/corpus \
    Corpus__IndexPath=/data/index \
    Serilog__WriteTo__File__Args__path=/data/logs/corpus-.log
WORKDIR /app
COPY --from=build /app ./
COPY corpus/ corpus/
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
# Liveness: a restart policy acting on "unhealthy" must never kill a long ingest (readiness is /healthz/ready).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS http://localhost:8080/healthz/live || exit 1
ENTRYPOINT ["dotnet", "Corpus.Web.dll"]
