#!/usr/bin/env bash
# Builds the CDS Hooks service's container image on a machine that cannot reach mcr.microsoft.com and has
# no Docker engine, from Debian packages and NuGet only, then starts the image and checks it.
#
#   build/container-image.sh [--no-verify] [--fresh-base]
#
#   --no-verify    build only; do not start the image with podman
#   --fresh-base   rebuild the base image even if the work folder holds one for the same package list
#
#   ASMA_IMAGE_WORK=DIR      the work folder (default /tmp/asma-image): root file system, base image, local
#                            registry, build output, podman storage and the image archive; nothing is written
#                            into the repository (the build uses its own artifacts path)
#   ASMA_DEBIAN_MIRROR=URL   the Debian mirror for the base (default: the first .../debian URI in
#                            /etc/apt/sources.list*, else http://deb.debian.org/debian)
#   ASMA_REGISTRY_PORT=N     the local registry's port on 127.0.0.1 (default 5055)
#   ASMA_VERIFY_PORT=N       the host port the checked container is published on (default 18080)
#
# The steps:
#   1. a Debian bookworm root file system (debootstrap, variant minbase) with what a self-contained ASP.NET
#      Core app needs: libc6, libgcc-s1, libstdc++6, libssl3, zlib1g, ca-certificates, tzdata (no ICU: the
#      projects set InvariantGlobalization), the user app (uid and gid 1654, as in Microsoft's images) and
#      /app/data owned by it; apt lists, caches, documentation and translations removed;
#   2. that file system made an OCI image with umoci: one layer, user app, working folder /app, VOLUME /app/data;
#   3. the base pushed with skopeo to a registry (Debian's docker-registry) on 127.0.0.1, stopped at the end;
#   4. the service published self-contained for linux-x64 (the runtime packs come from NuGet) and the image
#      built on that base by the SDK (/t:PublishContainer), written to an archive in the work folder (the
#      `docker save` format, with gzip-compressed layers: docker load -i, podman load -i, skopeo);
#   5. unless --no-verify: the archive loaded into a podman store of its own and started read-only, as uid
#      1654, with only /app/data (and a /tmp tmpfs) writable; the probes, discovery, a hook call without a
#      token (401) and one with a signed RS384 token (200) are checked, and the times are reported.
#
# Needs root (debootstrap, file ownership in the image). Installs missing tools with apt-get.
# shellcheck disable=SC2016 # the single-quoted $ are podman's Go templates and the container's shell
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${ASMA_IMAGE_WORK:-/tmp/asma-image}"
registry_port="${ASMA_REGISTRY_PORT:-5055}"
verify_port="${ASMA_VERIFY_PORT:-18080}"
suite="bookworm"
packages="ca-certificates,libgcc-s1,libssl3,libstdc++6,tzdata,zlib1g"
base_ref="asma/debian-base:$suite"
verify=1
fresh_base=0

for arg in "$@"; do
  case "$arg" in
    --no-verify) verify=0 ;;
    --fresh-base) fresh_base=1 ;;
    -h|--help) sed -n '2,/^# shellcheck/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '== %s\n' "$*"; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

if [ "$(id -u)" -ne 0 ]; then
  echo "error: run as root (debootstrap and the file ownership inside the image need it)" >&2
  exit 1
fi

# 0. Tools, from Debian.
need=()
for tool in debootstrap:debootstrap umoci:umoci skopeo:skopeo docker-registry:docker-registry curl:curl python3:python3; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
done
if [ "$verify" -eq 1 ]; then
  for tool in podman:podman runc:runc openssl:openssl; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
  done
fi
if [ "${#need[@]}" -gt 0 ]; then
  say "installing ${need[*]} (Debian)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

mirror="${ASMA_DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -E '^(deb |URIs:)' | grep -o -E 'https?://[^ ]+' | grep -E '/debian/?$' | head -n 1 || true)
  mirror="${mirror:-http://deb.debian.org/debian}"
