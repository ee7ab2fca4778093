#!/usr/bin/env bash
# Builds the image's base where no registry can be reached: Debian 12 (essential packages, CA
# certificates, time zones) from the Debian archive with mmdebstrap, a Java runtime made with
# jlink from the JDK that builds the portal, and a user "kundesenter" (10001). Writes it as a
# docker-archive tar, which Jib takes as its base: ./mvnw jib:buildTar -Djib.from.image=tar://<it>
# Where a registry is reachable, use a maintained JRE image instead (the pom's default).
#
#   sudo apt-get install -y mmdebstrap
#   deploy/image/base-image.sh [output.tar]      (as root: mmdebstrap needs it)
set -euo pipefail
out=$(realpath -m "${1:-target/base-image.tar}")
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"

echo "Debian root file system ..."
mmdebstrap --quiet --variant=essential --mode=root --include=ca-certificates,tzdata \
	--dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
	--dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
	bookworm "$work/debian.tar" http://deb.debian.org/debian

echo "Java runtime from $java_home ..."
mkdir -p "$work/java/opt" "$work/java/etc"
# Every java.* module and the jdk.* ones a server uses: locale data for nb and nn, charsets for
# mail, JFR and JMX for operations.
modules=$("$java_home/bin/java" --list-modules | sed 's/@.*//' | grep -E '^java\.|^jdk\.(unsupported|localedata|charsets|crypto\.cryptoki|management|management\.agent|management\.jfr|jfr|naming\.dns|net|zipfs|security\.auth|security\.jgss|httpserver)$' | paste -sd,)
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
	--compress=zip-6 --output "$work/java/opt/java"
tar -xf "$work/debian.tar" -C "$work/java" ./etc/passwd ./etc/group
echo "kundesenter:x:10001:10001:Kundesenter på nett:/tmp:/usr/sbin/nologin" >> "$work/java/etc/passwd"
echo "kundesenter:x:10001:" >> "$work/java/etc/group"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$work/java" -cf "$work/java.tar" opt etc

echo "Image archive ..."
python3 - "$work" "$out" <<'PY'
import hashlib, json, os, sys, tarfile
work, out = sys.argv[1], sys.argv[2]
layers = ["debian.tar", "java.tar"]
def sha(path):
    h = hashlib.sha256()
    with open(os.path.join(work, path), "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return "sha256:" + h.hexdigest()
config = {
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "JAVA_HOME=/opt/java", "LANG=C.UTF-8", "TZ=Europe/Oslo"],
               "User": "10001:10001", "WorkingDir": "/tmp"},
    "rootfs": {"type": "layers", "diff_ids": [sha(l) for l in layers]},
    "history": [{"created_by": "mmdebstrap bookworm (essential, ca-certificates, tzdata)"},
                {"created_by": "jlink runtime, user kundesenter"}],
}
with open(os.path.join(work, "config.json"), "w") as f:
    json.dump(config, f)
manifest = [{"Config": "config.json", "RepoTags": ["kundesenter-base:bookworm"], "Layers": layers}]
with open(os.path.join(work, "manifest.json"), "w") as f:
    json.dump(manifest, f)
with tarfile.open(out, "w") as tar:
    for name in ["manifest.json", "config.json"] + layers:
        tar.add(os.path.join(work, name), arcname=name)
PY
ls -l "$out"
