/** Hover text for each Dockerfile instruction: what it does, then a short example. */
export interface InstructionDoc {
  syntax: string;
  text: string;
  example: string;
}

export const INSTRUCTION_DOCS: Record<string, InstructionDoc> = {
  FROM: {
    syntax: 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]',
    text: 'Starts a new build stage from a base image (or from an earlier stage by its name, or from `scratch`, the empty image). Everything after it, up to the next `FROM`, belongs to this stage; the last stage is the image that gets shipped.',
    example: 'FROM node:24-alpine AS build',
  },
  RUN: {
    syntax: 'RUN [--mount=…] [--network=…] [--security=…] [--device=…] <command> | ["executable", "arg", …]',
    text: 'Runs a command while building and records the files it changes as a new layer. Chain related commands with `&&` in one `RUN` so temporary files never reach a layer.',
    example: 'RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*',
  },
  CMD: {
    syntax: 'CMD ["executable", "arg", …] | CMD ["arg", …] | CMD command',
    text: "The default command of a container, or the default arguments of `ENTRYPOINT`. Only the last `CMD` counts. The JSON form runs the program directly, so it receives signals such as SIGTERM; the shell form wraps it in `/bin/sh -c`.",
    example: 'CMD ["node", "server.js"]',
  },
  LABEL: {
    syntax: 'LABEL <key>=<value> [<key>=<value> …]',
    text: 'Attaches metadata to the image, such as the OCI `org.opencontainers.image.*` keys for source, version and authors.',
    example: 'LABEL org.opencontainers.image.source="https://example.com/repo"',
  },
  MAINTAINER: {
    syntax: 'MAINTAINER <name>',
    text: 'Deprecated way to name the image author. Use `LABEL org.opencontainers.image.authors=…` instead.',
    example: 'LABEL org.opencontainers.image.authors="team@example.com"',
  },
  EXPOSE: {
    syntax: 'EXPOSE <port>[/<protocol>] …',
    text: 'Documents the ports the application listens on. It publishes nothing by itself: `docker run -p` or Compose `ports:` does that.',
    example: 'EXPOSE 8080/tcp',
  },
  ENV: {
    syntax: 'ENV <key>=<value> …',
    text: 'Sets environment variables for the rest of the build and for running containers. Values end up in the image metadata, so never put secrets here.',
    example: 'ENV NODE_ENV=production',
  },
  ADD: {
    syntax: 'ADD [--chown=…] [--chmod=…] [--link] [--checksum=…] [--keep-git-dir] [--unpack] [--exclude=…] <src> … <dest>',
    text: 'Copies files like `COPY`, but also unpacks local tar archives and downloads URLs and Git repositories. Prefer `COPY` for plain files so the behaviour stays obvious.',
    example: 'ADD --checksum=sha256:… https://example.com/tool.tar.gz /opt/',
  },
  COPY: {
    syntax: 'COPY [--from=<stage|image>] [--chown=…] [--chmod=…] [--link] [--parents] [--exclude=…] <src> … <dest>',
    text: 'Copies files from the build context, from an earlier stage (`--from=`), or from an image into the image. Copy dependency manifests before the sources so installs stay cached.',
    example: 'COPY --chown=app:app package.json package-lock.json ./',
  },
  ENTRYPOINT: {
    syntax: 'ENTRYPOINT ["executable", "arg", …] | ENTRYPOINT command',
    text: 'The program the container always runs; `CMD` supplies its default arguments. Use the JSON form so the program is PID 1 and receives signals.',
    example: 'ENTRYPOINT ["dumb-init", "--"]',
  },
  VOLUME: {
    syntax: 'VOLUME ["/path", …] | VOLUME /path …',
    text: 'Marks paths as mount points for external or anonymous volumes. Changes made to those paths by later build steps are discarded.',
    example: 'VOLUME ["/var/lib/data"]',
  },
  USER: {
    syntax: 'USER <user>[:<group>] | USER <uid>[:<gid>]',
    text: 'Sets the user (and group) for the following `RUN`, `CMD` and `ENTRYPOINT` instructions and for the running container. Switch to an unprivileged user before the final command.',
    example: 'USER node',
  },
  WORKDIR: {
    syntax: 'WORKDIR /absolute/path',
    text: 'Sets the working directory for the following instructions and the container, creating it if needed. Use absolute paths instead of `RUN cd …`.',
    example: 'WORKDIR /app',
  },
  ARG: {
    syntax: 'ARG <name>[=<default>]',
    text: 'Declares a build-time variable that `--build-arg` can set. Declared before the first `FROM`, it can be used in `FROM` lines; to use it inside a stage, declare it again there. Values can show up in the image history, so do not pass secrets this way.',
    example: 'ARG NODE_VERSION=24\nFROM node:${NODE_VERSION}-alpine',
  },
  ONBUILD: {
    syntax: 'ONBUILD <INSTRUCTION>',
    text: 'Stores an instruction that runs later, when another Dockerfile uses this image as its base.',
    example: 'ONBUILD COPY . /app',
  },
  STOPSIGNAL: {
    syntax: 'STOPSIGNAL <signal>',
    text: 'The signal sent to the container to stop it (SIGTERM unless set).',
    example: 'STOPSIGNAL SIGQUIT',
  },
  HEALTHCHECK: {
    syntax: 'HEALTHCHECK [--interval=30s] [--timeout=30s] [--start-period=0s] [--start-interval=5s] [--retries=3] CMD <command> | HEALTHCHECK NONE',
    text: 'Tells Docker how to check that the container still works; the status becomes `healthy` or `unhealthy`, and Compose can wait for `healthy`. Defaults: interval 30s, timeout 30s, start period 0s, retries 3.',
    example: 'HEALTHCHECK --interval=10s --timeout=3s CMD wget -q --spider http://localhost:8080/health || exit 1',
  },
  SHELL: {
    syntax: 'SHELL ["executable", "arg", …]',
    text: 'Changes the shell used by shell-form `RUN`, `CMD` and `ENTRYPOINT`, for example to enable `pipefail`.',
    example: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  },
};
