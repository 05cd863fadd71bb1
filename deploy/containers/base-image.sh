#!/usr/bin/env bash
# Makes the image the Dockerfiles' FROM names (eclipse-temurin:17-jre) on a machine that reaches
# no container registry: a minimal Debian bookworm with OpenJDK 17's headless JRE from Debian's
# packages, imported into podman under that name. Built once and kept as a tarball in CACHE_DIR
# (default /var/cache/syncline/images); a later call loads the tarball, or does nothing when podman
# has the image already. The JRE is Debian's, not Temurin's: same Java 17, same paths the
# Dockerfiles use (java on PATH, useradd, sh).
#   base-image.sh [IMAGE]    (needs root, podman and debootstrap)
set -euo pipefail
image=${1:-$(awk '/^FROM/ {print $2; exit}' "$(dirname "$0")/../../magento-sync-service/src/main/docker/Dockerfile.jvm")}
# What Docker would resolve the short name to, so the Dockerfiles find it unchanged.
case "$image" in
  */*/*) qualified=$image ;;
  */*) qualified=docker.io/$image ;;
  *) qualified=docker.io/library/$image ;;
esac
cache_dir=${CACHE_DIR:-/var/cache/syncline/images}
tarball="$cache_dir/$(echo "$qualified" | tr '/:' '__').tar"

if podman image exists "$qualified"; then
  echo "base image $qualified: present"
  exit 0
fi
mkdir -p "$cache_dir"
if [ -s "$tarball" ]; then
  echo "base image $qualified: loading $tarball"
  podman load -q -i "$tarball" >/dev/null
  podman image exists "$qualified" && exit 0
  echo "base image: $tarball did not hold $qualified; building it again" >&2
fi

echo "base image $qualified: building from Debian bookworm (debootstrap, a few minutes, once)"
root=$(mktemp -d /var/tmp/syncline-base.XXXXXX)
# debootstrap mounts /proc and /sys inside the tree: never archive or delete through them.
unmount_all() { findmnt -rno TARGET | grep "^$root/" | sort -r | xargs -r -n1 umount -l 2>/dev/null || true; }
trap 'unmount_all; rm -rf --one-file-system "$root"' EXIT
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$root" \
  "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" > "$cache_dir/debootstrap.log" 2>&1 \
  || { tail -20 "$cache_dir/debootstrap.log" >&2; exit 1; }
unmount_all
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/usr/share/doc/* "$root"/usr/share/man/*
tar -C "$root" --one-file-system -c . | podman import -q \
  -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  -c 'ENV LANG=C.UTF-8' -c 'CMD ["/bin/bash"]' - "$qualified" >/dev/null
podman save -q -o "$tarball.part" "$qualified" && mv "$tarball.part" "$tarball"
echo "base image $qualified: built and cached in $tarball"