fi

version=$(dotnet msbuild "$repo/src/AsMassageAdvisor.CdsHooks" -getProperty:Version -nologo)
archive="$work/as-massage-advisor-cds-$version.tar"
base_dir="$work/base"
rootfs="$base_dir/rootfs"
layout="$base_dir/oci"
stamp="suite=$suite packages=$packages mirror=$mirror"
mkdir -p "$work"

if grep -q " $base_dir/" /proc/mounts; then
  echo "error: something is mounted under $base_dir (a broken debootstrap?); unmount it first" >&2
  exit 1
fi

start_all=$(now)

# 1-2. The base image, reused while the suite, package list and mirror are the same.
start_base=$(now)
if [ "$fresh_base" -eq 1 ] || [ ! -f "$layout/index.json" ] || [ "$(cat "$base_dir/stamp" 2>/dev/null)" != "$stamp" ]; then
  say "debootstrap $suite (minbase + $packages) from $mirror"
  rm -rf "${base_dir:?}"
  mkdir -p "$base_dir"
  debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" >"$base_dir/debootstrap.log" 2>&1 \
    || { tail -n 20 "$base_dir/debootstrap.log" >&2; exit 1; }

  say "preparing the root file system"
  chroot "$rootfs" groupadd --gid 1654 app
  chroot "$rootfs" useradd --no-log-init --uid 1654 --gid 1654 --create-home --shell /usr/sbin/nologin app
  chroot "$rootfs" apt-get clean
  rm -rf "${rootfs:?}"/var/lib/apt/lists/* "${rootfs:?}"/var/cache/apt/*.bin "${rootfs:?}"/var/cache/debconf/*-old \
    "${rootfs:?}"/var/lib/dpkg/*-old "${rootfs:?}"/var/cache/ldconfig/aux-cache "${rootfs:?}"/var/log/* \
    "${rootfs:?}"/usr/share/doc/* "${rootfs:?}"/usr/share/man/* "${rootfs:?}"/usr/share/info/* "${rootfs:?}"/usr/share/locale/* \
    "${rootfs:?}"/dev/* "${rootfs:?}"/tmp/* "${rootfs:?}"/root/.bash_history
  # The runtime provides these: keep empty files (mount points on a read-only root), not the build machine's.
  : >"$rootfs/etc/resolv.conf"
  : >"$rootfs/etc/hostname"
  : >"$rootfs/etc/hosts"
  mkdir -p "$rootfs/app/data"
  chown 1654:1654 "$rootfs/app/data"
  chmod 0755 "$rootfs/app" "$rootfs/app/data"

  say "making the OCI base image (umoci)"
  umoci init --layout "$layout"
  umoci new --image "$layout:$suite"
  umoci insert --image "$layout:$suite" --history.created_by "debootstrap --variant=minbase $suite + $packages" "$rootfs" /
  umoci config --image "$layout:$suite" --os linux --architecture amd64 \
    --config.user app --config.workingdir /app --config.volume /app/data \
    --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --config.env APP_UID=1654 --config.env DOTNET_RUNNING_IN_CONTAINER=true \
    --config.label "org.opencontainers.image.description=Debian $suite minbase for self-contained .NET apps"
  umoci gc --layout "$layout"
  printf '%s' "$stamp" >"$base_dir/stamp"
else
  say "reusing the base image in $layout (--fresh-base rebuilds it)"
fi
end_base=$(now)

# 3. A registry on 127.0.0.1 for the SDK to pull the base from, stopped when the script ends.
registry_pid=""
verify_name="asma-verify-$$"
podman_cmd=()
cleanup() {
  if [ "${#podman_cmd[@]}" -gt 0 ]; then
    "${podman_cmd[@]}" rm -f -t 5 "$verify_name" >/dev/null 2>&1 || true
  fi
  if [ -n "$registry_pid" ]; then
    kill "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

for port in "$registry_port" $([ "$verify" -eq 1 ] && echo "$verify_port"); do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "error: port $port on 127.0.0.1 is taken; set ASMA_REGISTRY_PORT or ASMA_VERIFY_PORT" >&2
    exit 1
  fi
done
mkdir -p "$work/registry/data"
cat >"$work/registry/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $work/registry/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$registry_port
EOF
say "starting a registry on 127.0.0.1:$registry_port"
docker-registry serve "$work/registry/config.yml" >"$work/registry/log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 50); do
  curl -s -o /dev/null "http://127.0.0.1:$registry_port/v2/" && break
  sleep 0.2
done
curl -s -f -o /dev/null "http://127.0.0.1:$registry_port/v2/" \
  || { cat "$work/registry/log" >&2; echo "error: the registry did not start" >&2; exit 1; }

start_push=$(now)
say "pushing the base to localhost:$registry_port/$base_ref"
skopeo copy --quiet --format v2s2 --dest-tls-verify=false "oci:$layout:$suite" "docker://localhost:$registry_port/$base_ref"
end_push=$(now)

# 4. The service image, built by the SDK on that base.
say "publishing the service self-contained (linux-x64) and building the image on localhost:$registry_port/$base_ref"
rm -f "$archive"
start_publish=$(now)
DOTNET_CONTAINER_INSECURE_REGISTRIES="localhost:$registry_port" \
  dotnet publish "$repo/src/AsMassageAdvisor.CdsHooks" -c Release -r linux-x64 --self-contained \
  --artifacts-path "$work/artifacts" -nologo -v quiet \
  /t:PublishContainer \
  -p:ContainerBaseImage="localhost:$registry_port/$base_ref" \
  -p:ContainerArchiveOutputPath="$archive"
end_publish=$(now)
kill "$registry_pid" 2>/dev/null || true
wait "$registry_pid" 2>/dev/null || true
registry_pid=""
end_build=$(now)

# Sizes, read from the archive (the Docker format: manifest.json, one gzip-compressed layer.tar per layer,
# because the base was pushed as a Docker v2 manifest, as Microsoft's images are): the layers as stored and
# pushed (gzip) and unpacked (tar).
read -r layers_gz layers_tar layer_count tags <<<"$(python3 - "$archive" <<'EOF'
import gzip, json, sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    image = json.load(t.extractfile("manifest.json"))[0]
    packed = unpacked = 0
    for layer in image["Layers"]:
        packed += t.getmember(layer).size
        with gzip.open(t.extractfile(layer)) as g:
            while chunk := g.read(1 << 20):
                unpacked += len(chunk)
    print(packed, unpacked, len(image["Layers"]), ",".join(image["RepoTags"]))
EOF
)"
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }

report() {
  echo
  say "image: $archive ($(mb "$(stat -c %s "$archive")"); docker load -i, podman load -i, skopeo copy docker-archive:...)"
  echo "   name:                $tags"
  echo "   layers:              $layer_count, $(mb "$layers_gz") compressed, $(mb "$layers_tar") uncompressed"
  echo "   base image:          $(seconds "$start_base" "$end_base") s (debootstrap and umoci; 0 when reused)"
  echo "   base push:           $(seconds "$start_push" "$end_push") s"
  echo "   publish and image:   $(seconds "$start_publish" "$end_publish") s"
  echo "   build in total:      $(seconds "$start_all" "$end_build") s"
}

if [ "$verify" -eq 0 ]; then
  report
  exit 0
fi

# 5. Start the image and check it. podman with its own vfs store under the work folder, runc (crun refuses
#    hosts with hybrid cgroups), and open-file and process limits set explicitly: podman's default open-file
#    limit (1048576) cannot be set above the hard limit without CAP_SYS_RESOURCE, and some sandboxed hosts
#    refuse a process limit above 32768 even below the hard limit. The service needs far fewer of either.
say "verifying with podman"
start_verify=$(now)
store="$work/podman"
podman_cmd=(podman --root "$store/root" --runroot "$store/run" --storage-driver vfs
  --cgroup-manager cgroupfs --events-backend file --runtime runc)
cap() { if [ "$1" = unlimited ] || [ "$1" -gt "$2" ]; then echo "$2"; else echo "$1"; fi; }
nofile=$(cap "$(ulimit -Hn)" 65536)
nproc=$(cap "$(ulimit -Hu)" 16384)
limits=(--ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")
"${podman_cmd[@]}" rm -a -f >/dev/null 2>&1 || true
"${podman_cmd[@]}" rmi -a -f >/dev/null 2>&1 || true
"${podman_cmd[@]}" load -q -i "$archive" >/dev/null
image="as-massage-advisor-cds:$version"
"${podman_cmd[@]}" image exists "$image" || { echo "error: $image is not in the archive" >&2; exit 1; }

failures=0
check() { # check NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then
    echo "   ok    $1: $3"
  else
    echo "   FAIL  $1: expected $2, got $3"
    failures=$((failures + 1))
  fi
}

config() { "${podman_cmd[@]}" image inspect --format "$1" "$image"; }
check "user" "app" "$(config '{{.Config.User}}')"
check "working folder" "/app/" "$(config '{{.Config.WorkingDir}}')"
check "entry point" "[/app/AsMassageAdvisor.CdsHooks]" "$(config '{{.Config.Entrypoint}}')"
check "exposed ports" "8080/tcp" "$(config '{{range $p, $v := .Config.ExposedPorts}}{{$p}} {{end}}' | xargs)"
check "volumes" "/app/data" "$(config '{{range $v, $x := .Config.Volumes}}{{$v}} {{end}}' | xargs)"

# A client key pair: RS384, the public half as a JWK Set mounted read-only into the container.
keys="$work/verify"
rm -rf "$keys"
mkdir -p "$keys/data"
chown 1654:1654 "$keys/data"
openssl genrsa -out "$keys/client.key" 2048 2>/dev/null
python3 - "$keys" <<'EOF'
import base64, json, subprocess, sys
folder = sys.argv[1]
modulus = subprocess.run(["openssl", "rsa", "-in", folder + "/client.key", "-noout", "-modulus"],
                         capture_output=True, text=True, check=True).stdout.strip().split("=", 1)[1]
b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
key = {"kty": "RSA", "kid": "verify-1", "use": "sig", "alg": "RS384", "n": b64(bytes.fromhex(modulus)), "e": "AQAB"}
with open(folder + "/client.jwks.json", "w") as f:
    json.dump({"keys": [key]}, f)
EOF
chmod 0644 "$keys/client.jwks.json"

token() { # a fresh RS384 token for the endpoint $1
  python3 - "$keys/client.key" "$1" <<'EOF'
import base64, json, subprocess, sys, time, uuid
b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
now = int(time.time())
header = b64(json.dumps({"alg": "RS384", "typ": "JWT", "kid": "verify-1"}).encode())
claims = b64(json.dumps({"iss": "https://ehr.verify.example", "sub": "verify-client", "aud": sys.argv[2],
                         "iat": now, "exp": now + 60, "jti": str(uuid.uuid4())}).encode())
signed = (header + "." + claims).encode()
signature = subprocess.run(["openssl", "dgst", "-sha384", "-sign", sys.argv[1]], input=signed,
                           capture_output=True, check=True).stdout
print(header + "." + claims + "." + b64(signature))
EOF
}

public_base="http://cds.verify.example"
"${podman_cmd[@]}" create --name "$verify_name" "${limits[@]}" \
  --read-only --read-only-tmpfs=false --tmpfs /tmp \
  -v "$keys/data:/app/data" -v "$keys/client.jwks.json:/etc/asma/client.jwks.json:ro" \
  -p "127.0.0.1:$verify_port:8080" \
  -e CdsHooks__TrustedClients__0__Issuer=https://ehr.verify.example \
  -e CdsHooks__TrustedClients__0__JwksFile=/etc/asma/client.jwks.json \
  -e CdsHooks__PublicBaseUrl="$public_base" \
  "$image" >/dev/null

url="http://127.0.0.1:$verify_port"
status() { curl -s -o /dev/null -w '%{http_code}' "$@" || true; }
start_run=$(now)
"${podman_cmd[@]}" start "$verify_name" >/dev/null
live=""
for _ in $(seq 1 600); do
  live=$(status "$url/health/live")
  [ "$live" = "200" ] && break
  sleep 0.05
done
end_live=$(now)
check "GET /health/live" "200" "$live"
if [ "$live" != "200" ]; then
  "${podman_cmd[@]}" logs "$verify_name" 2>&1 | tail -n 30
  exit 1
fi
check "GET /health/ready" "200" "$(status "$url/health/ready")"
check "GET /cds-services" "200" "$(status "$url/cds-services")"
check "discovery lists as-massage-safety" "yes" \
  "$(curl -s "$url/cds-services" | grep -q '"id":"as-massage-safety"' && echo yes || echo no)"
request="$repo/docs/examples/fhir/order-sign-request.json"
hook="$url/cds-services/as-massage-safety"
check "POST hook without a token" "401" \
  "$(status -H 'Content-Type: application/json' --data @"$request" "$hook")"
check "POST hook with a signed RS384 token" "200" \
  "$(curl -s -o "$keys/cards.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $(token "$public_base/cds-services/as-massage-safety")" --data @"$request" "$hook" || true)"
check "the answer has cards" "yes" \
  "$(python3 -c 'import json, sys; print("yes" if json.load(open(sys.argv[1]))["cards"] else "no")' "$keys/cards.json" 2>/dev/null || echo no)"

pid=$("${podman_cmd[@]}" inspect --format '{{.State.Pid}}' "$verify_name")
check "the service's uid on the host" "1654" "$(ps -o uid= -p "$pid" | xargs)"
check "uid inside the container" "1654" "$("${podman_cmd[@]}" exec "$verify_name" id -u)"
check "root file system writable" "no" \
  "$("${podman_cmd[@]}" exec "$verify_name" touch /app/probe 2>/dev/null && echo yes || echo no)"
check "/app/data writable" "yes" \
  "$("${podman_cmd[@]}" exec "$verify_name" touch /app/data/probe 2>/dev/null && echo yes || echo no)"
check "feedback database in /app/data" "yes" "$([ -s "$keys/data/feedback.db" ] && echo yes || echo no)"
check "container still running" "running" "$("${podman_cmd[@]}" inspect --format '{{.State.Status}}' "$verify_name")"
"${podman_cmd[@]}" rm -f -t 10 "$verify_name" >/dev/null

# Without a mount, /app/data is the image's VOLUME: a new volume that takes the folder's owner (1654).
check "anonymous /app/data volume writable by app, root read-only" "1654 data-writable root-read-only" \
  "$("${podman_cmd[@]}" run --rm "${limits[@]}" --read-only --read-only-tmpfs=false --entrypoint /bin/sh "$image" \
    -c 'printf "%s " "$(id -u)"; touch /app/data/probe && printf "data-writable "; touch /app/probe 2>/dev/null || printf root-read-only')"

"${podman_cmd[@]}" rmi -a -f >/dev/null 2>&1 || true
"${podman_cmd[@]}" volume prune -f >/dev/null 2>&1 || true

end_verify=$(now)
report
echo "   check:               $(seconds "$start_verify" "$end_verify") s"
echo "   podman start to /health/live 200: $(seconds "$start_run" "$end_live") s"
if [ "$failures" -ne 0 ]; then
  echo "error: $failures check(s) failed" >&2
  exit 1
fi
say "all checks passed"
